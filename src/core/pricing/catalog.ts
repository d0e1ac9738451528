import bundled from './catalog.json';
import type { PriceCatalog } from './types';

/** The catalog generated from data/model_prices.json by `npm run pricing:update`; bundled with the build. */
export function loadBundledCatalog(): PriceCatalog {
  // Written by our converter, so the shape is known; TypeScript only widens the literal modes and tiers to string.
  return bundled as PriceCatalog;
}
