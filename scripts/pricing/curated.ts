/**
 * Our own readings (data/curated-prices.json) layered over the base catalog: a dated,
 * cited price wins where it is at least as new as the base's; facts the base lacks
 * (cache minimums, output limits) are added; retirements are marked, splitting a
 * retired snapshot out of an entry that still prices live names.
 */
import { CatalogIndex } from '../../src/core/pricing/catalog-index';
import type { ModelPrice } from '../../src/core/pricing/types';

export interface CuratedPrices {
  /** Source key → what it is, for every `source` used below. */
  readings: Record<string, string>;
  /** Whole entries, each with `source` and `asOf` (the reading's date). */
  models: (ModelPrice & { source: string; asOf: string })[];
  /** Fields to add to base entries, by id, with the key of their source. */
  facts: Record<string, Partial<ModelPrice> & { source: string }>;
  retirements: Retirement[];
}

export interface Retirement {
  /** A catalog id, or a name one entry prices (a dated snapshot): that name gets an entry of its own. */
  id: string;
  retired?: string;
  deprecated?: string;
  successor?: string;
  source: string;
}

export function applyCurated(base: readonly ModelPrice[], curated: CuratedPrices): { models: ModelPrice[]; warnings: string[] } {
  const warnings: string[] = [];
  let models = [...base];
  const keys = new Set(Object.keys(curated.readings));
  const cite = (id: string, source: string): void => {
    if (!keys.has(source)) warnings.push(`${id}: source "${source}" is not in readings`);
  };

  // Curated entries go first in their provider's list, so their names win over the base's broader rules.
  for (const entry of [...curated.models].reverse()) {
    cite(entry.id, entry.source);
    const at = models.findIndex((model) => model.id.toLowerCase() === entry.id.toLowerCase());
    const existing = at >= 0 ? models[at] : undefined;
    // A dated reading beats an undated base price; the base wins only with a price that started later.
    if (existing?.asOf !== undefined && existing.asOf > entry.asOf) {
      warnings.push(`${entry.id}: curated reading of ${entry.asOf} is older than the base price (from ${existing.asOf}); kept the base`);
      continue;
    }
    if (existing) models.splice(at, 1);
    const merged: ModelPrice = { ...(existing?.match && { match: existing.match }), ...entry };
    const first = models.findIndex((model) => model.provider === entry.provider);
    models.splice(first < 0 ? models.length : first, 0, merged);
  }

  for (const [id, fields] of Object.entries(curated.facts)) {
    cite(id, fields.source);
    const at = models.findIndex((model) => model.id === id);
    if (at < 0) warnings.push(`${id}: facts for a model the catalog does not have`);
    else {
      const { source: _source, ...facts } = fields;
      models[at] = { ...models[at], ...facts };
    }
  }

  for (const retirement of curated.retirements) {
    cite(retirement.id, retirement.source);
    models = retire(models, retirement, warnings);
  }
  const ids = new Set(models.map((model) => model.id));
  for (const model of models) {
    if (model.successor !== undefined && !ids.has(model.successor)) warnings.push(`${model.id}: successor ${model.successor} is not a catalog id`);
  }
  return { models, warnings };
}

function retire(models: ModelPrice[], retirement: Retirement, warnings: string[]): ModelPrice[] {
  const { id, source, ...dates } = retirement;
  const at = models.findIndex((model) => model.id === id);
  if (at >= 0) {
    models[at] = { ...models[at], ...dates, source: `${models[at].source}; retirement: ${source}` };
    return models;
  }
  const resolved = new CatalogIndex(models, {}).resolve(id);
  if (!resolved.found) {
    warnings.push(`${id}: retirement for a name no entry prices`);
    return models;
  }
  // The snapshot keeps the price of the entry that priced it, under its own id, just before that entry.
  const { match: _match, asOf: _asOf, ...price } = resolved.price;
  const split: ModelPrice = { ...price, id, ...dates, source: `${price.source}; retirement: ${source}` };
  const host = models.indexOf(resolved.price);
  return [...models.slice(0, host), split, ...models.slice(host)];
}
