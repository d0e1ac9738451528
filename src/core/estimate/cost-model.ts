import type { PromptmeterConfig } from '../config/config';
import { loadBundledCatalog, PriceBook } from '../pricing';
import { TokenCounter } from '../tokens';
import type { EstimateContext } from './estimate';

/**
 * The tokenizer, price book and settings that estimates are made with; built once per configuration.
 * Price overrides the book ignores are reported with their source by `checkPricing` (config).
 */
export function createEstimateContext(options: { ranksDir: string; config: PromptmeterConfig }): {
  context: EstimateContext & { tokens: TokenCounter };
} {
  const prices = new PriceBook(loadBundledCatalog(), options.config.pricing);
  return { context: { tokens: new TokenCounter({ ranksDir: options.ranksDir }), prices, config: options.config } };
}
