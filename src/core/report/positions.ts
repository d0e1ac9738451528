/**
 * Offsets to 1-based lines and UTF-16 columns, the way the analysis counts them:
 * lines end at `\n` (a `\r` before it is the last character of its line).
 */
export type PositionOf = (offset: number) => { line: number; column: number };

export function positionsIn(text: string): PositionOf {
  const lineStarts = [0];
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) lineStarts.push(index + 1);
  return (offset) => {
    // The last line start at or before the offset.
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low] + 1 };
  };
}
