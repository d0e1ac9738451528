import { isPlaceholderLine } from './masking';
import { clip, LABELLED_LINE, LINE_PREFIX, sentenceSpans } from './prose';
import type { CompressionResult, CompressionStep } from './types';

/** Shorter sentences ("Yes.", "Be brief.") repeat on purpose too often to drop. */
const MIN_WORDS = 4;

/**
 * Drops a sentence or instruction that repeats an earlier one, ignoring case,
 * punctuation and spacing. A line left empty goes with its list marker. Labelled
 * lines (`Output: …`) are left alone: few-shot examples repeat them by design.
 */
export function removeDuplicates(masked: string, restore: (fragment: string) => string): CompressionResult {
  const seen = new Set<string>();
  const steps: CompressionStep[] = [];
  const lines: string[] = [];
  for (const line of masked.split('\n')) {
    const prefix = LINE_PREFIX.exec(line)?.[0] ?? '';
    const body = line.slice(prefix.length);
    if (isPlaceholderLine(line) || LABELLED_LINE.test(line) || body.trim() === '') {
      lines.push(line);
      continue;
    }
    const kept: string[] = [];
    const lineSteps: CompressionStep[] = [];
    for (const [start, end] of sentenceSpans(body)) {
      const sentence = body.slice(start, end);
      const key = normalize(restore(sentence));
      const isRepeat = key.split(' ').length >= MIN_WORDS && seen.has(key);
      seen.add(key);
      if (!isRepeat) kept.push(sentence);
      else lineSteps.push({ kind: 'duplicate', description: `Removed repeated "${clip(restore(sentence))}"`, removedChars: restore(sentence).length });
    }
    const last = lineSteps[lineSteps.length - 1];
    if (!last) {
      lines.push(line);
      continue;
    }
    // A line left empty goes with its marker and newline. Otherwise the line keeps its own trailing
    // whitespace (it may separate it from the next part of the prompt), not that of a removed sentence.
    const rebuilt = kept.length > 0 ? prefix + kept.join('').trimEnd() + body.slice(body.trimEnd().length) : null;
    if (rebuilt !== null) lines.push(rebuilt);
    const lineRemoved = restore(line).length - (rebuilt === null ? -1 : restore(rebuilt).length);
    last.removedChars += lineRemoved - lineSteps.reduce((sum, step) => sum + step.removedChars, 0);
    steps.push(...lineSteps);
  }
  return { text: lines.join('\n'), steps };
}

function normalize(sentence: string): string {
  return sentence
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
