import * as path from 'node:path';
import type { PromptFileReader } from '../analyze/prompts';
import { classifyContent } from './classify';
import type { ReadBoundary } from './read-boundary';

/** Largest prompt file read through `open("…").read()` and the like. */
export const MAX_PROMPT_FILE_BYTES = 256 * 1024;

/**
 * Reads prompt files named by literal paths, relative to the source file's folder,
 * inside the boundary only. An absolute path names a place on one machine, not in
 * the workspace, and is never read. Synchronous: analysis is synchronous, and these
 * are small text files next to the code.
 */
export function promptFileReader(directory: string, boundary: ReadBoundary): PromptFileReader {
  return (filePath) => {
    if (path.posix.isAbsolute(filePath) || path.win32.isAbsolute(filePath)) return { ok: false, reason: 'an absolute path, not read' };
    if (process.platform === 'win32' && isWindowsDeviceName(filePath)) return { ok: false, reason: 'a Windows device name, not read' };
    const outcome = boundary.read(path.resolve(directory, filePath), MAX_PROMPT_FILE_BYTES);
    if (!outcome.ok) return { ok: false, reason: outcome.detail };
    const verdict = classifyContent(outcome.bytes);
    return verdict.ok ? { ok: true, text: verdict.text } : { ok: false, reason: `not text (${verdict.detail}), not read` };
  };
}

/** The reader for source files in `directory`; given `refused`, one that reads nothing and says why (Restricted Mode). */
export function promptFilesFor(directory: string, boundary: ReadBoundary, refused: string | undefined): PromptFileReader {
  if (refused !== undefined) return () => ({ ok: false, reason: refused });
  return promptFileReader(directory, boundary);
}

/** `CON`, `NUL.txt`, `com1`: on Windows these name devices in every folder, and resolving one opens it. */
export function isWindowsDeviceName(filePath: string): boolean {
  const name = path.win32.basename(filePath).split('.')[0] ?? '';
  return /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i.test(name.trimEnd());
}
