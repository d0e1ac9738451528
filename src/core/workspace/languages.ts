import type { SourceLanguage } from '../model';

// One definition of the union, owned by the data model; re-exported so callers
// that only deal with files need not reach into the model.
export type { SourceLanguage } from '../model';

const LANGUAGE_BY_EXTENSION: ReadonlyMap<string, SourceLanguage> = new Map([
  ['.py', 'python'],
  ['.pyi', 'python'],
  ['.ts', 'typescript'],
  ['.mts', 'typescript'],
  ['.cts', 'typescript'],
  ['.tsx', 'tsx'],
  ['.js', 'javascript'],
  ['.mjs', 'javascript'],
  ['.cjs', 'javascript'],
  ['.jsx', 'javascript'],
]);

// Declaration files (.d.ts, .d.mts, .d.cts) describe types only: they hold no calls.
const DECLARATION_FILE = /\.d\.[mc]?ts$/;

/** The language a file is parsed as, judged by its name alone; undefined when unsupported. */
export function languageForPath(path: string): SourceLanguage | undefined {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).toLowerCase();
  if (DECLARATION_FILE.test(name)) return undefined;
  const dot = name.lastIndexOf('.');
  // A leading dot marks a hidden file (".ts"), not an extension.
  if (dot <= 0) return undefined;
  return LANGUAGE_BY_EXTENSION.get(name.slice(dot));
}
