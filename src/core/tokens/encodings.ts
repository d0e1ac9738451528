import { Tiktoken, type TiktokenBPE } from 'js-tiktoken/lite';
import { countGuarded, type RawCount } from './long-runs';
import type { EncodingName } from './types';

/** One BPE encoding, counting with the long-run guard. */
export class Encoding {
  private readonly tiktoken: Tiktoken;
  /** The encoding's own pre-tokenizer, the same regex js-tiktoken splits with. */
  private readonly pieces: RegExp;

  constructor(ranks: TiktokenBPE) {
    const patStr = withUnicodeWhitespace(ranks.pat_str);
    this.tiktoken = new Tiktoken({ ...ranks, pat_str: patStr });
    this.pieces = new RegExp(patStr, 'gu');
    releaseDecoder(this.tiktoken);
  }

  count(text: string): RawCount {
    // Special-token text (`<|endoftext|>`) in a prompt is plain text to the API: count it, never reject it.
    return countGuarded(text, this.pieces, (segment) => this.tiktoken.encode(segment, [], []).length);
  }
}

/**
 * js-tiktoken also builds a rank → bytes map for `decode`, which counting never
 * calls: 200,000 small arrays, 40 MB for o200k. Without the field (another
 * version), nothing happens.
 */
function releaseDecoder(tiktoken: Tiktoken): void {
  const internals = tiktoken as unknown as { textMap?: unknown };
  if (internals.textMap instanceof Map) internals.textMap.clear();
}

/**
 * tiktoken's Rust regex reads `\s` as Unicode White_Space; JavaScript's `\s` also matches
 * U+FEFF (a byte-order mark) and misses U+0085, which changed counts around a BOM.
 */
function withUnicodeWhitespace(pattern: string): string {
  return pattern.replaceAll('\\s', '\\p{White_Space}').replaceAll('\\S', '\\P{White_Space}');
}

type RanksLoader = (encoding: EncodingName) => TiktokenBPE;

/**
 * Builds each encoding the first time it is asked for, and only once: the rank files are
 * megabytes and take about half a second to parse. A load that fails is not retried.
 */
export class EncodingRegistry {
  private readonly encodings = new Map<EncodingName, Encoding | null>();

  constructor(private readonly loadRanks: RanksLoader) {}

  /** The encoding, or null when its ranks cannot be loaded. */
  get(name: EncodingName): Encoding | null {
    let encoding = this.encodings.get(name);
    if (encoding === undefined) {
      encoding = this.tryLoad(name);
      this.encodings.set(name, encoding);
    }
    return encoding;
  }

  loaded(): EncodingName[] {
    return [...this.encodings].filter(([, encoding]) => encoding !== null).map(([name]) => name);
  }

  private tryLoad(name: EncodingName): Encoding | null {
    try {
      return new Encoding(this.loadRanks(name));
    } catch {
      return null;
    }
  }
}
