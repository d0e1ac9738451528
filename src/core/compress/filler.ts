import { insideQuotes, SENTENCE_START } from './prose';
import type { CompressionResult, CompressionStep } from './types';

/**
 * A phrase that adds tokens but no instruction. The pattern's `keep` group holds
 * a word that stays (`You should always` → `Always`); the rest of the match goes.
 * No `not`, `never`, `always` or `only` is ever dropped, and "Feel free to" is
 * left alone because it grants a choice rather than padding an order.
 */
interface FillerPhrase {
  label: string;
  /** What the pattern covers, for the rule's documentation. */
  documentation: string;
  pattern: RegExp;
}

/** Leaves "Make sure to not …" alone: dropping the phrase would leave "Not …". */
const NOT_BEFORE_NOT = String.raw`(?![ \t]+not\b)`;
/** The whitespace after a phrase and the next character, to capitalise it. */
const THEN_NEXT = String.raw`,?[ \t]+(?<next>\S)`;

function atSentenceStart(phrase: string): RegExp {
  return new RegExp(String.raw`${SENTENCE_START}(?:${phrase})${NOT_BEFORE_NOT}${THEN_NEXT}`, 'gim');
}

/** The documented list; see docs/rules/compressible-prompt.md. */
export const FILLER_PHRASES: readonly FillerPhrase[] = [
  { label: 'Please', documentation: '"Please"', pattern: atSentenceStart('please') },
  { label: 'Kindly', documentation: '"Kindly"', pattern: atSentenceStart('kindly') },
  {
    label: 'I would like you to',
    documentation: '"I would like you to" ("I\'d like you to")',
    pattern: atSentenceStart(String.raw`I(?: would|['’]d) like you to`),
  },
  { label: 'I want you to', documentation: '"I want you to", "I need you to"', pattern: atSentenceStart(String.raw`I (?:want|need) you to`) },
  {
    label: 'It is important that you',
    documentation: '"It is (very, really, extremely, absolutely) important / crucial / essential / vital / critical that you" (or "to")',
    pattern: atSentenceStart(
      String.raw`It(?: is|['’]s)(?: (?:very|really|extremely|absolutely))? (?:important|crucial|essential|vital|critical) (?:that you|to)`,
    ),
  },
  {
    label: 'Make sure to',
    documentation: '"Make sure to", "Make sure (that) you", "Be sure to"',
    pattern: atSentenceStart(String.raw`(?:Make|Be) sure (?:that )?(?:you|to)`),
  },
  { label: 'Remember to', documentation: '"Remember to"', pattern: atSentenceStart('Remember to') },
  { label: 'Your task is to', documentation: '"Your task is to", "Your job is to"', pattern: atSentenceStart(String.raw`Your (?:task|job) is to`) },
  { label: 'Note that', documentation: '"Note that"', pattern: atSentenceStart('Note that') },
  {
    label: 'You should always',
    documentation: '"You should / must always" and "… never" (→ "Always", "Never")',
    pattern: new RegExp(String.raw`${SENTENCE_START}You (?:should|must) (?<keep>always|never)\b`, 'gim'),
  },
  { label: 'in order to', documentation: '"in order to" anywhere (→ "to")', pattern: /\bin order (?<keep>to)\b/gi },
  { label: ', please', documentation: '", please" before the end of a sentence', pattern: /,[ \t]*please(?=[ \t]*(?:[.!?]|$))/gim },
];

/**
 * Removes filler phrases, capitalising what follows a removed sentence opening.
 * Repeats until nothing changes, so "Please make sure to cite" becomes "Cite".
 * Text inside double quotes is a scripted reply and stays as written.
 */
export function removeFiller(masked: string): CompressionResult {
  const removed = new Map<string, { count: number; chars: number }>();
  let text = masked;
  for (let previous = ''; previous !== text; ) {
    previous = text;
    for (const { label, pattern } of FILLER_PHRASES) {
      text = replaceEach(text, pattern, (match) => {
        if (insideQuotes(match.input ?? '', match.index ?? 0)) return match[0];
        const kept = (match.groups?.keep ?? '') + (match.groups?.next ?? '');
        const replacement = /^\p{Lu}/u.test(match[0]) ? capitalize(kept) : kept;
        const entry = removed.get(label) ?? { count: 0, chars: 0 };
        removed.set(label, { count: entry.count + 1, chars: entry.chars + match[0].length - replacement.length });
        return replacement;
      });
    }
  }
  const steps: CompressionStep[] = [...removed].map(([label, { count, chars }]) => ({
    kind: 'filler',
    description: `Removed "${label}"${count > 1 ? ` (${count}×)` : ''}`,
    removedChars: chars,
  }));
  return { text, steps };
}

function replaceEach(text: string, pattern: RegExp, replace: (match: RegExpMatchArray) => string): string {
  let result = '';
  let cursor = 0;
  for (const match of text.matchAll(pattern)) {
    const index = match.index ?? 0;
    result += text.slice(cursor, index) + replace(match);
    cursor = index + match[0].length;
  }
  return result + text.slice(cursor);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
