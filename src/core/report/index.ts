/** The workspace cost report: build it from a scan, then render it. */
export { buildReport, type BuildReportOptions, type CostReport, type ReportAssumptions, type ReportCall, type ReportFinding, type ReportGroup } from './model';
export type { ReportEdit, ReportFix } from './fixes';
export { reportHtml } from './render-html';
export { reportJson } from './render-json';
export { reportMarkdown, type MarkdownOptions } from './render-markdown';
export { reportSarif } from './render-sarif';
export { reportText } from './render-text';
