export interface CompressionOptions {
  /**
   * Also drop example sections, `<example>` blocks and "For example, …" sentences.
   * Off by default: examples often carry the output format the caller relies on.
   */
  removeExamples?: boolean;
}

export type CompressionStepKind = 'whitespace' | 'filler' | 'duplicate' | 'list-format' | 'example';

/** One change the compression made, for previews and diffs. */
export interface CompressionStep {
  kind: CompressionStepKind;
  description: string;
  /** Characters of the original text this step removed. */
  removedChars: number;
}

export interface CompressionResult {
  text: string;
  steps: CompressionStep[];
}
