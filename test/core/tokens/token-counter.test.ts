import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { TiktokenBPE } from 'js-tiktoken/lite';
import { EncodingRegistry } from '../../../src/core/tokens/encodings';
import { TokenCounter, type EncodingName } from '../../../src/core/tokens';
import { ranksDirInPackages } from '../../support/wasm';

const PROMPT =
  "You are a support assistant for Acme Cloud. Answer in two sentences, cite the docs, and never promise a fix date. Reply in the customer's language.";
// tiktoken: 32 tokens in o200k_base, 33 in cl100k_base.

const counter = new TokenCounter({ ranksDir: ranksDirInPackages() });

describe('calibrated families scale the o200k_base (Llama: cl100k_base) count', () => {
  const cases: [model: string, tokens: number, method: string][] = [
    ['claude-sonnet-4-6', 38, 'o200k_base×1.20 (claude)'],
    ['claude-opus-4-7', 53, 'o200k_base×1.65 (claude 4.7+)'],
    ['gemini-2.5-flash', 37, 'o200k_base×1.15 (gemini)'],
    ['llama-3.3-70b-versatile', 33, 'cl100k_base×1.00 (llama)'],
    ['mistral-large-latest', 35, 'o200k_base×1.10 (mistral)'],
    ['open-mixtral-8x7b', 40, 'o200k_base×1.25 (mistral legacy)'],
    ['deepseek-v4-pro', 35, 'o200k_base×1.10 (deepseek)'],
    ['command-r-plus', 38, 'o200k_base×1.20 (cohere)'],
    ['gpt-6-sol', 32, 'o200k_base×1.00 (gpt-6: no published encoding)'],
  ];
  for (const [model, tokens, method] of cases) {
    it(model, () => {
      assert.deepEqual(counter.count(PROMPT, model), { tokens, confidence: 'calibrated', method });
    });
  }

  it('leaves OpenAI models exact', () => {
    assert.deepEqual(counter.count(PROMPT, 'gpt-4o'), { tokens: 32, confidence: 'exact', method: 'o200k_base' });
    assert.deepEqual(counter.count(PROMPT, 'gpt-4'), { tokens: 33, confidence: 'exact', method: 'cl100k_base' });
    assert.deepEqual(counter.count(PROMPT, 'gpt-oss-120b'), { tokens: 32, confidence: 'exact', method: 'o200k_base (o200k_harmony text)' });
  });
});

describe('unknown and missing models', () => {
  it('count with o200k_base, marked heuristic', () => {
    assert.deepEqual(counter.count(PROMPT, 'qwen3-235b'), { tokens: 32, confidence: 'heuristic', method: 'o200k_base (unknown model)' });
    assert.deepEqual(counter.count(PROMPT, null), { tokens: 32, confidence: 'heuristic', method: 'o200k_base (no model)' });
  });
});

describe('rank files load lazily, once per encoding', () => {
  it('loads nothing until a model needing an encoding is counted', () => {
    const fresh = new TokenCounter({ ranksDir: ranksDirInPackages() });
    fresh.describe('claude-opus-4-7');
    fresh.chatOverhead(2, 'gpt-4o');
    assert.equal(fresh.count('', 'gpt-4o').tokens, 0);
    assert.deepEqual(fresh.stats().encodingsLoaded, []);
    fresh.count('hello', 'gpt-4');
    assert.deepEqual(fresh.stats().encodingsLoaded, ['cl100k_base']);
    fresh.count('hello', 'claude-opus-4-7');
    assert.deepEqual(fresh.stats().encodingsLoaded, ['cl100k_base', 'o200k_base']);
  });

  it('reads each rank file once, even when loading fails', () => {
    const loads: EncodingName[] = [];
    const registry = new EncodingRegistry((name) => {
      loads.push(name);
      if (name === 'cl100k_base') throw new Error('missing');
      return require(join(ranksDirInPackages(), `${name}.cjs`)) as TiktokenBPE;
    });
    assert.equal(registry.get('o200k_base'), registry.get('o200k_base'));
    assert.equal(registry.get('cl100k_base'), null);
    assert.equal(registry.get('cl100k_base'), null);
    assert.deepEqual(loads, ['o200k_base', 'cl100k_base']);
    assert.deepEqual(registry.loaded(), ['o200k_base']);
  });

  it('falls back to chars/4, marked heuristic, when the rank files are missing', () => {
    const broken = new TokenCounter({ ranksDir: join(__dirname, 'no-such-folder') });
    assert.deepEqual(broken.count(PROMPT, 'gpt-4o'), { tokens: 37, confidence: 'heuristic', method: 'chars/4 (o200k_base ranks not loaded)' });
    assert.deepEqual(broken.stats().encodingsLoaded, []);
  });
});

describe('count cache', () => {
  it('hits on the second count of the same text and encoding, across models of one encoding', () => {
    const cached = new TokenCounter({ ranksDir: ranksDirInPackages() });
    cached.count(PROMPT, 'gpt-4o');
    cached.count(PROMPT, 'gpt-4o');
    cached.count(PROMPT, 'claude-sonnet-4-6');
    cached.count(PROMPT, 'gpt-4');
    assert.deepEqual(cached.stats(), {
      hits: 2,
      misses: 2,
      entries: 2,
      chars: 2 * PROMPT.length + 'o200k_base:'.length + 'cl100k_base:'.length,
      encodingsLoaded: ['o200k_base', 'cl100k_base'],
    });
  });

  it('re-tokenizes only the string that changed when a file is analysed again', () => {
    const cached = new TokenCounter({ ranksDir: ranksDirInPackages() });
    const strings = ['System: be brief.', 'Summarise the ticket below.', 'Answer in French.'];
    strings.forEach((text) => cached.count(text, 'gpt-4o'));
    const edited = [strings[0], 'Summarise the ticket below!', strings[2]];
    assert.deepEqual(
      edited.map((text) => cached.count(text, 'gpt-4o').tokens),
      [5, 7, 4],
    );
    const { hits, misses } = cached.stats();
    assert.deepEqual({ hits, misses }, { hits: 2, misses: 4 });
  });

  it('keeps at most cacheEntries texts', () => {
    const small = new TokenCounter({ ranksDir: ranksDirInPackages(), cacheEntries: 2 });
    ['one', 'two', 'three'].forEach((text) => small.count(text, 'gpt-4o'));
    small.count('one', 'gpt-4o');
    const { hits, misses, entries } = small.stats();
    assert.deepEqual({ hits, misses, entries }, { hits: 0, misses: 4, entries: 2 });
  });
});

describe('chat overhead', () => {
  it('is 3 per message, 1 per name and 3 reply priming where openai-cookbook documents it', () => {
    const method = 'openai-cookbook: 3/message, 1/name, 3 reply priming';
    assert.deepEqual(counter.chatOverhead(2, 'gpt-4o'), { tokens: 9, documented: true, method });
    assert.deepEqual(counter.chatOverhead(3, 'gpt-4o-mini', 1), { tokens: 13, documented: true, method });
    assert.deepEqual(counter.chatOverhead(1, 'gpt-4'), { tokens: 6, documented: true, method });
    assert.deepEqual(counter.chatOverhead(1, 'gpt-3.5-turbo'), { tokens: 6, documented: true, method });
    assert.deepEqual(counter.chatOverhead(0, 'gpt-4o'), { tokens: 0, documented: true, method: 'no messages' });
  });

  it('is 0, and says so, where it is not documented', () => {
    assert.deepEqual(counter.chatOverhead(2, 'gpt-5'), { tokens: 0, documented: false, method: 'not documented for gpt-5' });
    assert.deepEqual(counter.chatOverhead(2, 'claude-sonnet-4-6'), { tokens: 0, documented: false, method: 'not documented for claude-sonnet-4-6' });
    assert.deepEqual(counter.chatOverhead(2, 'text-embedding-3-small'), { tokens: 0, documented: false, method: 'not documented for text-embedding-3-small' });
    assert.deepEqual(counter.chatOverhead(2, null), { tokens: 0, documented: false, method: 'not documented for an unknown model' });
  });
});
