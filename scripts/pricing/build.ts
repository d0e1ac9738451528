/**
 * The catalog from its inputs: @pydantic/genai-prices' bundled data as the base, our
 * curated readings over it. Pure, so the test can check the committed catalog against it.
 */
import type { Provider } from '@pydantic/genai-prices';
import { CatalogIndex } from '../../src/core/pricing/catalog-index';
import { bareName, parseModelName } from '../../src/core/pricing/normalize';
import type { ModelPrice, PriceCatalog } from '../../src/core/pricing/types';
import { applyCurated, type CuratedPrices } from './curated';
import { convertGenaiPrices, type ProviderConfig } from './genai-prices';

export interface BuildInputs {
  providers: readonly Provider[];
  config: ProviderConfig & { genaiPrices: { version: string; released: string } };
  curated: CuratedPrices;
  /** The installed genai-prices version: must be the one the config dates. */
  installedVersion: string;
}

export function buildCatalog(inputs: BuildInputs): { catalog: PriceCatalog; warnings: string[] } {
  const { version, released } = inputs.config.genaiPrices;
  if (inputs.installedVersion !== version) {
    throw new Error(`@pydantic/genai-prices ${inputs.installedVersion} is installed, data/price-providers.json dates ${version}: set its version and release date`);
  }
  const base = convertGenaiPrices(inputs.providers, inputs.config, { label: `genai-prices ${version}`, asOf: released });
  const layered = applyCurated(base.models, inputs.curated);
  const newestReading = inputs.curated.models.reduce((newest, model) => (model.asOf > newest ? model.asOf : newest), released);
  return {
    catalog: { asOf: newestReading, fallbacks: base.fallbacks, models: inheritLimits(layered.models) },
    warnings: [...base.warnings, ...layered.warnings],
  };
}

/** Bedrock's `regional.`/`global.` profile marks: not part of the model's name. */
const PROFILE = /^(?:regional|global)\./;

/**
 * A cloud's or gateway's entry for a maker's model (`bedrock/regional.anthropic.claude-…`,
 * `openrouter/anthropic/…`) takes the maker's cache minimum and output limit where it has none:
 * the model's limits are the same wherever it runs, and the prompt-caching rules need them.
 */
function inheritLimits(models: ModelPrice[]): ModelPrice[] {
  const makers = new CatalogIndex(models.filter((model) => !model.id.includes('/')), {});
  return models.map((model) => {
    if (!model.id.includes('/') || (model.cacheMinTokens !== undefined && model.maxOutputTokens !== undefined)) return model;
    // The model's own name, out of Bedrock's id form (`anthropic.claude-…-v1:0` → `claude-…`).
    const forms = parseModelName(bareName(model.id).replace(PROFILE, '')).forms;
    const maker = makers.resolve(forms[forms.length - 1]);
    if (!maker.found) return model;
    const { cacheMinTokens, maxOutputTokens } = maker.price;
    return {
      ...model,
      ...(model.cacheMinTokens === undefined && cacheMinTokens !== undefined && { cacheMinTokens }),
      ...(model.maxOutputTokens === undefined && maxOutputTokens !== undefined && { maxOutputTokens }),
    };
  });
}
