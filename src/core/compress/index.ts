export { compressParts, compressText } from './compress';
export { FILLER_PHRASES } from './filler';
export { pretokenCount } from './pretokens';
export type { CompressionOptions, CompressionResult, CompressionStep, CompressionStepKind } from './types';
