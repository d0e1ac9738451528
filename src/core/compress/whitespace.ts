import { isPlaceholderLine } from './masking';
import type { CompressionResult } from './types';

/**
 * Which ends of the text touch nothing else. An end next to a dynamic slot keeps
 * a separator (a space or a newline), or the slot's value would run into the text.
 */
export interface Edges {
  freeStart: boolean;
  freeEnd: boolean;
}

/**
 * Removes the indentation every prose line shares, trailing whitespace, runs of
 * spaces inside lines and runs of blank lines (one blank line, a paragraph
 * break, stays). Indentation beyond the shared part (nested lists) is kept.
 */
export function normalizeWhitespace(masked: string, edges: Edges): CompressionResult {
  const dedented = removeCommonIndent(masked, edges.freeStart);
  const core = dedented.trim();
  const leading = dedented.slice(0, dedented.length - dedented.trimStart().length);
  const trailing = core === '' ? '' : dedented.slice(dedented.trimEnd().length);
  const normalizedCore = core
    .replace(/[ \t]+$/gm, '')
    .replace(/(\S)[ \t]{2,}(?=\S)/g, '$1 ')
    .replace(/\n{3,}/g, '\n\n');
  const text = edge(leading, edges.freeStart) + normalizedCore + edge(trailing, edges.freeEnd);
  const removedChars = masked.length - text.length;
  if (text === masked) return { text, steps: [] };
  return { text, steps: [{ kind: 'whitespace', description: 'Collapsed indentation, blank lines and runs of spaces', removedChars }] };
}

/**
 * Python's `dedent` over prose lines; protected blocks keep their own indentation.
 * A first line that continues after a slot is inline text, not an indented line.
 */
function removeCommonIndent(text: string, firstLineStartsALine: boolean): string {
  const lines = text.split('\n');
  const isIndentedProse = (line: string, index: number): boolean =>
    (index > 0 || firstLineStartsALine) && line.trim() !== '' && !isPlaceholderLine(line);
  let common: string | null = null;
  lines.forEach((line, index) => {
    if (!isIndentedProse(line, index)) return;
    const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
    common = common === null ? indent : sharedPrefix(common, indent);
  });
  const width = (common ?? '').length;
  if (width === 0) return text;
  return lines.map((line, index) => (isIndentedProse(line, index) ? line.slice(width) : line)).join('\n');
}

function sharedPrefix(a: string, b: string): string {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length++;
  return a.slice(0, length);
}

/** Whitespace at an end: dropped when free, else the smallest separator of the same kind. */
function edge(whitespace: string, free: boolean): string {
  if (free || whitespace === '') return '';
  const newlines = whitespace.split('\n').length - 1;
  if (newlines >= 2) return '\n\n';
  if (newlines === 1) return '\n';
  return whitespace.length === 1 ? whitespace : ' ';
}
