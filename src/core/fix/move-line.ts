import type { TextEdit } from '../model';

/** One piece of a string literal's content as written: literal text, or an interpolation. */
export interface LiteralPiece {
  start: number;
  end: number;
  /** The text the piece stands for (after escapes); null for an interpolation. */
  value: string | null;
}

interface LineBreak {
  start: number;
  end: number;
}

/**
 * Moves the line of a string literal that holds `span` (which must not cross a
 * line break) to the end of the literal's content, keeping every character of it, so `f"Now {now}\nRules…"`
 * becomes `f"Rules…\nNow {now}"`. Lines are lines of the value: breaks are looked
 * for only in literal text, as a newline or a `\n` escape, and must agree with
 * the value (a raw string or a line continuation does not). A whitespace-only
 * last line (the indentation before closing quotes) stays last. Null when the
 * breaks cannot be trusted or nothing follows the line.
 */
export function moveLineToEnd(source: string, pieces: readonly LiteralPiece[], span: { start: number; end: number }): TextEdit[] | null {
  const breaks: LineBreak[] = [];
  for (const piece of pieces) {
    if (piece.value === null) continue;
    const found = lineBreaksIn(source, piece.start, piece.end);
    if (found.length !== countNewlines(piece.value)) return null;
    breaks.push(...found);
  }
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  if (!first || !last) return null;
  const lineStart = breaks.filter((lineBreak) => lineBreak.end <= span.start).pop()?.end ?? first.start;
  const lineEnd = breaks.find((lineBreak) => lineBreak.start >= span.start);
  if (!lineEnd || lineEnd.start < span.end) return null;
  const lastBreak = breaks[breaks.length - 1];
  const tailIsIndent = lastBreak !== undefined && /^[ \t]*$/.test(source.slice(lastBreak.end, last.end)) && inLiteralText(pieces, lastBreak.end, last.end);
  const insertAt = tailIsIndent ? lastBreak.end : last.end;
  if (insertAt <= lineEnd.end) return null;
  const line = source.slice(lineStart, lineEnd.start);
  const newline = source.slice(lineEnd.start, lineEnd.end);
  return [
    { start: lineStart, end: lineEnd.end, newText: '' },
    { start: insertAt, end: insertAt, newText: tailIsIndent ? `${line}${newline}` : `${newline}${line}` },
  ];
}

/** Newlines (`\n`, `\r\n`) and `\n` escapes whose backslash is not itself escaped. */
function lineBreaksIn(source: string, start: number, end: number): LineBreak[] {
  const breaks: LineBreak[] = [];
  for (let index = start; index < end; index++) {
    const char = source[index];
    if (char === '\\') {
      if (source[index + 1] === 'n') breaks.push({ start: index, end: index + 2 });
      index++;
    } else if (char === '\r' && source[index + 1] === '\n') {
      breaks.push({ start: index, end: index + 2 });
      index++;
    } else if (char === '\n') {
      breaks.push({ start: index, end: index + 1 });
    }
  }
  return breaks;
}

function countNewlines(value: string): number {
  return value.split('\n').length - 1;
}

/** The range lies in literal text, not in an interpolation. */
function inLiteralText(pieces: readonly LiteralPiece[], start: number, end: number): boolean {
  return pieces.some((piece) => piece.value !== null && piece.start <= start && end <= piece.end);
}
