import type { InsertionPoint, TextEdit } from '../model';

/**
 * Adds `name=value` (Python keyword) or `name: value` (object property) at the
 * end of a list, in the list's own layout: on the same line, or on a line of its
 * own with the same indentation, keeping a trailing comma and end-of-line comments.
 */
export function addArgument(point: InsertionPoint, name: string, value: string): TextEdit[] {
  const entry = point.style === 'keyword' ? `${name}=${value}` : `${name}: ${value}`;
  if (point.emptyAfter !== null) {
    return [{ start: point.emptyAfter, end: point.emptyAfter, newText: point.style === 'property' ? ` ${entry} ` : entry }];
  }
  if (point.multilineIndent !== null) {
    const indent = point.multilineIndent;
    if (point.trailingCommaEnd !== null) {
      const at = Math.max(point.trailingCommaEnd, point.commentLineEnd ?? 0);
      return [{ start: at, end: at, newText: `\n${indent}${entry},` }];
    }
    if (point.commentLineEnd !== null) {
      return [
        { start: point.lastEnd, end: point.lastEnd, newText: ',' },
        { start: point.commentLineEnd, end: point.commentLineEnd, newText: `\n${indent}${entry}` },
      ];
    }
    return [{ start: point.lastEnd, end: point.lastEnd, newText: `,\n${indent}${entry}` }];
  }
  if (point.trailingCommaEnd !== null) return [{ start: point.trailingCommaEnd, end: point.trailingCommaEnd, newText: ` ${entry}` }];
  return [{ start: point.lastEnd, end: point.lastEnd, newText: `, ${entry}` }];
}

/**
 * Applies non-overlapping edits given in any order; of two insertions at one
 * offset, the later one's text comes first. Built in one pass: splicing the
 * edits in one by one copied the text once per edit, and fixing a file with
 * 10,000 calls took 40 s.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits.map((edit, index) => ({ edit, index })).sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || b.index - a.index);
  const pieces: string[] = [];
  let copiedTo = 0;
  for (const { edit } of sorted) {
    pieces.push(text.slice(copiedTo, edit.start), edit.newText);
    copiedTo = edit.end;
  }
  pieces.push(text.slice(copiedTo));
  return pieces.join('');
}
