import type { SourceRange, TextEdit } from '../model';

const SIMPLE_LITERAL = /^(['"`])([^'"`\\\n]*)\1$/;
const SAFE_CONTENT = /^[^'"`\\\n$]*$/;

/**
 * Replaces the content of a plain one-line string literal (no prefix, escapes or
 * interpolation), keeping its quotes. Null when the literal is anything else.
 */
export function replaceStringContent(text: string, range: SourceRange, content: string): TextEdit | null {
  const literal = text.slice(range.startOffset, range.endOffset);
  const match = SIMPLE_LITERAL.exec(literal);
  if (!match || !SAFE_CONTENT.test(content)) return null;
  const quote = match[1] ?? '"';
  return { start: range.startOffset, end: range.endOffset, newText: `${quote}${content}${quote}` };
}

/** Replaces a plain decimal number literal; null when the range holds anything else (a constant, an expression). */
export function replaceNumber(text: string, range: SourceRange, value: number): TextEdit | null {
  const literal = text.slice(range.startOffset, range.endOffset);
  if (!/^\d[\d_]*$/.test(literal)) return null;
  return { start: range.startOffset, end: range.endOffset, newText: String(value) };
}
