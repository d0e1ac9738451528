import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { get_encoding } from 'tiktoken';
import { TokenCounter, type EncodingName } from '../../../src/core/tokens';
import { ranksDirInPackages } from '../../support/wasm';

/**
 * Our counts (js-tiktoken, with the long-run guard) against the `tiktoken` package, the
 * WASM build of OpenAI's Rust tokenizer. The literal numbers catch both drifting together.
 */
const SAMPLES = {
  prose: 'The quick brown fox jumps over the lazy dog. Promptmeter estimates what each LLM call will cost before it ships.',
  code: 'def total(items: list[dict]) -> float:\n    return sum(item["price"] * item.get("qty", 1) for item in items)\n',
  emojiCjk: 'Ship it 🚀👍🏽 — 今日は良い天気です。你好，世界！한국어 텍스트',
  whitespace: 'indent\n\t\t  mixed \r\n\r\n   trailing   \n\n\n' + ' '.repeat(40) + 'end',
  specialTokens: 'Text with <|endoftext|> and <|endofprompt|> inside, and <|fim_prefix|> too.',
  contractions: "I'm sure they've DONE it; we'LL see what you'd SAY.",
  numbers: 'Order 1234567 cost $1,299.99 on 2026-11-23 at 10:45:07.',
  byteOrderMark: '\uFEFFByte order mark, then\u00A0no-break\u3000spaces.',
};

/** Counted once with OpenAI's tiktoken 1.0.22 (encode_ordinary). */
const EXPECTED: Record<keyof typeof SAMPLES, Record<EncodingName, number>> = {
  prose: { o200k_base: 24, cl100k_base: 24 },
  code: { o200k_base: 32, cl100k_base: 32 },
  emojiCjk: { o200k_base: 25, cl100k_base: 37 },
  whitespace: { o200k_base: 11, cl100k_base: 11 },
  specialTokens: { o200k_base: 28, cl100k_base: 26 },
  contractions: { o200k_base: 14, cl100k_base: 17 },
  numbers: { o200k_base: 28, cl100k_base: 28 },
  byteOrderMark: { o200k_base: 12, cl100k_base: 12 },
};

const MODEL_FOR: Record<EncodingName, string> = { o200k_base: 'gpt-4o', cl100k_base: 'gpt-4' };
const ENCODINGS: EncodingName[] = ['o200k_base', 'cl100k_base'];

const counter = new TokenCounter({ ranksDir: ranksDirInPackages(), cacheEntries: 0 });
const reference = { o200k_base: get_encoding('o200k_base'), cl100k_base: get_encoding('cl100k_base') };
after(() => ENCODINGS.forEach((name) => reference[name].free()));

function referenceCount(encoding: EncodingName, text: string): number {
  // Special-token text is plain text in a prompt: encode_ordinary never treats it as a special token.
  return reference[encoding].encode_ordinary(text).length;
}

describe('counts match OpenAI tiktoken', () => {
  for (const encoding of ENCODINGS) {
    for (const [name, text] of Object.entries(SAMPLES) as [keyof typeof SAMPLES, string][]) {
      it(`${encoding}: ${name}`, () => {
        const counted = counter.count(text, MODEL_FOR[encoding]);
        assert.equal(counted.tokens, EXPECTED[name][encoding]);
        assert.equal(referenceCount(encoding, text), EXPECTED[name][encoding]);
        assert.equal(counted.confidence, 'exact');
        assert.equal(counted.method, encoding);
      });
    }

    it(`${encoding}: this repository's README and engine model`, () => {
      for (const file of ['README.md', 'src/core/model.ts']) {
        const text = readFileSync(join(__dirname, '../../..', file), 'utf8');
        assert.equal(counter.count(text, MODEL_FOR[encoding]).tokens, referenceCount(encoding, text), file);
      }
    });

    it(`${encoding}: 500 generated strings mixing scripts, whitespace, marks and special-token text`, () => {
      const mismatches = generatedStrings(500).filter((text) => counter.count(text, MODEL_FOR[encoding]).tokens !== referenceCount(encoding, text));
      assert.deepEqual(mismatches, []);
    });
  }
});

/** Deterministic strings built from the pieces tokenizers disagree on most. */
function generatedStrings(count: number): string[] {
  const alphabet = [
    ...'aAzZéß sSt\t\n\r\u00A0\u3000\uFEFF\u0085\u200B\u2028.,;:!?-_/\\()[]{}<>|=+*&%$#@~`"0123456789日本語中文한국Привет👍🏽👨‍👩‍👧é\u0301',
    "'s", "'LL", "'re", '<|endoftext|>', '\r\n', '    ',
  ];
  let seed = 42;
  const next = (below: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    return seed % below;
  };
  return Array.from({ length: count }, () => Array.from({ length: 1 + next(60) }, () => alphabet[next(alphabet.length)]).join(''));
}
