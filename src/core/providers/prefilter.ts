import type { SourceLanguage } from '../model';
import { JAVASCRIPT_CATALOG } from './javascript';
import { PYTHON_CATALOG } from './python';
import type { LanguageCatalog } from './types';

/**
 * A call is only recognised through an import of an SDK module, so a file that
 * never names one cannot contain a call and need not be parsed.
 */
function symbolKeys(catalog: LanguageCatalog): string[] {
  return [
    ...Object.keys(catalog.constructors),
    ...Object.keys(catalog.functions),
    ...Object.keys(catalog.moduleClients),
  ];
}

function pythonNeedles(): string[] {
  return [...new Set(symbolKeys(PYTHON_CATALOG).map((key) => key.split('.')[0] ?? key))];
}

/** Short module names such as `ai` only count when quoted, as in an import. */
function javascriptNeedles(): string[] {
  const modules = new Set(symbolKeys(JAVASCRIPT_CATALOG).map((key) => key.split('#')[0] ?? key));
  return [...modules].flatMap((module) => (module.length < 5 ? [`'${module}'`, `"${module}"`, `\`${module}\``] : [module]));
}

function needlePattern(needles: string[]): RegExp {
  const escaped = needles.map((needle) => needle.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  return new RegExp(escaped.join('|'));
}

/** The names looked for; the benchmark gives ripgrep the same ones. */
export const PREFILTER_NEEDLES = { python: pythonNeedles(), javascript: javascriptNeedles() };
const PYTHON_PATTERN = needlePattern(PREFILTER_NEEDLES.python);
const JAVASCRIPT_PATTERN = needlePattern(PREFILTER_NEEDLES.javascript);

export function mayContainLlmCall(text: string, language: SourceLanguage): boolean {
  return (language === 'python' ? PYTHON_PATTERN : JAVASCRIPT_PATTERN).test(text);
}

/**
 * The same test on a file's bytes, before decoding them: the names are ASCII, and
 * ASCII bytes in UTF-8 only ever stand for themselves, so reading the bytes as
 * Latin-1 finds exactly what the decoded text would. Most files stop here.
 */
export function mayContainLlmCallInBytes(bytes: Uint8Array, language: SourceLanguage): boolean {
  return mayContainLlmCall(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'), language);
}
