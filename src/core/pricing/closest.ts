import { bareName } from './normalize';

const MAX_SUGGESTIONS = 3;

/**
 * Up to three ids nearest to `name` by edit distance (hosted ids also by their
 * bare model name), close enough to be a plausible typo or variant.
 */
export function closestIds(name: string, ids: readonly string[]): string[] {
  const limit = Math.max(3, Math.ceil(name.length * 0.4));
  return ids
    .map((id) => ({ id, distance: Math.min(editDistance(name, id.toLowerCase()), editDistance(name, bareName(id))) }))
    .filter((candidate) => candidate.distance <= limit)
    .sort((a, b) => a.distance - b.distance || (a.id < b.id ? -1 : 1))
    .slice(0, MAX_SUGGESTIONS)
    .map((candidate) => candidate.id);
}

/** Levenshtein distance, one row at a time. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}
