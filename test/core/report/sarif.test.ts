import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import { resolveConfig } from '../../../src/core/config/config';
import { reportSarif, type CostReport } from '../../../src/core/report';
import { RULES } from '../../../src/core/rules';
import { docsUrl } from '../../../src/core/rules/rule';
import { COST_CONFIG, COST_FILES, createWorkspace, HOSTILE_PATH, type TestWorkspace } from './workspace';

/** The official SARIF 2.1.0 schema (draft-04), as shipped by @microsoft/jest-sarif. */
const SCHEMA_PATH = path.join(__dirname, '..', '..', '..', 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');

interface SarifRule {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri: string;
  defaultConfiguration: { level: string };
}

interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: SarifRegion } }[];
  partialFingerprints: Record<string, string>;
  fixes?: { description: { text: string }; artifactChanges: { artifactLocation: { uri: string }; replacements: { deletedRegion: SarifRegion; insertedContent: { text: string } }[] }[] }[];
  properties?: { saving: { perCall: number; monthly: number } };
}

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: SarifRule[] } };
    invocations: { executionSuccessful: boolean }[];
    originalUriBaseIds: Record<string, unknown>;
    results: SarifResult[];
  }[];
}

describe('reportSarif', () => {
  let workspace: TestWorkspace;
  let report: CostReport;
  let sarif: SarifLog;

  before(async () => {
    workspace = createWorkspace(COST_FILES, COST_CONFIG);
    report = await workspace.report();
    sarif = reportSarif(report) as SarifLog;
  });
  after(() => workspace.remove());

  it('validates against the official SARIF 2.1.0 schema', () => {
    // The schema's language pattern (`^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`) is not a valid regular expression with the `u` flag.
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    // The schema's formats, checked as RFC 3986 has them: no spaces or characters URIs never hold, a scheme where absolute.
    ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]*$/i);
    ajv.addFormat('uri-reference', /^[^\s<>"{}|\\^`]*$/);
    ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')));
    const valid = validate(JSON.parse(JSON.stringify(sarif)));
    assert.equal(valid, true, JSON.stringify(validate.errors, null, 2));
    assert.equal(sarif.version, '2.1.0');
  });

  it('describes every rule with its documentation', () => {
    const [run] = sarif.runs;
    assert.deepEqual(run.tool.driver.name, 'promptmeter');
    assert.deepEqual(run.tool.driver.version, '9.9.9');
    assert.equal(run.tool.driver.informationUri, 'https://github.com/promptmeter/promptmeter');
    assert.deepEqual(
      run.tool.driver.rules.map((rule) => rule.id),
      RULES.map((rule) => rule.meta.id),
    );
    for (const [index, rule] of run.tool.driver.rules.entries()) {
      const { meta } = RULES[index];
      assert.equal(rule.shortDescription.text, `${meta.summary}.`);
      assert.equal(rule.fullDescription.text, meta.docs.whatItDoes);
      assert.ok(rule.help.text.includes(meta.docs.whyItCostsMoney), rule.id);
      assert.match(rule.help.markdown, new RegExp(`^# ${rule.id}\n`));
      assert.equal(rule.helpUri, docsUrl(rule.id));
      assert.equal(rule.defaultConfiguration.level, { error: 'error', warning: 'warning', info: 'note', hint: 'note' }[meta.defaultSeverity]);
    }
    assert.deepEqual(run.invocations, [{ executionSuccessful: true }]);
    assert.ok('%SRCROOT%' in run.originalUriBaseIds);
  });

  it('gives every finding a result with its rule, level, location and saving', () => {
    const [run] = sarif.runs;
    assert.equal(run.results.length, report.findings.length);
    for (const [index, result] of run.results.entries()) {
      const finding = report.findings[index];
      assert.equal(result.ruleId, finding.ruleId);
      assert.equal(run.tool.driver.rules[result.ruleIndex].id, finding.ruleId);
      assert.equal(result.message.text, finding.message);
      const [location] = result.locations;
      assert.equal(location.physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
      assert.deepEqual(location.physicalLocation.region, { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn });
    }
    const loop = run.results.find((result) => result.ruleId === 'llm-call-in-loop');
    assert.equal(loop?.level, 'note');
    assert.equal(loop?.locations[0].physicalLocation.artifactLocation.uri, 'app/bot.py');
    assert.ok(Math.abs((loop?.properties?.saving.monthly ?? 0) - 75) < 1e-9);
    const missing = run.results.find((result) => result.ruleId === 'missing-max-tokens');
    assert.equal(missing?.level, 'warning');
    assert.equal(missing?.locations[0].physicalLocation.artifactLocation.uri, 'web/%3Cimg%20onerror=x%3E.ts');
    assert.equal(missing?.properties, undefined, 'a risk has no saving');
  });

  it('carries fixes as replacements of regions', () => {
    const withFix = sarif.runs[0].results.filter((result) => result.fixes);
    assert.ok(withFix.length >= 1);
    const [fix] = withFix[0].fixes ?? [];
    assert.equal(fix.description.text, 'Add max_completion_tokens=1024');
    const [change] = fix.artifactChanges;
    assert.equal(change.artifactLocation.uri, 'web/%3Cimg%20onerror=x%3E.ts');
    const [replacement] = change.replacements;
    const { deletedRegion: region, insertedContent } = replacement;
    assert.equal(insertedContent.text, ', max_completion_tokens: 1024');
    assert.deepEqual([region.startLine, region.endLine, region.endColumn], [3, 3, region.startColumn], 'an insertion: an empty region');
    const line = (workspace.readText(HOSTILE_PATH) ?? '').split('\n')[2];
    assert.equal(line.slice(region.startColumn - 1), ' });', 'the insertion point is after the messages');
  });

  it('fingerprints findings by rule, path and call, not by message or line', async () => {
    const fingerprints = (log: SarifLog) => log.runs[0].results.map((result) => result.partialFingerprints['promptmeterFinding/v1']);
    const first = fingerprints(sarif);
    assert.ok(first.every((value) => /^[0-9a-f]{16}$/.test(value)));
    assert.equal(new Set(first).size, first.length, 'unique');
    assert.deepEqual(reportSarif(await workspace.report()), sarif, 'deterministic');
    // Other prices change the messages' numbers; a line added on top moves every finding. Neither changes a fingerprint.
    const dearer = resolveConfig([{ pricing: { ...COST_CONFIG.pricing, models: { ...COST_CONFIG.pricing.models, 'pm-big': { ...COST_CONFIG.pricing.models['pm-big'], batchOutputPerMTok: 250 } } } }]);
    const moved = createWorkspace(
      Object.fromEntries(Object.entries(COST_FILES).map(([name, text]) => [name, `${name.endsWith('.ts') ? '//' : '#'} a new first line\n${text}`])),
      dearer,
    );
    try {
      const other = (await moved.report());
      assert.notDeepEqual(other.findings.map((finding) => [finding.message, finding.line]), report.findings.map((finding) => [finding.message, finding.line]));
      assert.deepEqual(fingerprints(reportSarif(other) as SarifLog), first);
    } finally {
      moved.remove();
    }
  });
});
