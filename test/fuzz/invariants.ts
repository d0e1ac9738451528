/**
 * What must hold for any result of the engine on any text: every range and
 * edit lies inside the text, with lines and columns that match its offsets,
 * and every number is a real, non-negative amount.
 */
import type { Position, SourceRange, TextEdit } from '../../src/core/model';

/** Line starts as tree-sitter and the engine count them: only `\n` ends a line. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) this.starts.push(index + 1);
  }

  positionAt(offset: number): Position {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low, column: offset - this.starts[low] };
  }
}

/** Throws, naming the field, if a range or edit anywhere in `value` is outside the text or disagrees with itself. */
export function assertInsideText(value: unknown, lines: LineIndex, where: string): void {
  visit(value, where, (node, at) => {
    if (isSourceRange(node)) assertRange(node, lines, at);
    else if (isTextEdit(node)) assertEdit(node, lines.text.length, at);
  });
}

/** Throws if a number anywhere in `value` is NaN, infinite or negative: costs and token counts are none of those. */
export function assertSaneAmounts(value: unknown, where: string): void {
  visit(value, where, (node, at) => {
    if (typeof node === 'number' && !(Number.isFinite(node) && node >= 0)) throw new Error(`${at} is ${node}`);
  });
}

function assertRange(range: SourceRange, lines: LineIndex, at: string): void {
  const { startOffset, endOffset } = range;
  if (!(Number.isInteger(startOffset) && Number.isInteger(endOffset) && startOffset >= 0 && startOffset <= endOffset && endOffset <= lines.text.length)) {
    throw new Error(`${at}: offsets ${startOffset}..${endOffset} are not inside a text of ${lines.text.length} characters`);
  }
  for (const [end, offset] of [['start', startOffset], ['end', endOffset]] as const) {
    const expected = lines.positionAt(offset);
    const actual = range[end];
    if (actual.line !== expected.line || actual.column !== expected.column) {
      throw new Error(`${at}.${end}: line ${actual.line} column ${actual.column}, but offset ${offset} is line ${expected.line} column ${expected.column}`);
    }
  }
}

function assertEdit(edit: TextEdit, length: number, at: string): void {
  if (!(Number.isInteger(edit.start) && Number.isInteger(edit.end) && edit.start >= 0 && edit.start <= edit.end && edit.end <= length)) {
    throw new Error(`${at}: edit ${edit.start}..${edit.end} is not inside a text of ${length} characters`);
  }
}

function isSourceRange(node: unknown): node is SourceRange {
  return typeof node === 'object' && node !== null && 'startOffset' in node && 'endOffset' in node && 'start' in node && 'end' in node;
}

function isTextEdit(node: unknown): node is TextEdit {
  return typeof node === 'object' && node !== null && 'newText' in node && 'start' in node && 'end' in node;
}

/** Depth-first over plain data, with a readable path (`calls[0].prompts[1].range`) for each node. */
function visit(value: unknown, at: string, check: (node: unknown, at: string) => void): void {
  check(value, at);
  if (Array.isArray(value)) value.forEach((item, index) => visit(item, `${at}[${index}]`, check));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) visit(item, `${at}.${key}`, check);
  }
}
