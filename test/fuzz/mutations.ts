/**
 * Random damage to source text, as data: fast-check prints a mutation in a
 * failure report, shrinks it, and `applyMutations` replays it exactly. Offsets
 * are any natural number, taken modulo the text's length, so a mutation means
 * something on every text.
 */
import fc from 'fast-check';

export type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'delete-delimiter'; nth: number }
  | { kind: 'double-delimiter'; nth: number }
  | { kind: 'delete-range'; at: number; length: number }
  | { kind: 'duplicate-range'; at: number; length: number; to: number }
  | { kind: 'insert'; at: number; text: string }
  /** Bytes decoded as UTF-8 the lossy way, as an editor opening a damaged file would. */
  | { kind: 'insert-bytes'; at: number; bytes: number[] }
  | { kind: 'edit-literal'; nth: number; offset: number; remove: number; text: string }
  | { kind: 'long-line'; at: number; unit: string; length: number }
  | { kind: 'nest'; at: number; open: string; close: string; depth: number; shape: 'balanced' | 'open-only' | 'close-only' }
  | { kind: 'wrap'; at: number; length: number; open: string; close: string; depth: number }
  /** Each line break in turn becomes the next entry of `breaks`. */
  | { kind: 'line-endings'; breaks: string[] }
  /** A stretch of the text written in one encoding and read in another. */
  | { kind: 'mojibake'; at: number; length: number; misreading: Misreading }
  | { kind: 'bom' };

type Misreading = 'utf8-as-latin1' | 'latin1-as-utf8' | 'utf16le-as-utf8';

const DELIMITERS = new Set(['(', ')', '[', ']', '{', '}', '"', "'", '`']);

/** Strings, template strings and numbers, roughly: enough to aim edits at literal text. */
const LITERAL = /"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`|\b\d+(?:\.\d+)?\b/g;

const lossyUtf8 = new TextDecoder('utf-8', { ignoreBOM: true });

export function applyMutations(text: string, list: readonly Mutation[]): string {
  return list.reduce(applyMutation, text);
}

function applyMutation(text: string, mutation: Mutation): string {
  const at = 'at' in mutation ? mutation.at % (text.length + 1) : 0;
  switch (mutation.kind) {
    case 'truncate':
      return text.slice(0, at);
    case 'delete-delimiter':
    case 'double-delimiter': {
      const offsets = delimiterOffsets(text);
      if (offsets.length === 0) return text;
      const offset = offsets[mutation.nth % offsets.length];
      return mutation.kind === 'delete-delimiter' ? splice(text, offset, 1, '') : splice(text, offset, 0, text[offset]);
    }
    case 'delete-range':
      return splice(text, at, mutation.length, '');
    case 'duplicate-range':
      return splice(text, mutation.to % (text.length + 1), 0, text.slice(at, at + mutation.length));
    case 'insert':
      return splice(text, at, 0, mutation.text);
    case 'insert-bytes':
      return splice(text, at, 0, lossyUtf8.decode(Uint8Array.from(mutation.bytes)));
    case 'edit-literal': {
      const literals = [...text.matchAll(LITERAL)];
      if (literals.length === 0) return text;
      const literal = literals[mutation.nth % literals.length];
      const start = (literal.index ?? 0) + 1;
      const inner = Math.max(literal[0].length - 2, 0);
      return splice(text, start + (mutation.offset % (inner + 1)), mutation.remove, mutation.text);
    }
    case 'long-line':
      return splice(text, at, 0, `${mutation.unit.repeat(Math.ceil(mutation.length / mutation.unit.length)).slice(0, mutation.length)}\n`);
    case 'nest': {
      const opens = mutation.shape === 'close-only' ? '' : mutation.open.repeat(mutation.depth);
      const closes = mutation.shape === 'open-only' ? '' : mutation.close.repeat(mutation.depth);
      return splice(text, at, 0, `${opens}1${closes}`);
    }
    case 'wrap': {
      const end = Math.min(at + mutation.length, text.length);
      const wrapped = `${mutation.open.repeat(mutation.depth)}${text.slice(at, end)}${mutation.close.repeat(mutation.depth)}`;
      return splice(text, at, end - at, wrapped);
    }
    case 'line-endings': {
      let index = 0;
      return text.replace(/\r?\n/g, () => mutation.breaks[index++ % mutation.breaks.length]);
    }
    case 'mojibake':
      return splice(text, at, mutation.length, misread(text.slice(at, at + mutation.length), mutation.misreading));
    case 'bom':
      return `\uFEFF${text}`;
  }
}

function splice(text: string, start: number, removed: number, inserted: string): string {
  return text.slice(0, start) + inserted + text.slice(start + removed);
}

function delimiterOffsets(text: string): number[] {
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) if (DELIMITERS.has(text[i])) offsets.push(i);
  return offsets;
}

function misread(segment: string, misreading: Misreading): string {
  switch (misreading) {
    case 'utf8-as-latin1':
      return Buffer.from(segment, 'utf8').toString('latin1');
    case 'latin1-as-utf8':
      return lossyUtf8.decode(Buffer.from(segment, 'latin1'));
    case 'utf16le-as-utf8':
      return lossyUtf8.decode(Buffer.from(segment, 'utf16le'));
  }
}

/** Pieces of code that matter to the engine or its parsers: quotes, comments, SDK calls, directives. */
const FRAGMENTS = [
  '"', "'", '`', '"""', "'''", '${', '{', '}', '(', ')', '[', ']', '\\', '#', '//', '/*', '*/', '<div>', '</div>', '<T>',
  '\0', '\r', '\n', '\r\n', '\t', '\uFEFF', '\u2028', '\uFFFD', '\u{1F600}', ' ', ':', ',', ';', '=', '.', '?.', '!',
  '**kwargs', '...rest', 'await ', 'async ', 'yield ', 'for x in y:\n    ', 'while (true) ', 'def f(', 'class A:', 'function (', '=> ',
  'f"{x}', 'r"', 'b"', 'max_tokens=', 'max_tokens: ', 'max_completion_tokens=1024, ', 'model="gpt-4o", ', "model: 'claude-sonnet-4-6', ",
  'messages=[{"role": "user", "content": ', "messages: [{ role: 'system', content: ", '"cache_control": {"type": "ephemeral"}',
  'client.chat.completions.create(', 'client.messages.create(', 'import openai\n', 'from anthropic import Anthropic\n',
  "import OpenAI from 'openai';\n", "const ai = require('ai');\n", '# promptmeter: calls-per-day=5000\n', '// promptmeter-ignore-next-line\n',
  '# promptmeter: ignore-file\n', '-1', '0', '1e309', '0x7fffffff', '99999999999999999999999', 'NaN', 'None', 'null', 'undefined',
];

const position = fc.nat();
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));
const smallText = fc.oneof(
  { arbitrary: fc.constantFrom(...FRAGMENTS), weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 12 }), weight: 2 },
  { arbitrary: loneSurrogate, weight: 1 },
);
/** A few fragments and random characters run together. */
const insertedText = fc.array(smallText, { minLength: 1, maxLength: 4 }).map((pieces) => pieces.join(''));

const invalidUtf8 = fc.constantFrom<number[]>([0xff], [0xfe, 0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0x80], [0x00], [0xef, 0xbb, 0xbf]);
const bytes = fc.oneof(invalidUtf8, fc.uint8Array({ minLength: 1, maxLength: 32 }).map((array) => Array.from(array)));

const bracketPair = fc.constantFrom<[string, string]>(['(', ')'], ['[', ']'], ['{', '}'], ['{"a":', '}'], ['[1,', ']'], ['-(', ')'], ['not (', ')'], ['`${', '}`']);
const lineBreak = fc.constantFrom('\n', '\r\n', '\r', '\u2028');

/** One small change, as typing or a bad merge makes: what the editing tests apply one at a time. */
export const smallEdit: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('insert' as const), at: position, text: insertedText }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('edit-literal' as const), nth: fc.nat(), offset: fc.nat(), remove: fc.nat({ max: 3 }), text: insertedText }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('delete-range' as const), at: position, length: fc.integer({ min: 1, max: 40 }) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('delete-delimiter' as const), nth: fc.nat() }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('double-delimiter' as const), nth: fc.nat() }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('duplicate-range' as const), at: position, length: fc.integer({ min: 1, max: 200 }), to: position }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('insert-bytes' as const), at: position, bytes }), weight: 1 },
);

/** Any damage, small or gross. */
/** Damage to a whole file, from a cut to a change of encoding; every kind but very long lines. */
export const grossDamage: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: smallEdit, weight: 20 },
  { arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: position }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('line-endings' as const), breaks: fc.array(lineBreak, { minLength: 1, maxLength: 5 }) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('mojibake' as const), at: position, length: fc.integer({ min: 1, max: 400 }), misreading: fc.constantFrom<Misreading>('utf8-as-latin1', 'latin1-as-utf8', 'utf16le-as-utf8') }), weight: 2 },
  { arbitrary: fc.constant({ kind: 'bom' as const }), weight: 1 },
  {
    // Thousands of brackets: a huge data literal, or brackets that never close (or never open).
    arbitrary: fc.record({ kind: fc.constant('nest' as const), at: position, pair: bracketPair, depth: fc.integer({ min: 500, max: 5000 }), shape: fc.constantFrom('balanced' as const, 'open-only' as const, 'close-only' as const) })
      .map(({ pair: [open, close], ...rest }) => ({ ...rest, open, close })),
    weight: 1,
  },
  {
    // Existing code, calls included, inside brackets.
    arbitrary: fc.record({ kind: fc.constant('wrap' as const), at: position, length: fc.integer({ min: 1, max: 2000 }), pair: bracketPair, depth: fc.integer({ min: 1, max: 200 }) })
      .map(({ pair: [open, close], ...rest }) => ({ ...rest, open, close })),
    weight: 1,
  },
);

/**
 * A line of 1 KB to 128 KB, or 200 KB: lengths spread evenly on a log scale,
 * since a long line costs time in proportion and most of what breaks, breaks early.
 * No runs of `*` `/`: on Python they crash tree-sitter itself, a known defect
 * covered by test/robustness/parser-crash.test.ts, and the fuzz looks for new ones.
 */
const longLine: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constant('long-line' as const),
  at: position,
  unit: fc.oneof(fc.constantFrom('x', 'ab ', '"', '(', '\\', 'é', '\u{1F600}', '+1', '{{', 'openai '), insertedText.filter((text) => text.length > 0)),
  length: fc.oneof({ arbitrary: fc.integer({ min: 10, max: 17 }).map((exponent) => 2 ** exponent), weight: 7 }, { arbitrary: fc.constant(200_000), weight: 1 }),
});

/** Any damage, very long lines included. */
export const mutations = fc.array(fc.oneof({ arbitrary: grossDamage, weight: 60 }, { arbitrary: longLine, weight: 1 }), { minLength: 1, maxLength: 4 });
