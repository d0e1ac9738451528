import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadBundledCatalog, PriceBook } from '../../../src/core/pricing';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'pricing');
/** LiteLLM's model_prices_and_context_window.json as of 2026-07-24 (the RoCry/llm-api-price mirror, commit 8442b939). */
const LITELLM = JSON.parse(readFileSync(path.join(FIXTURES, 'model_prices_and_context_window.json'), 'utf8')) as Record<string, unknown>;
const REVIEWED = JSON.parse(readFileSync(path.join(FIXTURES, 'known-disagreements.json'), 'utf8')) as { reasons: Record<string, string>; keys: Record<string, string> };
const TOKEN_MODES = new Set(['chat', 'completion', 'responses', 'embedding']);
const MAX_SHARE = 0.01;

/** Another price: the input or the output price differs by more than 1%. */
function differs(a: number, b: number): boolean {
  return Math.abs(a - b) > 0.01 * Math.max(Math.abs(a), Math.abs(b));
}

test('LiteLLM keys resolve to an entry with the same price, past the reviewed disagreements, for at least 99%', () => {
  const book = new PriceBook(loadBundledCatalog());
  let run = 0;
  const unexplained: string[] = [];
  const stale = new Set(Object.keys(REVIEWED.keys));
  for (const [key, entry] of Object.entries(LITELLM)) {
    const fields = entry as Record<string, unknown>;
    if (typeof entry !== 'object' || !TOKEN_MODES.has(fields.mode as string) || typeof fields.input_cost_per_token !== 'number') continue;
    run += 1;
    const lookup = book.lookup(key);
    if (!lookup.found) continue;
    const input = fields.input_cost_per_token * 1e6;
    const output = typeof fields.output_cost_per_token === 'number' ? fields.output_cost_per_token * 1e6 : 0;
    if (!differs(input, lookup.price.inputPerMTok) && !differs(output, lookup.price.outputPerMTok)) continue;
    stale.delete(key);
    if (REVIEWED.keys[key] === undefined) unexplained.push(`${key}: ${+input.toFixed(4)}/${+output.toFixed(4)} → ${lookup.price.id} ${lookup.price.inputPerMTok}/${lookup.price.outputPerMTok}`);
  }
  assert.ok(run > 2300, `${run} keys run`);
  assert.ok(unexplained.length <= run * MAX_SHARE, `${unexplained.length} of ${run} keys resolve to an entry with another price:\n${unexplained.join('\n')}`);
  for (const code of Object.values(REVIEWED.keys)) assert.ok(REVIEWED.reasons[code], code);
  assert.deepEqual([...stale], [], 'reviewed disagreements that no longer occur: remove them');
});
