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

/** Applies non-overlapping edits given in any order. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}
