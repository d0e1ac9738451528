import type { Severity } from '../core/model';
import type { ReportDiff } from '../core/report/diff';
import { monthlyChange } from '../core/report/diff-markdown';
import { terminalText } from '../core/report/escape';
import { formatUsd } from '../core/report/format';
import type { CostReport } from '../core/report/model';
import { plural } from '../core/report/summary';
import { SEVERITIES, type IncreaseLimit } from './args';

export interface Gates {
  failOn: Severity | null;
  budgetMonthly: number | null;
  budgetPerCall: number | null;
  failOnIncrease: IncreaseLimit | null;
}

/** One sentence per gate the report fails; empty when it passes them all. */
export function gateFailures(report: CostReport, diff: ReportDiff | null, gates: Gates): string[] {
  const failures: string[] = [];
  if (gates.failOn !== null) {
    const threshold = SEVERITIES.indexOf(gates.failOn);
    const severe = report.findings.filter((finding) => SEVERITIES.indexOf(finding.severity) <= threshold);
    if (severe.length > 0) {
      const first = severe[0];
      failures.push(
        `${plural(severe.length, 'finding')} at ${gates.failOn} or above (--fail-on ${gates.failOn}), first ${terminalText(first.path)}:${first.line}:${first.column} ${first.ruleId}`,
      );
    }
  }
  if (gates.budgetMonthly !== null && report.totals.monthly > gates.budgetMonthly) {
    failures.push(`monthly cost ≈${formatUsd(report.totals.monthly)} is over the budget of ${formatUsd(gates.budgetMonthly)} (--budget-monthly)`);
  }
  if (gates.budgetPerCall !== null) {
    const limit = gates.budgetPerCall;
    const over = report.calls.filter((call) => call.perCall !== null && call.perCall > limit);
    const [most] = [...over].sort((a, b) => (b.perCall ?? 0) - (a.perCall ?? 0));
    if (most) {
      failures.push(
        `${plural(over.length, 'call site')} over the budget of ${formatUsd(limit)} per call (--budget-per-call), the most expensive ${terminalText(most.path)}:${most.line}:${most.column} at ${formatUsd(most.perCall)}`,
      );
    }
  }
  if (gates.failOnIncrease !== null && diff !== null) {
    const failure = increaseFailure(diff, gates.failOnIncrease);
    if (failure) failures.push(failure);
  }
  return failures;
}

/** Over a percentage of a $0 base, any increase is too much. */
function increaseFailure(diff: ReportDiff, limit: IncreaseLimit): string | null {
  const { delta, before } = diff.totals;
  const allowed = limit.unit === 'usd' ? limit.value : (before * limit.value) / 100;
  if (delta <= allowed) return null;
  const shown = limit.unit === 'usd' ? `${formatUsd(limit.value)}/mo` : `${limit.value}%`;
  return `monthly cost rose by ${monthlyChange(diff)}, more than the allowed ${shown} (--fail-on-increase)`;
}
