import { bareName } from './normalize';

const MAX_SUGGESTIONS = 3;

/**
 * Known ids that `name` is likely a typo of: at most two edits (one for short names), the
 * same first word and the same version numbers. A real model of another generation is not a
 * typo (`gpt-4` is not a misspelt `gpt-4o`, `gpt-5.7` not a misspelt `gpt-5.6`), so it is never offered.
 */
export function closestIds(name: string, ids: readonly string[]): string[] {
  const limit = name.length <= 5 ? 1 : 2;
  const numbers = versionNumbers(name);
  const word = firstWord(name);
  return ids
    .map((id) => ({ id, bare: bareName(id) }))
    .filter(({ bare }) => firstWord(bare) === word && versionNumbers(bare) === numbers)
    .map(({ id, bare }) => ({ id, distance: Math.min(editDistance(name, id.toLowerCase()), editDistance(name, bare)) }))
    .filter((candidate) => candidate.distance > 0 && candidate.distance <= limit)
    .sort((a, b) => a.distance - b.distance || (a.id < b.id ? -1 : 1))
    .slice(0, MAX_SUGGESTIONS)
    .map((candidate) => candidate.id);
}

function versionNumbers(name: string): string {
  return (name.match(/\d+/g) ?? []).join('.');
}

function firstWord(name: string): string {
  return /^[a-z]*/.exec(bareName(name))?.[0] ?? '';
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
