import type { ReportCall, ReportGroup } from './model';

/** Sorting and grouping shared by the report's builder and renderers; locale-independent so every machine sorts alike. */

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The directory of a report path, `.` for the top level. */
export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '.' : slash === 0 ? '/' : path.slice(0, slash);
}

/** Totals of the calls of known cost by `key`: most expensive first, then most calls, then by name. */
export function groupCalls(calls: readonly ReportCall[], total: number, key: (call: ReportCall) => string): ReportGroup[] {
  const groups = new Map<string, ReportGroup>();
  for (const call of calls) {
    if (call.monthly === null) continue;
    const name = key(call);
    const group = groups.get(name) ?? { name, calls: 0, monthly: 0, share: 0 };
    group.calls++;
    group.monthly += call.monthly;
    groups.set(name, group);
  }
  return [...groups.values()]
    .map((group) => ({ ...group, share: total > 0 ? group.monthly / total : 0 }))
    .sort((a, b) => b.monthly - a.monthly || b.calls - a.calls || compareText(a.name, b.name));
}
