import { lstatSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseConfigText, type ConfigLayer, type ConfigProblem } from './config';

export const WORKSPACE_CONFIG_FILE = '.promptmeter.json';

/** Reads `.promptmeter.json` from a folder; a missing file is no problem, an unreadable one is. */
export function readWorkspaceConfig(folder: string, fileName = WORKSPACE_CONFIG_FILE): { layer: ConfigLayer; problems: ConfigProblem[]; file: string | null } {
  const file = path.resolve(folder, fileName);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !isSymlink(file)) return { layer: {}, problems: [], file: null };
    return { layer: {}, problems: [{ source: file, key: '', message: `${unreadable(code, error)} (the file is ignored)` }], file };
  }
  const { text, problem } = decode(bytes);
  const parsed = parseConfigText(text, file);
  return { layer: parsed.layer, problems: problem ? [{ source: file, key: '', message: problem }, ...parsed.problems] : parsed.problems, file };
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

function isSymlink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
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
