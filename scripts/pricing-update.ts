/**
 * Converts a local LiteLLM-format price file into our catalog, offline.
 *
 *   node --import tsx scripts/pricing-update.ts path/to/model_prices.json [--out FILE] [--as-of YYYY-MM-DD]
 *
 * Warnings (skipped or suspicious entries) go to stderr; the catalog is written with sorted keys.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { convertLiteLLM } from '../src/core/pricing/litellm';
import { serializeCatalog } from '../src/core/pricing/serialize';

const DEFAULT_OUT = 'src/core/pricing/catalog.json';
const USAGE = 'usage: pricing-update <litellm-prices.json> [--out FILE] [--as-of YYYY-MM-DD]';

function main(): number {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { out: { type: 'string' }, 'as-of': { type: 'string' } } });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const [input, ...extra] = parsed.positionals;
  // Without --as-of the catalog is dated today: the day the price file was taken.
  const asOf = parsed.values['as-of'] ?? new Date().toISOString().slice(0, 10);
  if (!input || extra.length > 0 || !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
    console.error(USAGE);
    return 2;
  }
  const out = parsed.values.out ?? DEFAULT_OUT;

  let source: unknown;
  try {
    source = JSON.parse(readFileSync(input, 'utf8'));
  } catch (error) {
    console.error(`cannot read ${input}: ${(error as Error).message}`);
    return 1;
  }
  const { catalog, warnings } = convertLiteLLM(source, asOf);
  for (const warning of warnings) console.error(`warning: ${warning}`);
  writeFileSync(out, serializeCatalog(catalog));
  console.log(`wrote ${catalog.models.length} models (as of ${asOf}) to ${out}; ${warnings.length} warnings`);
  return 0;
}

process.exitCode = main();
