import type { Severity } from '../model';
import { RULES } from '../rules';
import { ruleDocMarkdown } from '../rules/docs';
import { docsUrl } from '../rules/rule';
import { sarifText } from './escape';
import type { CostReport, ReportFinding } from './model';
import { encodePath } from './summary';

/** Where Promptmeter lives; SARIF viewers link the tool's name to it. */
const INFORMATION_URI = 'https://github.com/promptmeter/promptmeter';
const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Paths in the report are relative to the directory the scan ran in. */
const SOURCE_ROOT = '%SRCROOT%';
/** The key of `partialFingerprints`; a new version if the fingerprint's inputs ever change. */
const FINGERPRINT_KEY = 'promptmeterFinding/v1';

/**
 * The findings as a SARIF 2.1.0 log, for GitHub code scanning and other viewers:
 * every rule with its documentation, every finding with its location, saving and
 * fix. Deterministic: no times, no absolute paths. Each result's fingerprint
 * hashes the rule, the path, the call it is about (whose id survives edits that
 * move lines) and its rank among the same rule's findings on that call, never
 * the message, whose numbers change with prices.
 */
export function reportSarif(report: CostReport): object {
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.meta.id, index]));
  const rank = new Map<string, number>();
  const results = report.findings.map((finding) => {
    const identity = [finding.ruleId, finding.path, finding.callId ?? `line ${finding.line}`].join('\0');
    const occurrence = rank.get(identity) ?? 0;
    rank.set(identity, occurrence + 1);
    const index = ruleIndex.get(finding.ruleId);
    return {
      ruleId: finding.ruleId,
      ...(index === undefined ? {} : { ruleIndex: index }),
      level: sarifLevel(finding.severity),
      message: { text: sarifText(finding.message) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifact(finding.path),
            region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
          },
        },
      ],
      partialFingerprints: { [FINGERPRINT_KEY]: fnv1a64(`${identity}\0${occurrence}`) },
      ...(finding.fix ? { fixes: [sarifFix(finding.path, finding.fix)] } : {}),
      ...(finding.saving ? { properties: { saving: { perCall: finding.saving.perCall, monthly: finding.saving.monthly, currency: 'USD' } } } : {}),
    };
  });
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            informationUri: INFORMATION_URI,
            rules: RULES.map(({ meta }) => ({
              id: meta.id,
              shortDescription: { text: `${meta.summary}.` },
              fullDescription: { text: meta.docs.whatItDoes },
              help: {
                text: [`${meta.summary}.`, meta.docs.whatItDoes, `Why it costs money: ${meta.docs.whyItCostsMoney}`, `Documentation: ${docsUrl(meta.id)}`].join('\n\n'),
                markdown: ruleDocMarkdown(meta),
              },
              helpUri: docsUrl(meta.id),
              defaultConfiguration: { level: sarifLevel(meta.defaultSeverity) },
              properties: { fixable: meta.fixable },
            })),
          },
        },
        invocations: [{ executionSuccessful: true }],
        originalUriBaseIds: { [SOURCE_ROOT]: { description: { text: 'The directory the scan ran in; every path is relative to it.' } } },
        columnKind: 'utf16CodeUnits',
        results,
        properties: { pricingAsOf: report.pricingAsOf, totals: report.totals },
      },
    ],
  };
}

function sarifLevel(severity: Severity): 'error' | 'warning' | 'note' {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

function artifact(path: string): { uri: string; uriBaseId: string } {
  return { uri: encodePath(path), uriBaseId: SOURCE_ROOT };
}

function sarifFix(path: string, fix: NonNullable<ReportFinding['fix']>): object {
  return {
    description: { text: sarifText(fix.title) },
    artifactChanges: [
      {
        artifactLocation: artifact(path),
        replacements: fix.edits.map((edit) => ({
          deletedRegion: { startLine: edit.startLine, startColumn: edit.startColumn, endLine: edit.endLine, endColumn: edit.endColumn },
          insertedContent: { text: edit.newText },
        })),
      },
    ],
    properties: { safe: fix.safe },
  };
}

/** FNV-1a, 64 bits, of the text's UTF-8: a stable, dependency-free fingerprint (not a security hash). */
function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}
