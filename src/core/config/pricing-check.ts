import { loadBundledCatalog, PriceBook, type PriceCatalog } from '../pricing';
import { resolveConfig, type ConfigLayer, type ConfigProblem } from './config';

/** A layer with where it came from, to name the right file or setting in a message. */
export interface SourcedLayer {
  source: string;
  layer: ConfigLayer;
  /** How its keys are written where the user set them, e.g. `promptmeter.` for editor settings. */
  keyPrefix?: string;
}

/**
 * Price overrides that the price book ignores: an alias to a model it does not
 * know, a new model without both prices, a price per token. Only the merged
 * layers can tell (an alias may name a model another layer adds), so each
 * problem is charged to the last layer that set the entry.
 */
export function checkPricing(layers: readonly SourcedLayer[], catalog?: PriceCatalog): ConfigProblem[] {
  const pricing = resolveConfig(layers.map((sourced) => sourced.layer)).pricing;
  // Nothing to check: the catalog (1,250 models) stays unread, as the extension activates.
  if (Object.keys(pricing.models).length === 0 && Object.keys(pricing.aliases).length === 0) return [];
  const latestFirst = [...layers].reverse();
  return new PriceBook(catalog ?? loadBundledCatalog(), pricing).overrideProblems.map((problem) => {
    const origin = latestFirst.find((sourced) => sourced.layer.pricing?.[problem.section]?.[problem.name] !== undefined) ?? latestFirst[0];
    return {
      source: origin.source,
      key: `${origin.keyPrefix ?? ''}pricing.${problem.section}.${problem.name}`,
      message: `${problem.message} (ignored)`,
    };
  });
}
