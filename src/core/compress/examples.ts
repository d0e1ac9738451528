import type { MaskedText } from './masking';
import { isPlaceholderLine } from './masking';
import { clip, LABELLED_LINE, SENTENCE_START } from './prose';
import type { CompressionResult, CompressionStep } from './types';

const BOLD = String.raw`(?:\*\*|__)?`;
/** A line that only announces examples: `Examples:`, `## Example 2`, `**For example:**`. */
const EXAMPLE_HEADING = new RegExp(
  String.raw`^[ \t]*(?<hashes>#{1,6}[ \t]+)?${BOLD}(?:(?:few-shot[ \t]+)?examples?(?:[ \t]+\d+)?|for (?:example|instance))${BOLD}[ \t]*:?${BOLD}[ \t]*$`,
  'i',
);
/** An example on one line: `Example: …`, `- Example 2: …`. */
const EXAMPLE_LINE = new RegExp(String.raw`^[ \t]*(?:[-*+][ \t]+)?${BOLD}examples?(?:[ \t]+\d+)?${BOLD}[ \t]*:${BOLD}[ \t]*\S`, 'i');
/** Lines that continue an example: `Input: …`, `Q: …`, `Assistant: …`. */
const EXAMPLE_LABEL = /^[ \t]*(?:input|output|q|a|question|answer|user|assistant|human|ai|customer|agent|text|review|label|sentiment|category|response|result)[ \t]*:/i;
const MARKDOWN_HEADING = /^[ \t]*(#{1,6})[ \t]/;
const XML_EXAMPLE_OPEN = /^[ \t]*<(examples?)\b[^>]*>/i;
const INLINE_EXAMPLE = new RegExp(String.raw`${SENTENCE_START}(?:for example|for instance|e\.g\.)[,:]?[ \t][^\n]*?(?:[.!?](?=[ \t]|$)|$)[ \t]*`, 'gim');
const PARENTHETICAL_EXAMPLE = /[ \t]*\((?:e\.g\.|for example|for instance)[,:]?[ \t][^()\n]*\)/gi;

/**
 * Removes examples: sections under an example heading, `Example: …` lines,
 * `<example>` blocks, and "For example, …" sentences and parentheticals.
 * Nothing is removed when the examples are all the text there is.
 */
export function removeExamples(masked: string, text: MaskedText): CompressionResult {
  const steps: CompressionStep[] = [];
  const measure = (fragment: string): number => text.restore(fragment).length;
  // Sentences first: removing one can leave an example heading alone on its line.
  let inline = masked;
  for (const pattern of [INLINE_EXAMPLE, PARENTHETICAL_EXAMPLE]) {
    inline = inline.replace(pattern, (match) => {
      steps.push({ kind: 'example', description: `Removed "${clip(text.restore(match))}"`, removedChars: measure(match) });
      return '';
    });
  }
  const lines = inline.split('\n');
  const kept: string[] = [];
  for (let index = 0; index < lines.length; index++) {
    const end = exampleBlockEnd(lines, index, text);
    if (end === null) {
      kept.push(lines[index] ?? '');
      continue;
    }
    const block = lines.slice(index, end + 1);
    steps.push({
      kind: 'example',
      description: `Removed example "${clip(text.restore(lines[index] ?? ''))}" (${block.length} ${block.length === 1 ? 'line' : 'lines'})`,
      removedChars: measure(block.join('\n')) + 1,
    });
    index = end;
  }
  const result = kept.join('\n');
  if (!/[\p{L}\p{N}]/u.test(text.restore(result))) return { text: masked, steps: [] };
  return { text: result, steps };
}

/** The last line of the example starting at `start`, or null when no example starts there. */
function exampleBlockEnd(lines: string[], start: number, text: MaskedText): number | null {
  const line = lines[start] ?? '';
  const xml = XML_EXAMPLE_OPEN.exec(text.blockOf(line) ?? '');
  if (xml) return closingTagLine(lines, start, xml[1] ?? 'example', text);
  const heading = EXAMPLE_HEADING.exec(line);
  if (heading) {
    const level = heading.groups?.hashes?.trim().length;
    return level ? sectionEnd(lines, start, level) : paragraphsEnd(lines, start + 1);
  }
  if (EXAMPLE_LINE.test(line)) return labelledLinesEnd(lines, start);
  return null;
}

/** A one-line example goes on over the labelled or indented lines right below it (`Output: …`). */
function labelledLinesEnd(lines: string[], start: number): number {
  let end = start;
  const continues = (line: string): boolean => LABELLED_LINE.test(line) || /^[ \t]+\S/.test(line);
  while (end + 1 < lines.length && continues(lines[end + 1] ?? '')) end++;
  return end;
}

/** A `<example>` block ends at its closing tag; null when there is none. */
function closingTagLine(lines: string[], start: number, tag: string, text: MaskedText): number | null {
  const closing = new RegExp(`</${tag}\\s*>`, 'i');
  for (let index = start; index < lines.length; index++) {
    if (closing.test(text.blockOf(lines[index] ?? '') ?? '')) return index;
  }
  return null;
}

/** A markdown example section runs to the next heading of the same or a higher level. */
function sectionEnd(lines: string[], start: number, level: number): number {
  for (let index = start + 1; index < lines.length; index++) {
    const hashes = MARKDOWN_HEADING.exec(lines[index] ?? '')?.[1];
    if (hashes && hashes.length <= level) return index - 1;
  }
  return lines.length - 1;
}

/**
 * The paragraph starting at `start`, then further paragraphs while they look
 * like examples: labelled lines, indented lines, protected blocks, or another
 * example heading.
 */
function paragraphsEnd(lines: string[], start: number): number {
  let end = start - 1;
  let index = start;
  while (index < lines.length) {
    while (index < lines.length && (lines[index] ?? '').trim() !== '') end = index++;
    let next = index;
    while (next < lines.length && (lines[next] ?? '').trim() === '') next++;
    if (next >= lines.length || !looksLikeExample(lines[next] ?? '')) break;
    index = next;
  }
  return Math.max(end, start - 1);
}

function looksLikeExample(line: string): boolean {
  return EXAMPLE_LABEL.test(line) || EXAMPLE_HEADING.test(line) || EXAMPLE_LINE.test(line) || isPlaceholderLine(line) || /^[ \t]+\S/.test(line);
}
