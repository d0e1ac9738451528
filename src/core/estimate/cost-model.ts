import type { PromptmeterConfig } from '../config/config';
import { loadBundledCatalog, PriceBook } from '../pricing';
import { TokenCounter } from '../tokens';
import type { EstimateContext } from './estimate';

/** The tokenizer, price book and settings that estimates are made with; built once per configuration. */
export function createEstimateContext(options: { ranksDir: string; config: PromptmeterConfig }): {
  context: EstimateContext & { tokens: TokenCounter };
  /** Price overrides that were ignored, with the reason. */
  problems: readonly string[];
} {
  const prices = new PriceBook(loadBundledCatalog(), options.config.pricing);
  return {
    context: { tokens: new TokenCounter({ ranksDir: options.ranksDir }), prices, config: options.config },
    problems: prices.overrideProblems,
  };
}
