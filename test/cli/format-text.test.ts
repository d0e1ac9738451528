import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatScanText } from '../../src/cli/format-text';
import { analyzeSnippet, testEstimateContext } from '../support/engine';
import { evaluate } from '../../src/core/engine/evaluate';
import type { ScanResult } from '../../src/core/scan/scan';

async function scanOf(source: string): Promise<ScanResult> {
  const analysis = await analyzeSnippet(source, 'python');
  const file = { path: 'app.py', language: 'python' as const, ...evaluate(analysis, source, testEstimateContext()) };
  return { files: [file], skipped: [], missingRoots: [], stats: { filesSeen: 1, filesParsed: 1, filesSkipped: 0, ms: 1 } };
}

const EMPTY: ScanResult = { files: [], skipped: [], missingRoots: [], stats: { filesSeen: 3, filesParsed: 0, filesSkipped: 0, ms: 1 } };

describe('the last line of `promptmeter scan`', () => {
  it('with no call traced, no amount', () => {
    assert.match(formatScanText(EMPTY, false), /^0 LLM calls in 0 files · no cost: no LLM call traced · /m);
  });

  it('with every call of unknown cost, the unknown and no amount', async () => {
    const result = await scanOf(`
      from openai import OpenAI
      OpenAI().chat.completions.create(model="acme-chat-9", max_tokens=10, messages=[])
    `);
    assert.match(formatScanText(result, false), /^1 LLM call in 1 file · cost unknown for 1 of 1 call \(prices as of \d{4}-\d{2}-\d{2}\) · /m);
  });
});
