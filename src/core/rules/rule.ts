import type { PromptmeterConfig } from '../config/config';
import type { CallEstimate } from '../estimate/estimate';
import type { FileAnalysis, Fix, LlmCall, RelatedLocation, Saving, Severity, SourceRange } from '../model';
import type { PriceBook } from '../pricing';

/** The rule's documentation, in the sections Ruff uses; docs/rules/<id>.md is generated from it. */
export interface RuleDocs {
  whatItDoes: string;
  whyItCostsMoney: string;
  example: string;
  useInstead: string;
  fixSafety?: string;
  references?: string[];
}

export interface RuleMeta {
  id: string;
  /** One line, shown in rule lists and SARIF. */
  summary: string;
  defaultSeverity: Severity;
  fixable: boolean;
  docs: RuleDocs;
}

export interface RuleReport {
  message: string;
  range: SourceRange;
  /** The call the report is about, so suppressions on its first line apply too. */
  call?: LlmCall;
  fix?: Fix;
  related?: RelatedLocation[];
  /** The saving the message names, when it names one. */
  saving?: Saving;
}

/** What a rule sees of one file: its calls, their estimates (same order), the settings, prices and the text. */
export interface RuleContext {
  analysis: FileAnalysis;
  estimates: readonly CallEstimate[];
  config: PromptmeterConfig;
  prices: PriceBook;
  text: string;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): RuleReport[];
}

export const DOCS_BASE_URL = 'https://github.com/promptmeter/promptmeter/blob/main/docs/rules';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}/${ruleId}.md`;
}
