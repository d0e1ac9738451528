/**
 * Counts the pieces a BPE tokenizer splits text into before merging: a word or
 * number with its leading space, a run of punctuation, a run of whitespace.
 * Common English words are one token each, so the count tracks token counts
 * closely enough for ratios ("this compression removes 20% of the tokens"),
 * where characters would not: eight spaces of indentation are one token, not eight.
 */
const PIECE = / ?[\p{L}\p{M}\p{N}]+| ?[^\s\p{L}\p{M}\p{N}]+|\s+/gu;

export function pretokenCount(text: string): number {
  return text.match(PIECE)?.length ?? 0;
}
