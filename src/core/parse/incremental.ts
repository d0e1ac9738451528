import TreeSitter = require('web-tree-sitter');
import type { Tree } from './parser';
import { parentOf } from './syntax';
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

/**
 * An edit inside one literal (a string's text, a number) on one line: everything
 * after it moves by the same number of characters and nothing else changes.
 */
export interface EditShift {
  start: number;
  oldEnd: number;
  delta: number;
  row: number;
  oldEndColumn: number;
  /**
   * Whether an offset exactly at `oldEnd` moves. Text typed at the very start of a
   * literal belongs to it, so whatever starts there stays where it is.
   */
  movesAtEnd: boolean;
}

export function shiftOffset(offset: number, shift: EditShift): number {
  return offset > shift.oldEnd || (offset === shift.oldEnd && shift.movesAtEnd) ? offset + shift.delta : offset;
}

export function shiftPoint<P extends { line: number; column: number }>(point: P, shift: EditShift): P {
  if (point.line !== shift.row) return point;
  const moves = point.column > shift.oldEndColumn || (point.column === shift.oldEndColumn && shift.movesAtEnd);
  return moves ? { ...point, column: point.column + shift.delta } : point;
}

/** A literal an edit falls in, found in the tree before the edit. */
export interface EditedLiteral {
  start: number;
  end: number;
  type: string;
}

/**
 * The literal node of the given types (a string's text, a number) that holds the
 * whole edit, when the edit stays on one line; for text typed at the very end of a
 * literal, the literal just before it.
 */
export function editedLiteral(tree: Tree, edit: TreeSitter.Edit, types: ReadonlySet<string>): EditedLiteral | null {
  const oneLine = edit.startPosition.row === edit.oldEndPosition.row && edit.startPosition.row === edit.newEndPosition.row;
  if (!oneLine) return null;
  const { startIndex: start, oldEndIndex: end } = edit;
  const candidates = [tree.rootNode.descendantForIndex(start, end), start > 0 ? tree.rootNode.descendantForIndex(start - 1, end) : null];
  for (const node of candidates) {
    if (node && types.has(node.type) && node.startIndex <= start && node.endIndex >= end) {
      return { start: node.startIndex, end: node.endIndex, type: node.type };
    }
  }
  return null;
}

/**
 * For a literal nested deeper than this, analysing afresh is the faster path:
 * in a tree with errors, tree-sitter's changed ranges took 0.1 s at 1,000
 * levels and 3 s at 4,500.
 */
const MAX_LITERAL_DEPTH = 500;

function deeperThan(node: TreeSitter.Node, levels: number): boolean {
  let depth = 0;
  for (let current = parentOf(node); current && depth <= levels; current = parentOf(current)) depth++;
  return depth > levels;
}

/**
 * The shift when the re-parsed tree differs from the old one only inside the
 * edited literal; null when the edit changed any structure (a quote typed into a
 * string, digits that became an identifier).
 */
export function literalShift(literal: EditedLiteral, editedBefore: Tree, after: Tree, edit: TreeSitter.Edit): EditShift | null {
  const delta = edit.newEndIndex - edit.oldEndIndex;
  const newEnd = literal.end + delta;
  const grown = after.rootNode.descendantForIndex(literal.start, newEnd);
  if (grown?.type !== literal.type || grown.startIndex !== literal.start || grown.endIndex !== newEnd) return null;
  if (deeperThan(grown, MAX_LITERAL_DEPTH)) return null;
  if (editedBefore.getChangedRanges(after).some((range) => range.startIndex < literal.start || range.endIndex > newEnd)) return null;
  return {
    start: edit.startIndex,
    oldEnd: edit.oldEndIndex,
    delta,
    row: edit.oldEndPosition.row,
    oldEndColumn: edit.oldEndPosition.column,
    movesAtEnd: !(edit.startIndex === edit.oldEndIndex && edit.startIndex === literal.start),
  };
}
