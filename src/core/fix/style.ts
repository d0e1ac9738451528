/** The quote character a file mostly uses for strings, so inserted code matches it. */
export function preferredQuote(text: string): '"' | "'" {
  let double = 0;
  let single = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (char === 34) double++;
    else if (char === 39) single++;
  }
  return single > double ? "'" : '"';
}
