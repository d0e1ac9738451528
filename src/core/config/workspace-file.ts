import * as path from 'node:path';
import { isInside, isSymbolicLink, ReadBoundary, realPathOf, sizeWords, type Refusal } from '../workspace/read-boundary';
import { parseConfigText, type ConfigLayer, type ConfigProblem } from './config';

export const WORKSPACE_CONFIG_FILE = '.promptmeter.json';
/** A settings file is a few kilobytes; a bigger one is not one. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * Reads `.promptmeter.json` (or the name given) from a folder, and only from inside it:
 * the name may come from the workspace's own settings. A missing file is no problem,
 * an unreadable one is.
 */
export function readWorkspaceConfig(folder: string, fileName = WORKSPACE_CONFIG_FILE): { layer: ConfigLayer; problems: ConfigProblem[]; file: string | null } {
  const file = path.resolve(folder, fileName);
  const read = new ReadBoundary([folder]).read(file, MAX_CONFIG_BYTES);
  if (!read.ok) {
    if (read.reason === 'not-found' && !isSymbolicLink(file)) return { layer: {}, problems: [], file: null };
    return { layer: {}, problems: [{ source: file, key: '', message: `${refusalWords(read)} (the file is ignored)` }], file };
  }
  const { text, problem } = decode(read.bytes);
  const parsed = parseConfigText(text, file);
  return { layer: parsed.layer, problems: problem ? [{ source: file, key: '', message: problem }, ...parsed.problems] : parsed.problems, file };
}

/**
 * The text of the settings file a change is about to rewrite (`null`: there is none yet, and
 * it may be made), or why it must not be written: it is outside the folder, or behind a link
 * that leaves it, or not a file that can be read.
 */
export function workspaceConfigForUpdate(folder: string, fileName: string): { text: string | null } | { problem: string } {
  const file = path.resolve(folder, fileName);
  const outside = { problem: 'is outside the workspace folder, not written' };
  if (!isInside(path.resolve(folder), file)) return outside;
  const boundary = new ReadBoundary([folder]);
  const read = boundary.read(file, MAX_CONFIG_BYTES);
  if (read.ok) return { text: decode(read.bytes).text };
  if (read.reason === 'outside-root') return outside;
  if (read.reason !== 'not-found' || isSymbolicLink(file)) return { problem: refusalWords(read) };
  // A new file: the folder it goes in must be inside too, not a link out of it.
  const parent = realPathOf(path.dirname(file));
  if (parent === null) return { problem: 'is in a folder that does not exist, not written' };
  return boundary.contains(parent) ? { text: null } : outside;
}

function refusalWords(refusal: Refusal): string {
  switch (refusal.reason) {
    case 'outside-root':
      return 'is outside the workspace folder, not read';
    case 'too-large':
      return `is larger than ${sizeWords(MAX_CONFIG_BYTES)}`;
    case 'not-a-file':
      return refusal.kind === 'a folder' ? 'is a folder, not a file' : `is ${refusal.kind ?? 'not a file'}, not a regular file`;
    default:
      return unreadable(refusal.code, refusal.detail);
  }
}

/** Why a settings file could not be read, in words (the error code in brackets for searching). */
export function unreadable(code: string | undefined, error: unknown): string {
  switch (code) {
    case 'ENOENT':
      return 'is a symbolic link to a file that does not exist';
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
      return `cannot be read: permission denied (${code})`;
    case 'ELOOP':
      return 'is a symbolic link that points back to itself (ELOOP)';
    default:
      return `cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})`;
  }
}

/** UTF-8, with or without a BOM; UTF-16 with a BOM (what some Windows tools write) is read too. */
function decode(bytes: Buffer): { text: string; problem?: string } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes) };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { text: new TextDecoder('utf-8').decode(bytes), problem: 'is not UTF-8 text; the characters that are not are read as \uFFFD (save the file as UTF-8)' };
  }
}
