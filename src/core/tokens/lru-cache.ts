export interface CacheStats {
  hits: number;
  misses: number;
  entries: number;
  /** Total length of the cached keys, in UTF-16 units. */
  chars: number;
}

/**
 * Least-recently-used map with string keys, bounded both by its number of entries and by
 * the total length of its keys (the keys are the counted texts, which can be large).
 */
export class LruCache<V> {
  // A Map iterates in insertion order, so re-inserting on use keeps the oldest first.
  private readonly entries = new Map<string, V>();
  private chars = 0;
  private hits = 0;
  private misses = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxChars: number,
  ) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: string, value: V): void {
    if (key.length > this.maxChars || this.maxEntries < 1) return;
    if (this.entries.delete(key)) this.chars -= key.length;
    this.entries.set(key, value);
    this.chars += key.length;
    while (this.entries.size > this.maxEntries || this.chars > this.maxChars) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
      this.chars -= oldest.length;
    }
  }

  stats(): CacheStats {
    return { hits: this.hits, misses: this.misses, entries: this.entries.size, chars: this.chars };
  }
}
