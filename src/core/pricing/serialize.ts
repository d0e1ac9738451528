import type { PriceCatalog } from './types';

/** Catalog JSON with sorted keys and models in id order, so regenerating it yields a stable diff. */
export function serializeCatalog(catalog: PriceCatalog): string {
  const models = [...catalog.models].sort((a, b) => (a.id < b.id ? -1 : 1));
  return `${JSON.stringify({ asOf: catalog.asOf, models }, sortKeys, 2)}\n`;
}

function sortKeys(_key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)));
}
