import type { Suppression } from '../model';
import type { CommentText } from './syntax-view';

/**
 * Comment directives, in either spelling:
 *   # promptmeter: ignore[missing-max-tokens, unknown-model]   (this line; on a line of its own: the next)
 *   // promptmeter-ignore-next-line missing-max-tokens
 *   # promptmeter: ignore-file[cost-over-budget]              (whole file; no ids: every rule)
 *   # promptmeter: calls-per-day=5000                          (traffic hint for the call on this or the next line)
 */
export interface Directives {
  suppressions: Suppression[];
  /** 0-based line of the call the hint is for → calls per day. */
  callsPerDay: Map<number, number>;
}

const DIRECTIVE = /promptmeter(?::\s*|-)(ignore-next-line|ignore-file|ignore|calls-per-day)\b(.*)$/;

export function parseDirectives(comments: CommentText[]): Directives {
  const suppressions: Suppression[] = [];
  const callsPerDay = new Map<number, number>();
  for (const comment of comments) {
    const match = DIRECTIVE.exec(comment.text.trim());
    if (!match) continue;
    const [, verb, rest = ''] = match;
    const target = comment.ownLine || verb === 'ignore-next-line' ? comment.line + 1 : comment.line;
    if (verb === 'calls-per-day') {
      const amount = /^\s*[=:]\s*([\d_,]+)/.exec(rest);
      const value = amount ? Number((amount[1] ?? '').replace(/[_,]/g, '')) : Number.NaN;
      if (Number.isFinite(value) && value >= 0) callsPerDay.set(target, value);
      continue;
    }
    suppressions.push({ rules: ruleIds(rest), line: verb === 'ignore-file' ? -1 : target });
  }
  return { suppressions, callsPerDay };
}

/** `[a, b]` or `a b` or `a,b`; anything after `--` is a free-text reason. */
function ruleIds(rest: string): string[] {
  const withoutReason = rest.split('--')[0] ?? '';
  return withoutReason
    .replace(/[[\]]/g, ' ')
    .split(/[\s,]+/)
    .filter((id) => /^[a-z][a-z0-9-]*$/.test(id));
}

export function isSuppressed(suppressions: Suppression[], ruleId: string, lines: number[]): boolean {
  return suppressions.some(
    (suppression) =>
      (suppression.line === -1 || lines.includes(suppression.line)) &&
      (suppression.rules.length === 0 || suppression.rules.includes(ruleId)),
  );
}
