import type { CostReport } from './model';

/** The report as JSON, for tools and for `--baseline`: the data model as is, two-space indented. */
export function reportJson(report: CostReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
