import type { SourceLanguage, SourceRange, TextEdit } from '../model';

/** How a string literal is written, which decides how its content must be escaped. */
export interface StringLiteralStyle {
  family: 'python' | 'javascript';
  /** `'`, `"` or `` ` ``. */
  quote: string;
  /** Python `'''` / `"""`. */
  triple: boolean;
  /** Python `r` prefix: backslashes are literal and nothing can be escaped. */
  raw: boolean;
  /** Python `f` prefix: braces are doubled. */
  formatted: boolean;
}

/** Python prefixes whose content we can write: none, `u`, `r`, `f`, `rf`, `fr` (bytes are not prompts). */
const PYTHON_PREFIX = /^(?:[uU]|[rR]|[fF]|[rR][fF]|[fF][rR])?$/;

/**
 * The literal whose content is exactly `range`: its quotes must sit right
 * before and after the range. Null when the range is only part of a literal
 * (next to an interpolation) or the literal is one we do not write.
 */
export function literalStyleAt(text: string, range: SourceRange, language: SourceLanguage): StringLiteralStyle | null {
  const { startOffset: start, endOffset: end } = range;
  if (language !== 'python') {
    const quote = text.charAt(start - 1);
    if (!['"', "'", '`'].includes(quote) || text.charAt(end) !== quote) return null;
    return { family: 'javascript', quote, triple: false, raw: false, formatted: false };
  }
  const opening = ['"""', "'''", '"', "'"].find((candidate) => text.slice(start - candidate.length, start) === candidate);
  if (!opening || text.slice(end, end + opening.length) !== opening) return null;
  const prefix = /[A-Za-z]*$/.exec(text.slice(Math.max(0, start - opening.length - 2), start - opening.length))?.[0] ?? '';
  if (!PYTHON_PREFIX.test(prefix)) return null;
  return { family: 'python', quote: opening.charAt(0), triple: opening.length === 3, raw: /r/i.test(prefix), formatted: /f/i.test(prefix) };
}

/**
 * Spells `value` as the content of a literal of this style, the way people write
 * it: `\n` in a one-line string, real newlines in a triple-quoted string or
 * template literal, quotes escaped only where they would end the literal.
 * `closesLiteral` says the value runs up to the closing quotes (it does unless
 * whitespace that `.strip()` drops follows it). Null when the value cannot be
 * written in that literal (a quote in a raw string).
 */
export function escapeStringContent(value: string, style: StringLiteralStyle, closesLiteral = true): string | null {
  if (style.raw) return rawContent(value, style);
  let result = '';
  for (let index = 0; index < value.length; index++) {
    const next = index === value.length - 1 ? (closesLiteral ? style.quote : '') : value.charAt(index + 1);
    result += escapeChar(value.charAt(index), next, style);
  }
  return result;
}

/**
 * Replaces the value of the string literal whose content is `range`, when its
 * source is the plain spelling of `oldValue` (as `escapeStringContent` writes
 * it), give or take whitespace a `.strip()` or one-line `dedent` dropped.
 * Null when the source spells the value some other way (`\x41`, `\u00e9`, line
 * continuations, a multi-line dedent): we could not map the new text back.
 */
export function replaceLiteralValue(text: string, range: SourceRange, oldValue: string, newValue: string, language: SourceLanguage): TextEdit | null {
  const style = literalStyleAt(text, range, language);
  if (!style) return null;
  const source = text.slice(range.startOffset, range.endOffset);
  const spelled = escapeStringContent(oldValue, style, source.trimEnd() === source);
  if (spelled === null || spelled === '') return null;
  const at = source.indexOf(spelled);
  const after = source.slice(at + spelled.length);
  if (at < 0 || source.slice(0, at).trim() !== '' || after.trim() !== '') return null;
  const replacement = escapeStringContent(newValue, style, after === '');
  return replacement === null ? null : { start: range.startOffset + at, end: range.startOffset + at + spelled.length, newText: replacement };
}

/** `next` is the character that follows in the source: the closing quote after the last one. */
function escapeChar(char: string, next: string, style: StringLiteralStyle): string {
  const multiline = style.triple || style.quote === '`';
  switch (char) {
    case '\\':
      return '\\\\';
    case '\n':
      return multiline ? '\n' : '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return multiline ? '\t' : '\\t';
    case '{':
    case '}':
      return style.formatted ? char + char : char;
    case '$':
      return style.quote === '`' && next === '{' ? '\\$' : char;
    default:
      break;
  }
  if (char === style.quote) {
    // In a triple-quoted string a quote only ends the literal in a run of three (the closing quotes included).
    const endsLiteral = !style.triple || next === char;
    return endsLiteral ? `\\${char}` : char;
  }
  const code = char.charCodeAt(0);
  return code < 0x20 || code === 0x7f ? `\\x${code.toString(16).padStart(2, '0')}` : char;
}

/** A raw string holds its content as written, so anything that would need an escape rules it out. */
function rawContent(value: string, style: StringLiteralStyle): string | null {
  const multiline = style.triple;
  if (value.includes(style.quote) || value.endsWith('\\') || value.includes('\r') || (!multiline && value.includes('\n'))) return null;
  return style.formatted ? value.replace(/[{}]/g, (brace) => brace + brace) : value;
}
