import type { LlmCall, SourceLanguage, TextEdit } from '../model';
import { addArgument } from './edits';
import { preferredQuote } from './style';

/**
 * Edits that set a (possibly nested) parameter on a call: `max_tokens=1024`, or
 * `config={"max_output_tokens": 1024}` when the options object holding it is absent.
 * Null when the call's options cannot be edited safely (not a literal, or the
 * outer option exists already and would need merging).
 */
export function addParameter(call: LlmCall, path: string, value: string, language: SourceLanguage, text: string): TextEdit[] | null {
  if (!call.insertion) return null;
  const [outer, ...inner] = path.split('.');
  if (!outer) return null;
  if (inner.length === 0) return addArgument(call.insertion, outer, value);
  const quote = preferredQuote(text);
  const nested = inner.reduceRight(
    (innerValue, key) => (language === 'python' ? `{${quote}${key}${quote}: ${innerValue}}` : `{ ${key}: ${innerValue} }`),
    value,
  );
  // The outer option exists already: merging into it is not something to guess at.
  if (call.argumentNames.includes(outer)) return null;
  return addArgument(call.insertion, outer, nested);
}
