import type { PromptPart, SourceLanguage, TextEdit } from '../model';
import { replaceLiteralValue } from './string-literal';

/**
 * Edits that write each changed static part back into its string literal. Null
 * unless every changed part can be written back, so a compression is applied
 * whole or not at all.
 */
export function compressionEdits(original: readonly PromptPart[], compressed: readonly PromptPart[], text: string, language: SourceLanguage): TextEdit[] | null {
  const edits = new Map<number, TextEdit>();
  for (const [index, part] of original.entries()) {
    const next = compressed[index];
    if (part.kind !== 'static' || next?.kind !== 'static' || next.text === part.text) continue;
    const edit = part.file ? null : replaceLiteralValue(text, part.range, part.text, next.text, language);
    const earlier = edit && edits.get(edit.start);
    // A constant used twice is edited once, and only when both uses compress alike.
    if (!edit || (earlier && earlier.newText !== edit.newText)) return null;
    edits.set(edit.start, edit);
  }
  return [...edits.values()];
}
