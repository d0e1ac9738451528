import { editDistance } from '../pricing/closest';

/**
 * The known name a mistyped one most likely meant (`callsperday`, `callPerDay`
 * → `callsPerDay`), or undefined when none is close enough to be a typo.
 */
export function closestName(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  // Case slips are free; otherwise allow about one edit in three characters.
  const limit = Math.max(2, Math.ceil(name.length / 3));
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance <= limit && (!best || distance < best.distance)) best = { name: candidate, distance };
  }
  return best?.name;
}
