import type { PromptPart } from '../model';
import { removeDuplicates } from './duplicates';
import { removeExamples } from './examples';
import { removeFiller } from './filler';
import { compactLists } from './lists';
import { hasPlaceholderCharacters, MaskedText } from './masking';
import type { CompressionOptions, CompressionResult, CompressionStep } from './types';
import { normalizeWhitespace, type Edges } from './whitespace';

/**
 * Deterministic, rule-based compression of static prompt text. Fenced code, JSON
 * and XML structure and inline code are never changed. Compressing twice gives the
 * same text as compressing once, and non-empty text never comes back empty.
 */
export function compressText(text: string, options: CompressionOptions = {}): CompressionResult {
  return compressStatic(text, options, { freeStart: true, freeEnd: true });
}

/**
 * Compresses each static part of a prompt on its own; dynamic parts come back
 * exactly as they were. A static part next to a slot keeps a separator there.
 */
export function compressParts(
  parts: readonly PromptPart[],
  options: CompressionOptions = {},
): { parts: PromptPart[]; steps: CompressionStep[] } {
  const steps: CompressionStep[] = [];
  const compressed = parts.map((part, index): PromptPart => {
    if (part.kind === 'dynamic') return part;
    const result = compressStatic(part.text, options, { freeStart: index === 0, freeEnd: index === parts.length - 1 });
    steps.push(...result.steps);
    return result.text === part.text ? part : { ...part, text: result.text };
  });
  return { parts: compressed, steps };
}

function compressStatic(text: string, options: CompressionOptions, edges: Edges): CompressionResult {
  const unchanged: CompressionResult = { text, steps: [] };
  if (hasPlaceholderCharacters(text)) return unchanged;
  const masked = new MaskedText(text);
  const restore = (fragment: string): string => masked.restore(fragment);
  // Whitespace goes last: it tidies the gaps the other steps leave.
  const transforms: ((current: string) => CompressionResult)[] = [
    ...(options.removeExamples ? [(current: string) => removeExamples(current, masked)] : []),
    removeFiller,
    (current) => removeDuplicates(current, restore),
    compactLists,
    (current) => normalizeWhitespace(current, edges),
  ];
  let current = masked.text;
  const steps: CompressionStep[] = [];
  for (const transform of transforms) {
    const result = transform(current);
    current = result.text;
    steps.push(...result.steps);
  }
  const compressed = restore(current);
  const emptied = compressed === '' || (compressed.trim() === '' && text.trim() !== '');
  return emptied && text !== '' ? unchanged : { text: compressed, steps };
}
