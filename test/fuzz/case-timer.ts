import { ParserCrashError, parseTimeLimitMs } from '../../src/core/parse/parser';
import type { Mutation } from './mutations';

/** What a case was made of: enough to tell it in a report, and to rebuild it by hand. */
export interface CaseDescription {
  seed: string;
  mutations: Mutation[];
  /** Characters of the mutated text. */
  size: number;
}

export interface SlowCase extends CaseDescription {
  /** fast-check's path of the case: with the run's seed, a run replays this case first. */
  path: string;
  ms: number;
}

/** A case on which tree-sitter itself crashed (see ParserCrashError): no later case can parse in that thread. */
export interface CrashedCase extends CaseDescription {
  path: string;
  /** How many cases ran before it. */
  index: number;
  message: string;
}

/**
 * A hang guard, not a speed test. A case parses its text a few times (analysis,
 * fixes, checks), and parsing malformed code may take up to the engine's parse
 * time limit each time; what is left gets 2 s. What it catches grows faster
 * than that: a quadratic blow-up takes 15 s for 150 KB and minutes for 1 MB.
 */
export function caseBudgetMs(size: number): number {
  return 2_000 + 4 * parseTimeLimitMs(size);
}

/**
 * The hang guard's clock: numbers the cases as fast-check runs them, announces
 * each before it starts (so that a case that never ends can be named), and keeps
 * the ones that took longer than their budget. Slowness is reported, not thrown:
 * fast-check would spend minutes shrinking a slow case, and the seed and path
 * are all it takes to replay it.
 */
export class CaseTimer {
  readonly slow: SlowCase[] = [];
  /** Set once tree-sitter has crashed; the cases fast-check runs after it pass without running. */
  crash: CrashedCase | undefined;
  /** The case that failed before fast-check shrank it: after a crash of tree-sitter, shrinking finds nothing better. */
  firstFailure: (CaseDescription & { path: string }) | undefined;
  private started = 0;

  constructor(
    private readonly announce: (index: number, description: CaseDescription) => void,
    /** The path being replayed, when the run replays one. */
    private readonly replayPath?: string,
  ) {}

  get cases(): number {
    return this.started;
  }

  time(description: CaseDescription, work: () => void): void {
    if (this.crash) return;
    const index = this.started++;
    this.announce(index, description);
    const start = performance.now();
    try {
      work();
    } catch (error) {
      if (error instanceof ParserCrashError && !this.firstFailure) {
        this.crash = { ...description, path: this.pathOf(index), index, message: error.message };
        return;
      }
      // From here on fast-check is shrinking: the cases it runs are not numbered by path any more.
      this.firstFailure ??= { ...description, path: this.pathOf(index) };
      throw error;
    }
    const ms = Math.round(performance.now() - start);
    if (ms > caseBudgetMs(description.size) && !this.firstFailure) this.slow.push({ ...description, path: this.pathOf(index), ms });
  }

  private pathOf(index: number): string {
    return this.replayPath ?? String(index);
  }
}
