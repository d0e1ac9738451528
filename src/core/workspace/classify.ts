/**
 * Checks the scanner makes on a file's bytes before parsing: binary files, text
 * in another encoding and minified bundles are reported as skipped, not parsed.
 */

export type ContentVerdict =
  | { ok: true; text: string }
  | { ok: false; reason: 'binary' | 'minified' | 'not-utf8'; detail: string };

// Text never holds NUL, binary formats almost always do early on; git sniffs the same 8 KB.
const BINARY_SNIFF_BYTES = 8 * 1024;

// Minified code: minifiers drop newlines and whitespace, so lines get long and
// spaces scarce. Sparse whitespace is required for both rules below because a
// prompt written as one long line is prose, a space every ~6 characters, while
// minified bundles measure 1–3% spaces and tabs.
const MINIFIED_MAX_WHITESPACE_SHARE = 0.08;
// Rule 1: most lines are long. The median, not the mean, so that a few long
// string literals among ordinary lines cannot tip a file over.
const MINIFIED_MIN_BYTES = 2 * 1024;
const MINIFIED_MEDIAN_LINE_CHARS = 300;
// Rule 2: a bundle with a short header comment has a short median, but one huge
// line near the top and almost no newlines in the whole file.
const MINIFIED_LONG_LINE_CHARS = 5_000;
const MINIFIED_LONG_LINE_WINDOW_CHARS = 64 * 1024;
const MINIFIED_MIN_BYTES_PER_NEWLINE = 1_000;

// fatal: reject invalid sequences instead of inserting U+FFFD. The default
// ignoreBOM: false removes a leading UTF-8 byte order mark from the text.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function classifyContent(bytes: Uint8Array): ContentVerdict {
  const notText = sniffNotText(bytes);
  if (notText) return notText;

  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return { ok: false, reason: 'not-utf8', detail: 'invalid UTF-8 byte sequence' };
  }

  const minified = minifiedEvidence(text, bytes.length);
  if (minified) return { ok: false, reason: 'minified', detail: minified };
  return { ok: true, text };
}

/**
 * What a glance at the first bytes tells: UTF-16 text or binary data. Cheap
 * enough for every file; decoding and the minified check are left for files
 * that may hold a call.
 */
export function sniffNotText(bytes: Uint8Array): (ContentVerdict & { ok: false }) | null {
  // Checked before NUL bytes: UTF-16 text is full of them but is not binary.
  const utf16 = utf16ByteOrderMark(bytes);
  if (utf16) return { ok: false, reason: 'not-utf8', detail: `${utf16} byte order mark` };
  const nulOffset = bytes.subarray(0, BINARY_SNIFF_BYTES).indexOf(0);
  if (nulOffset !== -1) return { ok: false, reason: 'binary', detail: `NUL byte at offset ${nulOffset}` };
  return null;
}

function utf16ByteOrderMark(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16 LE';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16 BE';
  return undefined;
}

/** Why the text looks minified, or undefined when it looks hand-written. */
function minifiedEvidence(text: string, byteLength: number): string | undefined {
  if (whitespaceShare(text) >= MINIFIED_MAX_WHITESPACE_SHARE) return undefined;

  const lines = lineLengths(text);
  if (byteLength > MINIFIED_MIN_BYTES) {
    const median = medianOf(lines);
    if (median > MINIFIED_MEDIAN_LINE_CHARS) return `median line length ${median} characters`;
  }

  const newlines = text.length === 0 ? 0 : lines.length - (text.endsWith('\n') ? 0 : 1);
  if (newlines * MINIFIED_MIN_BYTES_PER_NEWLINE >= byteLength) return undefined;
  const longest = longestLineStartingWithin(lines, MINIFIED_LONG_LINE_WINDOW_CHARS);
  if (longest > MINIFIED_LONG_LINE_CHARS) {
    return `${longest}-character line, ${newlines} newlines in ${byteLength} bytes`;
  }
  return undefined;
}

function whitespaceShare(text: string): number {
  if (text.length === 0) return 1;
  let blanks = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20 || code === 0x09) blanks++;
  }
  return blanks / text.length;
}

/** Lengths of the lines, newline excluded; a final newline does not start another line. */
function lineLengths(text: string): number[] {
  const lengths: number[] = [];
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    if (end === -1) {
      lengths.push(text.length - start);
      break;
    }
    lengths.push(end - start);
    start = end + 1;
  }
  return lengths;
}

function medianOf(values: number[]): number {
  if (values.length === 0) return 0;
  // Typed arrays sort numerically.
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.floor(sorted.length / 2)];
}

function longestLineStartingWithin(lines: number[], windowChars: number): number {
  let longest = 0;
  let offset = 0;
  for (const length of lines) {
    if (offset >= windowChars) break;
    longest = Math.max(longest, length);
    offset += length + 1;
  }
  return longest;
}
