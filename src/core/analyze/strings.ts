/**
 * Decoding of escape sequences, so that prompt text is the text the model
 * receives (token counts depend on it), not the source spelling.
 */

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  b: '\b',
  f: '\f',
  v: '\v',
  a: '\x07',
  '0': '\0',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '`': '`',
  $: '$',
  '{': '{',
  '}': '}',
};

export function decodeEscape(escape: string): string {
  if (escape === '{{') return '{';
  if (escape === '}}') return '}';
  if (!escape.startsWith('\\')) return escape;
  const body = escape.slice(1);
  if (body.startsWith('\n') || body.startsWith('\r')) return '';
  const first = body[0] ?? '';
  if (body.length === 1 && first in SIMPLE_ESCAPES) return SIMPLE_ESCAPES[first] ?? '';
  if (first === 'x' || first === 'u' || first === 'U') {
    const hex = body.slice(1).replace(/[{}]/g, '');
    const code = Number.parseInt(hex, 16);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : escape;
  }
  if (/^[0-7]{1,3}$/.test(body)) return String.fromCharCode(Number.parseInt(body, 8));
  // \N{NAME} and unknown escapes: one character stands in, close enough for token counts.
  return first === 'N' ? '?' : body;
}

/** Python's `textwrap.dedent`: removes the common leading whitespace of non-blank lines. */
export function dedent(text: string): string {
  const lines = text.split('\n');
  let common: string | undefined;
  for (const line of lines) {
    if (line.trim() === '') continue;
    const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
    if (common === undefined || !indent.startsWith(common)) {
      common = commonPrefix(common ?? indent, indent);
    }
  }
  if (!common) return lines.map((line) => (line.trim() === '' ? '' : line)).join('\n');
  const width = common.length;
  return lines.map((line) => (line.trim() === '' ? '' : line.slice(width))).join('\n');
}

function commonPrefix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}
