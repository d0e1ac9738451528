import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { PromptFileReader } from '../analyze/prompts';
import { classifyContent } from './classify';

/** Largest prompt file read through `open("…").read()` and the like. */
const MAX_PROMPT_FILE_BYTES = 256 * 1024;

/**
 * Reads prompt files named by literal paths, relative to the source file's folder.
 * Synchronous: analysis is synchronous, and these are small text files next to the code.
 */
export function promptFileReader(directory: string): PromptFileReader {
  return (relativePath) => {
    const absolute = path.resolve(directory, relativePath);
    try {
      if (statSync(absolute).size > MAX_PROMPT_FILE_BYTES) return null;
      const verdict = classifyContent(readFileSync(absolute));
      return verdict.ok ? verdict.text : null;
    } catch {
      return null;
    }
  };
}
