/** Shapes of prose the transformations share: list markers and where a sentence starts. */

/** A list marker at the start of a line: `-`, `*`, `+`, `•`, `1.`, `1)`, `a)`, `(a)`, `(1)`. */
export const LIST_MARKER_SOURCE = String.raw`(?:[-*+•]|\d{1,3}[.)]|[a-z]\)|\((?:[a-z]|\d{1,3})\))`;

/**
 * Lookbehind for the start of a sentence: the start of a line (after indentation
 * and a list marker) or the end of the previous sentence. Used with the `m` flag.
 */
export const SENTENCE_START = String.raw`(?<=^[ \t]*(?:${LIST_MARKER_SOURCE}[ \t]+)?|[.!?]["'”’)\]]*[ \t]+)`;

/** Indentation and list marker at the start of a line. */
export const LINE_PREFIX = new RegExp(String.raw`^[ \t]*(?:${LIST_MARKER_SOURCE}[ \t]+)?`, 'i');

/** A line that starts with a short label (`Input:`, `User question:`): the shape of examples and forms. */
export const LABELLED_LINE = /^[ \t]*\p{L}[\p{L}\p{N} ]{0,24}:(?:[ \t]|$)/u;

/** True when `offset` sits inside a double-quoted run on its line (a quoted reply stays as written). */
export function insideQuotes(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const quotes = text.slice(lineStart, offset).match(/["“”]/g)?.length ?? 0;
  return quotes % 2 === 1;
}

/** Sentences of one line as [start, end) spans, each with its trailing spaces. */
export function sentenceSpans(line: string): [number, number][] {
  const spans: [number, number][] = [];
  let start = 0;
  for (let index = 0; index < line.length; index++) {
    if (!'.!?'.includes(line[index] ?? '')) continue;
    let end = index + 1;
    while (end < line.length && /["'”’)\]]/.test(line[end] ?? '')) end++;
    if (end < line.length && !/[ \t]/.test(line[end] ?? '')) continue;
    while (end < line.length && /[ \t]/.test(line[end] ?? '')) end++;
    spans.push([start, end]);
    start = end;
    index = end - 1;
  }
  if (start < line.length) spans.push([start, line.length]);
  return spans;
}

/** A fragment short enough to quote in a step's description. */
export function clip(text: string, max = 50): string {
  const trimmed = text.trim();
  return trimmed.length > max ? `${trimmed.slice(0, max - 1)}…` : trimmed;
}
