import type { PromptPart } from '../model';
import { removeDuplicates } from './duplicates';
import { removeExamples } from './examples';
import { removeFiller } from './filler';
import { compactLists } from './lists';
import { hasPlaceholderCharacters, MaskedText } from './masking';
import type { CompressionOptions, CompressionResult, CompressionStep } from './types';
import { collapseWhitespace, removeCommonIndent, type Edges } from './whitespace';

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

/**
 * Runs whole passes until one removes nothing: a removal can expose another (a
 * filler word before "Example:", a line whose indentation the removed lines hid).
 * Every change shortens the text, so this ends.
 */
function compressStatic(text: string, options: CompressionOptions, edges: Edges): CompressionResult {
  let current = text;
  const steps: CompressionStep[] = [];
  for (let shrank = true; shrank; ) {
    const pass = compressOnce(current, options, edges);
    shrank = pass.text.length < current.length;
    current = pass.text;
    steps.push(...pass.steps);
  }
  const emptied = current === '' || (current.trim() === '' && text.trim() !== '');
  return emptied && text !== '' ? { text, steps: [] } : { text: current, steps: mergeSteps(steps) };
}

function compressOnce(text: string, options: CompressionOptions, edges: Edges): CompressionResult {
  if (hasPlaceholderCharacters(text)) return { text, steps: [] };
  // Dedent before masking so code blocks move with the prose around them.
  const dedented = removeCommonIndent(text, edges);
  const masked = new MaskedText(dedented);
  const restore = (fragment: string): string => masked.restore(fragment);
  const transforms: ((current: string) => CompressionResult)[] = [
    ...(options.removeExamples ? [(current: string) => removeExamples(current, masked)] : []),
    removeFiller,
    (current) => removeDuplicates(current, restore),
    compactLists,
  ];
  let current = masked.text;
  const steps: CompressionStep[] = [];
  for (const transform of transforms) {
    const result = transform(current);
    current = result.text;
    steps.push(...result.steps);
  }
  // Whitespace goes last: it also tidies the gaps the other steps leave.
  const collapsed = collapseWhitespace(current, edges);
  const whitespaceRemoved = text.length - dedented.length + current.length - collapsed.length;
  if (whitespaceRemoved > 0) {
    steps.push({ kind: 'whitespace', description: 'Collapsed indentation, blank lines and runs of spaces', removedChars: whitespaceRemoved });
  }
  return { text: restore(collapsed), steps };
}

/** One step per change described alike, however many passes it took. */
function mergeSteps(steps: CompressionStep[]): CompressionStep[] {
  const merged = new Map<string, CompressionStep>();
  for (const step of steps) {
    const key = `${step.kind}\u0000${step.description}`;
    const earlier = merged.get(key);
    if (earlier) earlier.removedChars += step.removedChars;
    else merged.set(key, { ...step });
  }
  return [...merged.values()];
}
