/**
 * Guard against js-tiktoken's slow path. Its BPE rescans a whole pre-tokenizer piece after
 * every merge, so a piece of n bytes costs about 80 ns × n²: 1,000 bytes ≈ 70 ms, a 1 MB
 * run of letters with no break about a day. Such pieces are machine text (runs of
 * letters, symbols or whitespace), so they are estimated from their length instead.
 */

/** Never run BPE on a piece longer than this. */
const MAX_EXACT_RUN_BYTES = 1000;
/** Pieces longer than this share a per-text budget of BPE work, so that many medium pieces cannot add up to a hang either. */
const BUDGETED_RUN_BYTES = 16;
/** In bytes², about one second of BPE; normal text never comes near it. */
const RUN_WORK_BUDGET = 10_000_000;

/**
 * A long run is estimated by BPE on its first SAMPLE_UNITS code units, scaled to its full
 * length: repeated characters, random letters and CJK each get their own rate.
 */
const SAMPLE_UNITS = 128;

/**
 * Once the work budget is spent, by fixed rates measured with tiktoken on long runs
 * (docs/tokenizers.md): high-entropy letters and symbols take 1.5–3 UTF-8 bytes per token
 * (random lowercase 1.9, CJK 1.8–3.0), whitespace runs 6–125.
 */
const BYTES_PER_TOKEN = 2;
const BYTES_PER_TOKEN_WHITESPACE = 4;

/** UTF-16 code units never take more than 3 UTF-8 bytes. */
const MAX_BYTES_PER_UNIT = 3;

export interface RawCount {
  tokens: number;
  /** Pieces counted from their length rather than by BPE. */
  estimatedRuns: number;
}

/**
 * Counts `text` with `encodeLength` (exact BPE), except for the pieces of `pieces` (the
 * encoding's pre-tokenizer regex, global) that are too long. The text is cut only at piece
 * boundaries, where the pre-tokenizer would start a new piece anyway, so the exact part
 * counts exactly as it would in one go.
 */
export function countGuarded(text: string, pieces: RegExp, encodeLength: (segment: string) => number): RawCount {
  let tokens = 0;
  let estimatedRuns = 0;
  let work = 0;
  let segmentStart = 0;
  for (const match of text.matchAll(pieces)) {
    const piece = match[0];
    if (piece.length * MAX_BYTES_PER_UNIT <= BUDGETED_RUN_BYTES) continue;
    const bytes = utf8Length(piece);
    if (bytes <= BUDGETED_RUN_BYTES) continue;
    if (bytes <= MAX_EXACT_RUN_BYTES && work + bytes * bytes <= RUN_WORK_BUDGET) {
      work += bytes * bytes;
      continue;
    }
    if (match.index > segmentStart) tokens += encodeLength(text.slice(segmentStart, match.index));
    const sample = headOf(piece);
    const sampleBytes = utf8Length(sample);
    if (work + sampleBytes * sampleBytes <= RUN_WORK_BUDGET) {
      work += sampleBytes * sampleBytes;
      tokens += Math.ceil((encodeLength(sample) * bytes) / sampleBytes);
    } else {
      tokens += estimateByRate(piece, bytes);
    }
    estimatedRuns++;
    segmentStart = match.index + piece.length;
  }
  if (segmentStart < text.length) tokens += encodeLength(segmentStart === 0 ? text : text.slice(segmentStart));
  return { tokens, estimatedRuns };
}

/** The first SAMPLE_UNITS code units, without splitting a surrogate pair. */
function headOf(piece: string): string {
  const end = Math.min(piece.length, SAMPLE_UNITS);
  const last = piece.charCodeAt(end - 1);
  return piece.slice(0, last >= 0xd800 && last < 0xdc00 ? end - 1 : end);
}

function estimateByRate(piece: string, bytes: number): number {
  const perToken = /\P{White_Space}/u.test(piece) ? BYTES_PER_TOKEN : BYTES_PER_TOKEN_WHITESPACE;
  return Math.ceil(bytes / perToken);
}

export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A surrogate pair is 4 bytes: 2 for each half.
    bytes += unit < 0x80 ? 1 : unit < 0x800 || (unit >= 0xd800 && unit < 0xe000) ? 2 : 3;
  }
  return bytes;
}
