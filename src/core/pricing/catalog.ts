import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { PriceCatalog } from './types';

let bundled: PriceCatalog | undefined;

/**
 * The catalog `npm run pricing:update` generates, read from beside this module (the build
 * copies it to dist/) the first time it is needed. Reading it rather than importing it keeps
 * its ~1 MB out of the extension's own bundle, so activation never parses it: only the
 * analysis worker, the CLI and the comparison panel load it.
 */
export function loadBundledCatalog(): PriceCatalog {
  // Written by our generator, so the shape is known.
  bundled ??= JSON.parse(readFileSync(path.join(__dirname, 'catalog.json'), 'utf8')) as PriceCatalog;
  return bundled;
}
