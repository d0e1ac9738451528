import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { waitForUpdate } from '@pydantic/genai-prices';
import { FRONTIER_MIN_OUTPUT_PER_MTOK, loadBundledCatalog, serializeCatalog, SMALL_MAX_OUTPUT_PER_MTOK, tierFor } from '../../../src/core/pricing';
import { buildCatalog } from '../../../scripts/pricing/build';

const ROOT = path.join(__dirname, '..', '..', '..');
const CATALOG = path.join(ROOT, 'src', 'core', 'pricing', 'catalog.json');
const readJson = (file: string) => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'));
const DATE = /^\d{4}-\d{2}-\d{2}$/;

test('the bundled catalog is exactly what genai-prices 0.1.8 and data/curated-prices.json make', async () => {
  const providers = await waitForUpdate();
  assert.ok(providers);
  const { catalog, warnings } = buildCatalog({
    providers,
    config: readJson('data/price-providers.json'),
    curated: readJson('data/curated-prices.json'),
    installedVersion: readJson('node_modules/@pydantic/genai-prices/package.json').version,
  });
  assert.deepEqual(warnings, []);
  assert.equal(readFileSync(CATALOG, 'utf8'), serializeCatalog(catalog), 'run: npm run pricing:update');
  assert.deepEqual(loadBundledCatalog(), catalog);
  assert.equal(catalog.asOf, '2026-09-23');
});

test('the update script writes the catalog offline and names its count and date', () => {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'pricing-update-')), 'catalog.json');
  const result = spawnSync('node', ['--import', 'tsx', path.join(ROOT, 'scripts', 'pricing-update.ts'), '--out', out], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /^wrote \d{4} models \(as of 2026-09-23\) to .*catalog\.json; 0 warnings\n$/);
  assert.equal(readFileSync(out, 'utf8'), readFileSync(CATALOG, 'utf8'));
  const usage = spawnSync('node', ['--import', 'tsx', path.join(ROOT, 'scripts', 'pricing-update.ts'), '--bogus'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(usage.status, 2, 'an unknown option is a usage error');
});

test('tiers follow the output price: frontier from $20, small up to $5 per 1M', () => {
  assert.deepEqual([FRONTIER_MIN_OUTPUT_PER_MTOK, SMALL_MAX_OUTPUT_PER_MTOK], [20, 5]);
  assert.deepEqual([tierFor(20), tierFor(19.99), tierFor(5.01), tierFor(5), tierFor(0)], ['frontier', 'mid', 'mid', 'small', 'small']);
  for (const model of loadBundledCatalog().models) assert.equal(model.tier, tierFor(model.outputPerMTok), model.id);
});

test('every entry is sourced, non-negative and dated where it says so; batch is half the list price where listed', () => {
  const { models } = loadBundledCatalog();
  assert.ok(models.length > 1200, `${models.length} models`);
  const ids = new Set(models.map((model) => model.id));
  assert.equal(ids.size, models.length, 'ids are unique');
  for (const model of models) {
    assert.ok(model.inputPerMTok >= 0 && model.outputPerMTok >= 0, model.id);
    assert.match(model.source ?? '', /^(genai-prices 0\.1\.8|B-OAI 2026-09-23|LiteLLM 2026-07-24)(; retirement: .+)?$/, model.id);
    for (const date of [model.asOf, model.deprecated, model.retired]) if (date !== undefined) assert.match(date, DATE, model.id);
    if (model.successor !== undefined) assert.ok(ids.has(model.successor), `${model.id} → ${model.successor}`);
    if (model.batchInputPerMTok !== undefined) assert.equal(model.batchInputPerMTok, model.inputPerMTok / 2, model.id);
    if (model.batchOutputPerMTok !== undefined) assert.equal(model.batchOutputPerMTok, model.outputPerMTok / 2, model.id);
  }
});

test('curated readings are cited, and every retirement names its source', () => {
  const curated = readJson('data/curated-prices.json');
  const keys = new Set(Object.keys(curated.readings));
  for (const model of curated.models) {
    assert.ok(keys.has(model.source), model.id);
    assert.match(model.asOf, DATE, model.id);
  }
  for (const retirement of curated.retirements) assert.ok(keys.has(retirement.source), retirement.id);
});
