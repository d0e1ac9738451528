/**
 * Text that compression must never touch, swapped for placeholders: fenced code
 * blocks, JSON and XML structure, and inline `code`. Transformations then work on
 * prose alone, and restoring puts the protected text back byte for byte.
 */

const OPEN = '\uE000';
const CLOSE = '\uE001';
const PLACEHOLDER = /\uE000(\d+)\uE001/g;
const PLACEHOLDER_ONLY = /^\uE000(\d+)\uE001$/;
const FENCE = /^(`{3,}|~{3,})/;
/** Lines that are structure, not prose: brackets, quoted keys, XML tags. */
const STRUCTURAL_LINE = /^(?:[{}[\]"]|<[A-Za-z/!?])/;
const JSON_KEY = /"[^"\n]*"\s*:/;
const INLINE_CODE = /`[^`\n]+`/g;

/** Text that already holds our placeholder characters cannot be masked safely. */
export function hasPlaceholderCharacters(text: string): boolean {
  return text.includes(OPEN) || text.includes(CLOSE);
}

/** A whole line that stands for a protected block (or a lone inline code span). */
export function isPlaceholderLine(line: string): boolean {
  return PLACEHOLDER_ONLY.test(line);
}

export class MaskedText {
  readonly text: string;
  private readonly originals: string[] = [];

  constructor(source: string) {
    const lines = source.split('\n');
    const masked: string[] = [];
    for (let index = 0; index < lines.length; ) {
      const end = protectedBlockEnd(lines, index);
      if (end === null) {
        masked.push((lines[index] ?? '').replace(INLINE_CODE, (code) => this.placeholder(code)));
        index++;
      } else {
        masked.push(this.placeholder(lines.slice(index, end + 1).join('\n')));
        index = end + 1;
      }
    }
    this.text = masked.join('\n');
  }

  restore(masked: string): string {
    return masked.replace(PLACEHOLDER, (_, index: string) => this.originals[Number(index)] ?? '');
  }

  /** The protected text a placeholder line stands for; null for a prose line. */
  blockOf(line: string): string | null {
    const match = PLACEHOLDER_ONLY.exec(line);
    return match ? (this.originals[Number(match[1])] ?? null) : null;
  }

  private placeholder(original: string): string {
    this.originals.push(original);
    return `${OPEN}${this.originals.length - 1}${CLOSE}`;
  }
}

/**
 * The last line of the protected block starting at `start`, or null for prose:
 * a fenced block to its closing fence, or structure until its brackets balance
 * (to the end of the text when they never do).
 */
function protectedBlockEnd(lines: string[], start: number): number | null {
  const first = (lines[start] ?? '').trim();
  const fence = FENCE.exec(first)?.[1];
  if (fence) {
    for (let index = start + 1; index < lines.length; index++) {
      if ((lines[index] ?? '').trim().startsWith(fence)) return index;
    }
    return lines.length - 1;
  }
  let depth = bracketDepth(lines[start] ?? '');
  if (depth === 0 && !STRUCTURAL_LINE.test(first) && !JSON_KEY.test(first)) return null;
  let end = start;
  while (depth > 0 && end + 1 < lines.length) {
    end++;
    depth += bracketDepth(lines[end] ?? '');
  }
  return end;
}

/** Opened minus closed `{`/`[` outside double-quoted strings. */
function bracketDepth(line: string): number {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    if (inString) {
      if (char === '\\') index++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') depth--;
  }
  return depth;
}
