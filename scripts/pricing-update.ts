/**
 * Regenerates src/core/pricing/catalog.json, offline, from the pinned @pydantic/genai-prices
 * package (its bundled data; nothing is fetched) and our curated readings in data/.
 *
 *   npm run pricing:update [-- --out FILE]
 *
 * Warnings (curated readings the base has overtaken, unknown ids) go to stderr.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { waitForUpdate } from '@pydantic/genai-prices';
import { serializeCatalog } from '../src/core/pricing/serialize';
import { buildCatalog } from './pricing/build';

const ROOT = path.join(__dirname, '..');
const DEFAULT_OUT = path.join(ROOT, 'src/core/pricing/catalog.json');
const USAGE = 'usage: pricing-update [--out FILE]';

async function main(): Promise<number> {
  let out = DEFAULT_OUT;
  try {
    const parsed = parseArgs({ options: { out: { type: 'string' } } });
    out = parsed.values.out ?? DEFAULT_OUT;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  // Without updatePrices() having been called, this resolves to the data bundled in the package.
  const providers = await waitForUpdate();
  if (!providers) throw new Error('@pydantic/genai-prices has no bundled data');
  const { catalog, warnings } = buildCatalog({
    providers,
    config: readJson('data/price-providers.json'),
    curated: readJson('data/curated-prices.json'),
    installedVersion: readJson<{ version: string }>('node_modules/@pydantic/genai-prices/package.json').version,
  });
  for (const warning of warnings) console.error(`warning: ${warning}`);
  writeFileSync(out, serializeCatalog(catalog));
  console.log(`wrote ${catalog.models.length} models (as of ${catalog.asOf}) to ${path.relative(process.cwd(), out)}; ${warnings.length} warnings`);
  return 0;
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as T;
}

main().then((code) => (process.exitCode = code));
