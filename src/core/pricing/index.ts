export { loadBundledCatalog } from './catalog';
export { convertLiteLLM, perTokenToPerMTok, type Conversion } from './litellm';
export { PriceBook, type OverrideProblem } from './price-book';
export { serializeCatalog } from './serialize';
export { FRONTIER_MIN_OUTPUT_PER_MTOK, SMALL_MAX_OUTPUT_PER_MTOK, tierFor } from './tier';
export type {
  LongContextPrice, ModelMode, ModelPrice, ModelPriceOverride, ModelTier, PriceCatalog, PriceLookup, PriceOverrides,
} from './types';
