import type { PriceCatalog } from './types';

/**
 * Catalog JSON with one model per line, keys sorted, models in match order: regenerating
 * it yields a line-per-model diff, and the file stays small enough to ship (no indentation).
 */
export function serializeCatalog(catalog: PriceCatalog): string {
  const head = JSON.stringify({ asOf: catalog.asOf, ...(catalog.fallbacks && { fallbacks: catalog.fallbacks }) }, sortKeys);
  const models = catalog.models.map((model) => JSON.stringify(model, sortKeys)).join(',\n');
  return `${head.slice(0, -1)},"models":[\n${models}\n]}\n`;
}

function sortKeys(_key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)));
}
