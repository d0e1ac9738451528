import type { Position, SourceRange } from '../model';
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
  const lines = linesOf(node);
  return { start: positionAt(lines, fromOffset), end: positionAt(lines, toOffset), startOffset: fromOffset, endOffset: toOffset };
}

/** Where a node's lines start (file offsets), and where the node starts and ends. */
interface NodeLines {
  start: Position;
  startOffset: number;
  endOffset: number;
  /** The offset just after each newline in the node, in order. */
  lineStarts: number[];
}

/**
 * Each literal's lines, found once: a template with thousands of interpolations
 * asks for the position of each piece, and scanning the literal from its start
 * for every one took time quadratic in its length.
 */
const nodeLines = new WeakMap<SyntaxNode, NodeLines>();

function linesOf(node: SyntaxNode): NodeLines {
  let lines = nodeLines.get(node);
  if (!lines) {
    const text = node.text;
    const lineStarts: number[] = [];
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lineStarts.push(node.startIndex + index + 1);
    lines = { start: { line: node.startPosition.row, column: node.startPosition.column }, startOffset: node.startIndex, endOffset: node.startIndex + text.length, lineStarts };
    nodeLines.set(node, lines);
  }
  return lines;
}

function positionAt({ start, startOffset, endOffset, lineStarts }: NodeLines, at: number): Position {
  const offset = Math.min(Math.max(at, startOffset), endOffset);
  // How many of the node's newlines come before the offset.
  let before = 0;
  let after = lineStarts.length;
  while (before < after) {
    const middle = (before + after) >> 1;
    if (lineStarts[middle] <= offset) before = middle + 1;
    else after = middle;
  }
  return before === 0 ? { line: start.line, column: start.column + offset - startOffset } : { line: start.line + before, column: offset - lineStarts[before - 1] };
}

export function ancestors(node: SyntaxNode): SyntaxNode[] {
  const result: SyntaxNode[] = [];
  for (let current = parentOf(node); current; current = parentOf(current)) result.push(current);
  return result;
}

/** Parents found so far in one tree, and the node asked about last. */
interface KnownParents {
  parents: Map<number, SyntaxNode | null>;
  last: SyntaxNode | null;
}

const knownParents = new WeakMap<Tree, KnownParents>();

/**
 * `node.parent`, remembered for the tree. Tree-sitter finds a parent by walking
 * down from the root, so climbing a tree thousands of levels deep step by step
 * took time quadratic in its depth (84 s for one 135 KB file). Instead, nested
 * nodes, met outside in, are reached by walking down from the node asked about
 * last; a node beside one met before asks tree-sitter once; any other walks
 * down from the root once, learning the parent of every node on the way.
 */
export function parentOf(node: SyntaxNode): SyntaxNode | null {
  let known = knownParents.get(node.tree);
  if (!known) {
    known = { parents: new Map(), last: null };
    knownParents.set(node.tree, known);
  }
  const { parents, last } = known;
  known.last = node;
  const remembered = parents.get(node.id);
  if (remembered !== undefined) return remembered;
  if (last && last.id !== node.id && last.startIndex <= node.startIndex && node.endIndex <= last.endIndex && walkDown(last, node, parents)) {
    return parents.get(node.id) ?? null;
  }
  const parent = node.parent;
  if (!parent || parents.has(parent.id)) {
    parents.set(node.id, parent);
    return parent;
  }
  parents.set(node.tree.rootNode.id, null);
  walkDown(node.tree.rootNode, node, parents);
  return parents.get(node.id) ?? parent;
}

/** Records the parent of each node from `top` down to `node`; false when `node` is not below `top`. */
function walkDown(top: SyntaxNode, node: SyntaxNode, parents: Map<number, SyntaxNode | null>): boolean {
  for (let step = top; step.id !== node.id; ) {
    const child = step.childWithDescendant(node);
    if (!child) return false;
    parents.set(child.id, step);
    step = child;
  }
  return true;
}

const closestByTypes = new WeakMap<Tree, Map<ReadonlySet<string>, Map<number, SyntaxNode | null>>>();

/**
 * The nearest ancestor whose type is one of `types`, remembered for the tree and
 * the set: climbing to it from each of thousands of nested nodes (`a = b = c = …`
 * on one long line) took time quadratic in the nesting.
 */
export function closestAncestor(node: SyntaxNode, types: ReadonlySet<string>): SyntaxNode | null {
  let byTypes = closestByTypes.get(node.tree);
  if (!byTypes) {
    byTypes = new Map();
    closestByTypes.set(node.tree, byTypes);
  }
  let answers = byTypes.get(types);
  if (!answers) {
    answers = new Map();
    byTypes.set(types, answers);
  }
  const climbed: number[] = [];
  let answer = answers.get(node.id);
  for (let current = node; answer === undefined; ) {
    climbed.push(current.id);
    const parent = parentOf(current);
    if (!parent || types.has(parent.type)) answer = parent;
    else {
      answer = answers.get(parent.id);
      current = parent;
    }
  }
  for (const id of climbed) answers.set(id, answer);
  return answer;
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

/**
 * ERROR and MISSING nodes in document order, without descending into well-formed
 * subtrees. A cursor rather than recursion: error trees can be tens of thousands
 * of levels deep (a long line of `+1` or `*` `/`), deeper than the call stack.
 */
export function syntaxErrorNodes(tree: Tree, limit = 20): ErrorNode[] {
  if (tree.rootNode.type === 'ERROR') return [{ node: tree.rootNode, missing: false }];
  const found: ErrorNode[] = [];
  const cursor = tree.walk();
  try {
    let descend = tree.rootNode.hasError;
    while (found.length < limit) {
      if (!(descend && cursor.gotoFirstChild())) {
        while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) return found;
      }
      descend = false;
      if (cursor.nodeType === 'ERROR') found.push({ node: cursor.currentNode, missing: false });
      else if (cursor.nodeIsMissing) found.push({ node: cursor.currentNode, missing: true });
      else descend = cursor.currentNode.hasError;
    }
    return found;
  } finally {
    cursor.delete();
  }
}
