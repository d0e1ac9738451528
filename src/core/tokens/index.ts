export { TokenCounter, type ChatOverhead, type TokenCounterStats } from './token-counter';
export type { Confidence, EncodingName, TokenCount, TokenizerOptions } from './types';
