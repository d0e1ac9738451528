import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { SourceLanguage } from '../../src/core/model';
import { languageForPath } from '../../src/core/workspace/languages';

/** A real source file the fuzz tests mutate. */
export interface Seed {
  /** Relative to the repository, with `/`: what a failure report names. */
  path: string;
  language: SourceLanguage;
  text: string;
}

const ROOT = path.join(__dirname, '..', '..');
const SEED_FOLDERS = ['test/fixtures', 'test/integration/workspace', 'examples'];
/** Fewer seeds of its own than this, and a language borrows the TypeScript ones. */
const MIN_SEEDS = 8;

/** Every fixture and example with code, in a fixed order so that a seed number replays the same case. */
export function loadSeeds(): Seed[] {
  return SEED_FOLDERS.flatMap((folder) => filesBelow(folder))
    .sort()
    .flatMap((relPath) => {
      const language = languageForPath(relPath);
      return language ? [{ path: relPath, language, text: readFileSync(path.join(ROOT, relPath), 'utf8') }] : [];
    });
}

/**
 * The seeds for one language: its own files, and for TSX and JavaScript, which
 * have few fixtures, the TypeScript ones too (parsed by the other grammar, they
 * are one more kind of malformed input).
 */
export function seedsFor(language: SourceLanguage, seeds: readonly Seed[]): Seed[] {
  const own = seeds.filter((seed) => seed.language === language);
  if (own.length >= MIN_SEEDS) return own;
  return [...own, ...seeds.filter((seed) => seed.language === 'typescript').map((seed) => ({ ...seed, language }))];
}

function filesBelow(relDir: string): string[] {
  return readdirSync(path.join(ROOT, relDir), { withFileTypes: true }).flatMap((entry) => {
    const relPath = `${relDir}/${entry.name}`;
    return entry.isDirectory() ? filesBelow(relPath) : [relPath];
  });
}
