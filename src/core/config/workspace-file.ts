import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseConfigText, type ConfigLayer, type ConfigProblem } from './config';

export const WORKSPACE_CONFIG_FILE = '.promptmeter.json';

/** Reads `.promptmeter.json` from a folder; a missing file is no problem, an unreadable one is. */
export function readWorkspaceConfig(folder: string, fileName = WORKSPACE_CONFIG_FILE): { layer: ConfigLayer; problems: ConfigProblem[]; file: string | null } {
  const file = path.resolve(folder, fileName);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { layer: {}, problems: [], file: null };
    return { layer: {}, problems: [{ source: file, key: '(file)', message: `cannot be read (${code ?? String(error)}); the file is ignored` }], file };
  }
  return { ...parseConfigText(text, file), file };
}
