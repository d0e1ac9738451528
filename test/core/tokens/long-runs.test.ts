import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { get_encoding } from 'tiktoken';
import { countGuarded, utf8Length } from '../../../src/core/tokens/long-runs';
import { TokenCounter } from '../../../src/core/tokens';
import { ranksDirInPackages } from '../../support/wasm';

const counter = new TokenCounter({ ranksDir: ranksDirInPackages(), cacheEntries: 0 });
const reference = get_encoding('o200k_base');
after(() => reference.free());

/** Deterministic lowercase letters with no break: one pre-tokenizer piece, BPE's worst case. */
function letters(count: number, seed: number): string {
  let text = '';
  for (let i = 0; i < count; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    text += 'abcdefghijklmnopqrstuvwxyz'[(seed >>> 16) % 26];
  }
  return text;
}

function withinPercent(actual: number, expected: number, percent: number): boolean {
  return Math.abs(actual - expected) <= (expected * percent) / 100;
}

describe('long runs are estimated, not run through BPE', () => {
  it('counts a 1 MB string without spaces, as calibrated', () => {
    const blob = letters(1_000_000, 1);
    const counted = counter.count(blob, 'gpt-4o');
    assert.deepEqual(counted, { tokens: 531_250, confidence: 'calibrated', method: 'o200k_base; 1 long run estimated from length' });
    // tiktoken gives 0.520 tokens per character on the first 20,000 characters of this text.
    assert.ok(withinPercent(counted.tokens, 520_450, 5));
    assert.deepEqual(counter.count(blob, 'claude-sonnet-4-6'), {
      tokens: 637_500,
      confidence: 'calibrated',
      method: 'o200k_base×1.20 (claude); 1 long run estimated from length',
    });
    assert.equal(counter.count(blob, null).confidence, 'heuristic');
  });

  it('keeps the text around a long run exact', () => {
    const prose = 'Summarise the attached log for an on-call engineer.';
    const text = `${prose} ${letters(3000, 7)} ${prose}`;
    const counted = counter.count(text, 'gpt-4o');
    assert.deepEqual(counted, { tokens: 1642, confidence: 'calibrated', method: 'o200k_base; 1 long run estimated from length' });
    assert.equal(reference.encode_ordinary(text).length, 1584);
  });

  it('rates a whitespace run by a sample of it', () => {
    const text = `a${' '.repeat(5000)}b`;
    assert.deepEqual(counter.count(text, 'gpt-4o'), { tokens: 42, confidence: 'calibrated', method: 'o200k_base; 1 long run estimated from length' });
    assert.equal(reference.encode_ordinary(text).length, 42);
  });

  it('estimates medium runs once they have used up the per-text BPE budget', () => {
    const text = Array.from({ length: 150 }, (_, i) => letters(300, i + 1)).join(' ');
    assert.deepEqual(counter.count(text, 'gpt-4o'), { tokens: 23_195, confidence: 'calibrated', method: 'o200k_base; 40 long runs estimated from length' });
    assert.equal(reference.encode_ordinary(text).length, 23_402);
  });

  it('leaves ordinary text exact, however long', () => {
    const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
    const text = readme.repeat(20);
    const counted = counter.count(text, 'gpt-4o');
    assert.equal(counted.confidence, 'exact');
    assert.equal(counted.tokens, reference.encode_ordinary(text).length);
  });
});

describe('countGuarded', () => {
  // One token per code unit makes every part of the sum visible.
  const perUnit = (segment: string) => segment.length;
  const words = /\S+|\s+/gu;

  it('encodes the text around a long run and a sample of the run', () => {
    const encoded: string[] = [];
    const counted = countGuarded(`ab ${'y'.repeat(2000)} cd`, words, (segment) => {
      encoded.push(segment);
      return segment.length;
    });
    assert.deepEqual(counted, { tokens: 2006, estimatedRuns: 1 });
    assert.deepEqual(encoded, ['ab ', 'y'.repeat(128), ' cd']);
  });

  it('falls back to 2 bytes per token once samples have used up the budget', () => {
    // 610 samples of 128 bytes fit in 10,000,000 bytes²; the other 90 runs are rated.
    const text = Array.from({ length: 700 }, () => 'x'.repeat(1001)).join(' ');
    assert.deepEqual(countGuarded(text, words, perUnit), { tokens: 610 * 1001 + 90 * 501 + 699, estimatedRuns: 700 });
  });

  it('rates whitespace at 4 bytes per token once the budget is spent', () => {
    const text = `${'x'.repeat(1001)} `.repeat(611) + ' '.repeat(4001);
    assert.deepEqual(countGuarded(text, words, perUnit), { tokens: 610 * 1001 + 610 + 501 + 1001, estimatedRuns: 612 });
  });
});

describe('utf8Length', () => {
  it('counts 1 to 4 bytes per character', () => {
    assert.equal(utf8Length('aé中😀'), 10);
    assert.equal(utf8Length(''), 0);
  });
});
