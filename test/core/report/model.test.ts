import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_CONFIG } from '../../../src/core/config/config';
import { applyEdits } from '../../../src/core/fix/edits';
import { buildReport, type CostReport } from '../../../src/core/report';
import { formatUsd } from '../../../src/core/report/format';
import { COST_CONFIG, COST_FILES, createWorkspace, HOSTILE_MODEL, HOSTILE_PATH, SAVING_FILES, TOOL, type TestWorkspace } from './workspace';

/** Equal to the cent's fraction: sums of floating-point dollars. */
function near(actual: number, expected: number): void {
  assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} ≈ ${expected}`);
}

describe('buildReport', () => {
  let workspace: TestWorkspace;
  let report: CostReport;

  before(async () => {
    workspace = createWorkspace(COST_FILES, COST_CONFIG);
    report = await workspace.report();
  });
  after(() => workspace.remove());

  it('adds up the calls of known cost: $150 + $150 + $15 + $15', () => {
    const { totals } = report;
    near(totals.monthly, 330);
    assert.equal(totals.callSites, 5);
    assert.equal(totals.unknownCostCalls, 1);
    assert.equal(totals.files, 3);
    assert.equal(totals.findings, report.findings.length);
    near(totals.potentialMonthlySaving, 75);
    assert.deepEqual(report.assumptions, { callsPerDay: 1000, loopMultiplier: 10, expectedOutputFraction: 0.5, defaultOutputLimit: 1024, defaultSlotTokens: 200, daysPerMonth: 30 });
    assert.deepEqual(report.tool, TOOL);
    assert.equal(report.schemaVersion, 1);
    assert.match(report.pricingAsOf, /^\d{4}-\d{2}-\d{2}$/);
  });

  it('groups by provider, model (as priced), folder and file, with shares of the known total', () => {
    const rows = (groups: CostReport['byModel']) => groups.map((group) => [group.name, group.calls, Math.round(group.monthly * 100) / 100, Math.round(group.share * 1000) / 1000]);
    assert.deepEqual(rows(report.byProvider), [
      ['openai', 3, 315, 0.955],
      ['anthropic', 1, 15, 0.045],
    ]);
    assert.deepEqual(rows(report.byModel), [
      ['pm-big', 3, 315, 0.955],
      ['pm-small', 1, 15, 0.045],
    ]);
    assert.deepEqual(rows(report.byFolder), [
      ['app', 3, 315, 0.955],
      ['.', 1, 15, 0.045],
    ]);
    assert.deepEqual(rows(report.byFile), [
      ['app/bot.py', 3, 315, 0.955],
      ['top.py', 1, 15, 0.045],
    ]);
    for (const groups of [report.byProvider, report.byModel, report.byFolder, report.byFile]) near(groups.reduce((sum, group) => sum + group.share, 0), 1);
  });

  it('lists calls most expensive first, ties by path and line, unknown cost last', () => {
    assert.deepEqual(
      report.calls.map((call) => [call.id, call.line, call.monthly === null ? null : Math.round(call.monthly * 100) / 100]),
      [
        ['app/bot.py:chat.completions.create:0', 4, 150],
        ['app/bot.py:chat.completions.create:2', 9, 150],
        ['app/bot.py:chat.completions.create:1', 6, 15],
        ['top.py:messages.create:0', 3, 15],
        [`${HOSTILE_PATH}:chat.completions.create:0`, 3, null],
      ],
    );
    assert.equal(report.calls[3].model, 'prod-big', 'calls keep the name in the code; byModel counts it as pm-big');
    const first = report.calls[0];
    assert.deepEqual(
      { ...first, perCall: Math.round((first.perCall ?? 0) * 1e6) / 1e6, monthly: Math.round((first.monthly ?? 0) * 100) / 100 },
      {
        id: 'app/bot.py:chat.completions.create:0',
        path: 'app/bot.py',
        line: 4,
        column: 25,
        provider: 'openai',
        api: 'chat.completions.create',
        kind: 'generate',
        model: 'pm-big',
        perCall: 0.05,
        monthly: 150,
        range: null,
        localServer: false,
        unknownReason: null,
      },
    );
  });

  it('lists unknown models and their calls, never summed as $0', () => {
    const unknown = report.calls.find((call) => call.model === HOSTILE_MODEL);
    assert.equal(unknown?.monthly, null);
    assert.equal(unknown?.perCall, null);
    assert.match(unknown?.unknownReason ?? '', /is not in the price list/);
    assert.deepEqual(report.unknownModels, [{ model: HOSTILE_MODEL, closest: [], calls: 1 }]);
    assert.ok(!report.byModel.some((group) => group.name === HOSTILE_MODEL), 'no $0 group for an unknown model');
    assert.ok(!report.byFile.some((group) => group.name === HOSTILE_PATH));
  });

  it('sorts findings by place and ties them to their call', () => {
    const places = report.findings.map((finding) => [finding.path, finding.line, finding.column, finding.ruleId]);
    assert.deepEqual(places, [
      ['app/bot.py', 9, 29, 'llm-call-in-loop'],
      [HOSTILE_PATH, 3, 25, 'missing-max-tokens'],
      [HOSTILE_PATH, 3, 41, 'unknown-model'],
    ]);
    assert.deepEqual(
      report.findings.map((finding) => finding.callId),
      ['app/bot.py:chat.completions.create:2', `${HOSTILE_PATH}:chat.completions.create:0`, `${HOSTILE_PATH}:chat.completions.create:0`],
    );
    const loop = report.findings[0];
    near(loop.saving?.perCall ?? 0, 0.025);
    near(loop.saving?.monthly ?? 0, 75);
    assert.equal(report.findings[1].saving, null, 'a missing limit is a risk, not a saving');
  });

  it('places fix edits by line and column from the file text', () => {
    const finding = report.findings.find((candidate) => candidate.fix !== null);
    assert.ok(finding?.fix, 'the missing limit has a fix');
    assert.equal(finding.fix.safe, true);
    const text = workspace.readText(finding.path) ?? '';
    const lines = text.split('\n');
    for (const edit of finding.fix.edits) {
      const offsetOf = (line: number, column: number): number => lines.slice(0, line - 1).reduce((sum, entry) => sum + entry.length + 1, 0) + column - 1;
      assert.equal(offsetOf(edit.startLine, edit.startColumn), edit.start);
      assert.equal(offsetOf(edit.endLine, edit.endColumn), edit.end);
    }
    assert.match(applyEdits(text, finding.fix.edits), /messages: \[.*\], max_completion_tokens: 1024 \}\);/);
  });

  it('leaves fixes out without the file text, or when the file changed since the scan', async () => {
    const result = await workspace.scan();
    const withoutReader = buildReport(result, COST_CONFIG, TOOL);
    assert.ok(withoutReader.findings.every((finding) => finding.fix === null));
    const changed = buildReport(result, COST_CONFIG, TOOL, { readText: (relPath) => `// a new first line\n${workspace.readText(relPath)}` });
    assert.ok(changed.findings.every((finding) => finding.fix === null));
    const withBom = buildReport(result, COST_CONFIG, TOOL, { readText: (relPath) => `\uFEFF${workspace.readText(relPath)}` });
    assert.deepEqual(withBom.findings, report.findings, 'a byte order mark is not part of the analysed text');
  });

  it('reports the same scan the same way, with no timings', async () => {
    const again = await workspace.report();
    assert.deepEqual(again, report);
    assert.deepEqual(Object.keys(report.stats), ['filesSeen', 'filesParsed', 'filesSkipped']);
    assert.deepEqual(report.stats, { filesSeen: 3, filesParsed: 3, filesSkipped: 0 });
  });

  it('reports an empty scan without inventing numbers', () => {
    const empty = buildReport({ files: [], skipped: [], missingRoots: [], stats: { filesSeen: 0, filesParsed: 0, filesSkipped: 0, ms: 5 } }, DEFAULT_CONFIG, TOOL);
    assert.equal(empty.pricingAsOf, 'unknown');
    assert.deepEqual(empty.totals, { monthly: 0, monthlyRange: null, callSites: 0, unknownCostCalls: 0, files: 0, findings: 0, potentialMonthlySaving: 0 });
    assert.deepEqual([empty.byModel, empty.calls, empty.findings, empty.unknownModels], [[], [], [], []]);
  });
});

describe('finding savings', () => {
  let workspace: TestWorkspace;
  let report: CostReport;

  before(async () => {
    workspace = createWorkspace(SAVING_FILES, DEFAULT_CONFIG);
    report = await workspace.report();
  });
  after(() => workspace.remove());

  it('carry the saving each rule names in its message', () => {
    const savings = Object.fromEntries(report.findings.filter((finding) => finding.saving).map((finding) => [finding.ruleId, finding]));
    assert.deepEqual(Object.keys(savings).sort(), ['cache-unfriendly-order', 'compressible-prompt', 'expensive-model-for-simple-task', 'llm-call-in-loop', 'missing-cache-control']);
    for (const finding of Object.values(savings)) {
      const saving = finding.saving ?? { perCall: 0, monthly: 0 };
      assert.ok(saving.monthly > 0 && saving.perCall > 0, finding.ruleId);
      assert.ok(finding.message.includes(formatUsd(saving.monthly)), `${finding.ruleId}: ${finding.message} names ${formatUsd(saving.monthly)}`);
      if (finding.ruleId !== 'expensive-model-for-simple-task') {
        assert.ok(finding.message.includes(formatUsd(saving.perCall)), `${finding.ruleId}: ${finding.message} names ${formatUsd(saving.perCall)}`);
      }
    }
    near(report.totals.potentialMonthlySaving, Object.values(savings).reduce((sum, finding) => sum + (finding.saving?.monthly ?? 0), 0));
  });

  it('are absent where a finding names a risk', () => {
    const risk = report.findings.filter((finding) => finding.ruleId === 'missing-max-tokens');
    assert.ok(risk.length > 0);
    assert.ok(risk.every((finding) => finding.saving === null));
  });
});
