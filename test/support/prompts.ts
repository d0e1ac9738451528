/**
 * A support policy of `lines` lines (about 23 Claude tokens each), long enough to
 * cache. Lines after the first are indented by `indent` spaces, like the snippets
 * they are pasted into, so `code()` strips the indentation from every line alike.
 */
export function supportPolicy(lines: number, indent = 10): string {
  return Array.from({ length: lines }, (_, index) => `Rule ${index + 1}: refunds are issued within 30 days of purchase when the receipt is shown.`).join(`\n${' '.repeat(indent)}`);
}
