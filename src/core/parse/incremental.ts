import TreeSitter = require('web-tree-sitter');
import type { Point } from 'web-tree-sitter';

/**
 * The single edit that turns `before` into `after`: the span between their common
 * prefix and common suffix. Debounced keystrokes arrive as whole texts, and one
 * covering edit is all tree-sitter needs to reuse the unchanged parts of a tree.
 */
export function coveringEdit(before: string, after: string): TreeSitter.Edit | null {
  if (before === after) return null;
  const limit = Math.min(before.length, after.length);
  let start = 0;
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let suffix = 0;
  while (suffix < limit - start && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  const oldEnd = before.length - suffix;
  const newEnd = after.length - suffix;
  return new TreeSitter.Edit({
    startIndex: start,
    oldEndIndex: oldEnd,
    newEndIndex: newEnd,
    startPosition: pointAt(before, start),
    oldEndPosition: pointAt(before, oldEnd),
    newEndPosition: pointAt(after, newEnd),
  });
}

/** Row and column (UTF-16 units, as web-tree-sitter counts them) of an offset. */
function pointAt(text: string, offset: number): Point {
  let row = 0;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    row++;
    lineStart = index + 1;
  }
  return { row, column: offset - lineStart };
}
