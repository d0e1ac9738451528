import type { SourceLanguage, SourceRange, TextEdit } from '../model';

/** `{"type": "ephemeral"}` (Python) or `{ type: 'ephemeral' }` (JavaScript), in the file's quotes. */
export function ephemeralCacheControl(language: SourceLanguage, quote: '"' | "'"): string {
  return language === 'python' ? `{${quote}type${quote}: ${quote}ephemeral${quote}}` : `{ type: ${quote}ephemeral${quote} }`;
}

/**
 * Turns a prompt expression into a one-element list of text blocks carrying a
 * cache breakpoint: `SYSTEM` becomes
 * `[{"type": "text", "text": SYSTEM, "cache_control": {"type": "ephemeral"}}]`.
 * The expression itself is left exactly as written (a multi-line string keeps its lines).
 */
export function wrapAsCachedTextBlock(range: SourceRange, language: SourceLanguage, quote: '"' | "'"): TextEdit[] {
  const key = (name: string): string => (language === 'python' ? `${quote}${name}${quote}` : name);
  const open = language === 'python' ? '[{' : '[{ ';
  const close = language === 'python' ? '}]' : ' }]';
  const before = `${open}${key('type')}: ${quote}text${quote}, ${key('text')}: `;
  const after = `, ${key('cache_control')}: ${ephemeralCacheControl(language, quote)}${close}`;
  return [
    { start: range.startOffset, end: range.startOffset, newText: before },
    { start: range.endOffset, end: range.endOffset, newText: after },
  ];
}
