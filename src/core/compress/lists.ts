import { LIST_MARKER_SOURCE } from './prose';
import type { CompressionResult } from './types';

const LIST_ITEM = new RegExp(String.raw`^([ \t]*)(${LIST_MARKER_SOURCE})[ \t]+\S`, 'i');

/**
 * Removes blank lines between the items of one list (same marker style, same
 * indentation): "- a\n\n- b" → "- a\n- b". A list item followed by a
 * continuation paragraph keeps its blank line.
 */
export function compactLists(masked: string): CompressionResult {
  const lines = masked.split('\n');
  const kept: string[] = [];
  let removedLines = 0;
  let removedChars = 0;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    kept.push(line);
    const style = itemStyle(line);
    if (style === null) continue;
    let next = index + 1;
    while (next < lines.length && (lines[next] ?? '').trim() === '') next++;
    if (next === index + 1 || next >= lines.length || itemStyle(lines[next] ?? '') !== style) continue;
    for (const blank of lines.slice(index + 1, next)) removedChars += blank.length + 1;
    removedLines += next - index - 1;
    index = next - 1;
  }
  if (removedLines === 0) return { text: masked, steps: [] };
  const plural = removedLines === 1 ? 'line' : 'lines';
  return { text: kept.join('\n'), steps: [{ kind: 'list-format', description: `Removed ${removedLines} blank ${plural} between list items`, removedChars }] };
}

/** Indentation plus marker kind (`-`, `*`, `1.` and `2.` alike, `a)` and `b)` alike); null for a non-item. */
function itemStyle(line: string): string | null {
  const match = LIST_ITEM.exec(line);
  if (!match) return null;
  const marker = (match[2] ?? '').replace(/\d+/, '1').replace(/^(\(?)[a-z]/i, '$1a');
  return `${match[1] ?? ''}${marker}`;
}
