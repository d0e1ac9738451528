import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  convertLiteLLM, FRONTIER_MIN_OUTPUT_PER_MTOK, loadBundledCatalog, serializeCatalog, SMALL_MAX_OUTPUT_PER_MTOK, tierFor,
} from '../../../src/core/pricing';

const ROOT = path.join(__dirname, '..', '..', '..');
const SNAPSHOT = path.join(ROOT, 'data', 'model_prices.json');
const CATALOG = path.join(ROOT, 'src', 'core', 'pricing', 'catalog.json');

test('the bundled catalog is exactly what the converter makes of data/model_prices.json', () => {
  const bundled = loadBundledCatalog();
  const { catalog, warnings } = convertLiteLLM(JSON.parse(readFileSync(SNAPSHOT, 'utf8')), bundled.asOf);
  assert.deepEqual(warnings, []);
  assert.equal(readFileSync(CATALOG, 'utf8'), serializeCatalog(catalog), `run: npm run pricing:update -- data/model_prices.json --as-of ${bundled.asOf}`);
  assert.deepEqual(bundled, catalog);
});

test('the update script writes the catalog and reports warnings on stderr', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pricing-update-'));
  const source = path.join(dir, 'prices.json');
  const out = path.join(dir, 'catalog.json');
  writeFileSync(source, JSON.stringify({
    'gpt-x': { litellm_provider: 'openai', mode: 'chat', input_cost_per_token: 1e-6, output_cost_per_token: 2e-6 },
    'bad-x': { litellm_provider: 'openai', mode: 'chat', input_cost_per_token: -1, output_cost_per_token: 2e-6 },
  }));
  const result = runScript([source, '--out', out, '--as-of', '2026-01-02']);
  assert.equal(result.status, 0);
  assert.equal(result.stdout, `wrote 1 models (as of 2026-01-02) to ${out}; 1 warnings\n`);
  assert.equal(result.stderr, 'warning: bad-x: input_cost_per_token is negative (-1)\n');
  assert.deepEqual(JSON.parse(readFileSync(out, 'utf8')), {
    asOf: '2026-01-02',
    models: [{ id: 'gpt-x', provider: 'openai', mode: 'chat', inputPerMTok: 1, outputPerMTok: 2, tier: 'small' }],
  });
  assert.equal(runScript([source, '--as-of', '2026-1-2']).status, 2, 'a malformed date is a usage error');
  assert.equal(runScript([]).status, 2, 'the input file is required');
});

test('tiers follow the output price: frontier from $20, small up to $5 per 1M', () => {
  assert.deepEqual([FRONTIER_MIN_OUTPUT_PER_MTOK, SMALL_MAX_OUTPUT_PER_MTOK], [20, 5]);
  assert.deepEqual([tierFor(20), tierFor(19.99), tierFor(5.01), tierFor(5), tierFor(0)], ['frontier', 'mid', 'mid', 'small', 'small']);
  const tiers = (tier: string) => loadBundledCatalog().models.filter((model) => model.tier === tier).map((model) => model.id);
  assert.deepEqual(tiers('frontier'), [
    'claude-fable-5-1', 'claude-opus-4-5', 'claude-opus-4-6', 'claude-opus-4-7', 'claude-opus-4-8', 'claude-opus-5',
    'claude-opus-5-5', 'gpt-5.5', 'gpt-5.6-sol', 'gpt-6-astra',
  ]);
  assert.deepEqual(tiers('mid'), [
    'claude-sonnet-4-5', 'claude-sonnet-4-6', 'claude-sonnet-5', 'gemini-2.5-pro', 'gemini-3.1-pro-preview', 'gemini-3.5-flash',
    'gpt-4.1', 'gpt-4o', 'gpt-4o-2024-05-13', 'gpt-5', 'gpt-5.4', 'gpt-5.6', 'gpt-6-sol', 'mistral-medium-latest', 'o3',
  ]);
});

test('every bundled price is a sourced, non-negative number with batch at half where listed', () => {
  for (const model of loadBundledCatalog().models) {
    assert.ok(model.inputPerMTok >= 0 && model.outputPerMTok >= 0, model.id);
    assert.match(model.source ?? '', /^(B-OAI|B-ANT|B-GEM|B-DS) 2026-09-23$|^LLM-JSON 00035b69f416$/, model.id);
    if (model.batchInputPerMTok !== undefined) assert.equal(model.batchInputPerMTok, model.inputPerMTok / 2, model.id);
    if (model.batchOutputPerMTok !== undefined) assert.equal(model.batchOutputPerMTok, model.outputPerMTok / 2, model.id);
  }
});

function runScript(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const script = path.join(ROOT, 'scripts', 'pricing-update.ts');
  return spawnSync('node', ['--import', 'tsx', script, ...args], { cwd: ROOT, encoding: 'utf8' });
}
