import type { InsertionPoint } from '../model';
import type { SyntaxNode } from '../parse/parser';

/** Reads the layout of an argument list or object literal, so a fix can add to it in the same style. */
export function insertionPoint(container: SyntaxNode, style: InsertionPoint['style'], text: string): InsertionPoint | null {
  const children = container.children.filter((child): child is SyntaxNode => child !== null);
  const open = children[0];
  if (!open || (open.type !== '(' && open.type !== '{')) return null;
  const items = children.filter((child) => child.isNamed && child.type !== 'comment');
  const last = items[items.length - 1];
  if (!last) {
    return { style, emptyAfter: open.endIndex, lastEnd: open.endIndex, trailingCommaEnd: null, multilineIndent: null, commentLineEnd: null };
  }
  const afterLast = children.slice(children.indexOf(last) + 1);
  const trailingComma = afterLast.find((child) => child.type === ',');
  const comment = afterLast.find((child) => child.type === 'comment' && child.startPosition.row === last.endPosition.row);
  const lineStart = text.lastIndexOf('\n', last.startIndex - 1) + 1;
  const leading = text.slice(lineStart, last.startIndex);
  const ownLine = last.startPosition.row > open.startPosition.row;
  return {
    style,
    emptyAfter: null,
    lastEnd: last.endIndex,
    trailingCommaEnd: trailingComma ? trailingComma.endIndex : null,
    multilineIndent: ownLine ? (/^\s*/.exec(leading)?.[0] ?? '') : null,
    commentLineEnd: comment ? comment.endIndex : null,
  };
}
