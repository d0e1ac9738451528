import type { SourceRange } from '../model';
import type { SyntaxNode, Tree } from './parser';

export function rangeOf(node: SyntaxNode): SourceRange {
  return {
    start: { line: node.startPosition.row, column: node.startPosition.column },
    end: { line: node.endPosition.row, column: node.endPosition.column },
    startOffset: node.startIndex,
    endOffset: node.endIndex,
  };
}

export function spanRange(first: SourceRange, last: SourceRange): SourceRange {
  return { start: first.start, end: last.end, startOffset: first.startOffset, endOffset: last.endOffset };
}

/** Ranges inside a string literal, computed from the node's start and the literal's own text. */
export function subRange(node: SyntaxNode, fromOffset: number, toOffset: number): SourceRange {
  return { start: positionAt(node, fromOffset), end: positionAt(node, toOffset), startOffset: fromOffset, endOffset: toOffset };
}

function positionAt(node: SyntaxNode, offset: number): { line: number; column: number } {
  const text = node.text;
  let line = node.startPosition.row;
  let column = node.startPosition.column;
  for (let i = 0; i < offset - node.startIndex && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      column = 0;
    } else {
      column++;
    }
  }
  return { line, column };
}

export function ancestors(node: SyntaxNode): SyntaxNode[] {
  const result: SyntaxNode[] = [];
  for (let current = node.parent; current; current = current.parent) result.push(current);
  return result;
}

export function isInside(node: SyntaxNode, container: SyntaxNode): boolean {
  return node.startIndex >= container.startIndex && node.endIndex <= container.endIndex;
}

/**
 * The nodes analysis looks at, found in one pass by tree-sitter itself (each
 * `descendantsOfType` call is a full walk of the tree inside WebAssembly).
 */
export class NodeIndex {
  private readonly byType = new Map<string, SyntaxNode[]>();

  constructor(tree: Tree, types: readonly string[]) {
    for (const node of tree.rootNode.descendantsOfType(types as string[])) {
      if (!node) continue;
      const list = this.byType.get(node.type);
      if (list) list.push(node);
      else this.byType.set(node.type, [node]);
    }
  }

  /** Nodes of the given types in document order. */
  of(types: readonly string[]): SyntaxNode[] {
    if (types.length === 1) return this.byType.get(types[0] ?? '') ?? [];
    return types.flatMap((type) => this.byType.get(type) ?? []).sort((a, b) => a.startIndex - b.startIndex);
  }
}

export interface ErrorNode {
  node: SyntaxNode;
  missing: boolean;
}

/** ERROR and MISSING nodes, without descending into well-formed subtrees. */
export function syntaxErrorNodes(tree: Tree, limit = 20): ErrorNode[] {
  const found: ErrorNode[] = [];
  const visit = (node: SyntaxNode): void => {
    if (found.length >= limit || !node.hasError) return;
    for (const child of node.children) {
      if (!child) continue;
      if (child.type === 'ERROR') found.push({ node: child, missing: false });
      else if (child.isMissing) found.push({ node: child, missing: true });
      else visit(child);
      if (found.length >= limit) return;
    }
  };
  if (tree.rootNode.type === 'ERROR') found.push({ node: tree.rootNode, missing: false });
  else visit(tree.rootNode);
  return found;
}
