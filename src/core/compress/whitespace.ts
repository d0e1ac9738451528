/**
 * Which ends of the text touch nothing else. An end next to a dynamic slot keeps
 * a separator (a space or a newline), or the slot's value would run into the text.
 */
export interface Edges {
  freeStart: boolean;
  freeEnd: boolean;
}

/**
 * Python's `dedent`: removes the indentation all non-blank lines share, code
 * blocks included, so relative indentation (nested lists, code) is kept. A first
 * line that continues after a slot is inline text, not an indented line.
 */
export function removeCommonIndent(text: string, edges: Edges): string {
  const lines = text.split('\n');
  const isIndentedLine = (line: string, index: number): boolean => (index > 0 || edges.freeStart) && line.trim() !== '';
  let common: string | null = null;
  lines.forEach((line, index) => {
    if (!isIndentedLine(line, index)) return;
    const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
    common = common === null ? indent : sharedPrefix(common, indent);
  });
  const width = (common ?? '').length;
  if (width === 0) return text;
  return lines.map((line, index) => (isIndentedLine(line, index) ? line.slice(width) : line)).join('\n');
}

/**
 * Removes trailing whitespace, runs of spaces inside lines and runs of blank
 * lines (one blank line, a paragraph break, stays). Protected blocks are
 * placeholders here, so their whitespace is untouched.
 */
export function collapseWhitespace(masked: string, edges: Edges): string {
  const core = masked.trim();
  const leading = masked.slice(0, masked.length - masked.trimStart().length);
  const trailing = core === '' ? '' : masked.slice(masked.trimEnd().length);
  const collapsed = core
    .replace(/[ \t]+$/gm, '')
    .replace(/(\S)[ \t]{2,}(?=\S)/g, '$1 ')
    .replace(/\n{3,}/g, '\n\n');
  return edge(leading, edges.freeStart) + collapsed + edge(trailing, edges.freeEnd);
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
