import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { callChanges, diffReports } from '../../../src/core/report/diff';
import { diffHeadline, diffMarkdown } from '../../../src/core/report/diff-markdown';
import type { CostReport, ReportCall, ReportFinding } from '../../../src/core/report/model';

function call(path: string, api: string, n: number, line: number, model: string | null, monthly: number | null): ReportCall {
  return {
    id: `${path}:${api}:${n}`,
    path,
    line,
    column: 5,
    provider: 'openai',
    api,
    kind: 'generate',
    model,
    perCall: monthly === null ? null : monthly / 30_000,
    monthly,
    range: null,
    localServer: false,
    unknownReason: monthly === null ? 'no price for this model' : null,
  };
}

function finding(ruleId: string, path: string, line: number, message: string, callId: string | null): ReportFinding {
  return { ruleId, severity: 'warning', path, line, column: 5, endLine: line, endColumn: 11, message, saving: null, fix: null, callId };
}

function report(calls: ReportCall[], findings: ReportFinding[] = []): CostReport {
  const monthly = calls.reduce((sum, entry) => sum + (entry.monthly ?? 0), 0);
  return {
    schemaVersion: 1,
    tool: { name: 'promptmeter', version: '0.1.0' },
    pricingAsOf: '2026-11-23',
    assumptions: { callsPerDay: 1000, loopMultiplier: 10, expectedOutputFraction: 0.5, defaultOutputLimit: 1024, defaultSlotTokens: 200, daysPerMonth: 30 },
    totals: {
      monthly,
      monthlyRange: null,
      callSites: calls.length,
      unknownCostCalls: calls.filter((entry) => entry.monthly === null).length,
      files: new Set(calls.map((entry) => entry.path)).size,
      findings: findings.length,
      potentialMonthlySaving: 0,
    },
    byProvider: [],
    byModel: [],
    byFolder: [],
    byFile: [],
    calls,
    findings,
    unknownModels: [],
    skipped: [],
    stats: { filesSeen: 1, filesParsed: 1, filesSkipped: 0 },
  };
}

describe('diffReports', () => {
  it('matches calls by id: added, removed and changed with monthly deltas, moved lines are no change', () => {
    const base = report([
      call('a.py', 'chat.completions.create', 0, 10, 'gpt-4o-mini', 100),
      call('a.py', 'chat.completions.create', 1, 20, 'gpt-4o', 300),
      call('b.py', 'messages.create', 0, 3, 'claude-haiku-4-5', 50),
    ]);
    const head = report([
      call('a.py', 'chat.completions.create', 0, 12, 'gpt-4o-mini', 100),
      call('a.py', 'chat.completions.create', 1, 22, 'gpt-5', 900),
      call('c.ts', 'responses.create', 0, 7, 'gpt-4o', 200),
    ]);
    const diff = diffReports(base, head);
    assert.deepEqual(diff.calls.added.map((entry) => [entry.id, entry.monthlyDelta]), [['c.ts:responses.create:0', 200]]);
    assert.deepEqual(diff.calls.removed.map((entry) => [entry.id, entry.monthlyDelta]), [['b.py:messages.create:0', -50]]);
    assert.deepEqual(diff.calls.changed.map((entry) => [entry.id, entry.before?.model, entry.after?.model, entry.monthlyDelta]), [
      ['a.py:chat.completions.create:1', 'gpt-4o', 'gpt-5', 600],
    ]);
    assert.deepEqual(
      { before: diff.totals.before, after: diff.totals.after, delta: diff.totals.delta, increase: diff.totals.increase, decrease: diff.totals.decrease },
      { before: 450, after: 1200, delta: 750, increase: 800, decrease: 50 },
    );
    assert.ok(Math.abs((diff.totals.percent ?? 0) - 166.666) < 0.001);
    assert.deepEqual(callChanges(diff).map((entry) => entry.id), ['a.py:chat.completions.create:1', 'c.ts:responses.create:0', 'b.py:messages.create:0']);
  });

  it('never counts an unknown cost as $0: the call delta is null, the totals count known costs only', () => {
    const base = report([call('a.py', 'completion', 0, 1, 'gpt-4o', 120)]);
    const head = report([call('a.py', 'completion', 0, 1, 'my-private-model', null)]);
    const diff = diffReports(base, head);
    assert.equal(diff.calls.changed[0]?.monthlyDelta, null);
    assert.deepEqual(diff.totals.unknownCostCalls, { before: 0, after: 1 });
    assert.equal(diff.totals.delta, -120);
    assert.equal(diff.totals.decrease, 0, 'an unknown change is neither added nor removed cost');
  });

  it('matches findings by rule and call id, else by rule, file and message, counting duplicates', () => {
    const id = 'a.py:chat.completions.create:0';
    const base = report(
      [call('a.py', 'chat.completions.create', 0, 10, 'gpt-4o', 100)],
      [
        finding('missing-max-tokens', 'a.py', 10, 'No limit on gpt-4o: worst case $0.16/call', id),
        finding('compressible-prompt', 'a.py', 2, 'Prompt could be 30% shorter', null),
        finding('compressible-prompt', 'a.py', 40, 'Prompt could be 30% shorter', null),
        finding('llm-call-in-loop', 'a.py', 10, 'In a loop', id),
      ],
    );
    const head = report(
      [call('a.py', 'chat.completions.create', 0, 14, 'gpt-5', 300)],
      [
        // Same call, message names the new model and cost: still the same finding.
        finding('missing-max-tokens', 'a.py', 14, 'No limit on gpt-5: worst case $1.20/call', id),
        // Moved, same text: the same finding; only one of the two is left.
        finding('compressible-prompt', 'a.py', 6, 'Prompt could be 30% shorter', null),
        finding('unknown-model', 'a.py', 14, 'Unknown model', id),
      ],
    );
    const diff = diffReports(base, head);
    assert.deepEqual(diff.findings.new.map((entry) => entry.ruleId), ['unknown-model']);
    assert.deepEqual(diff.findings.fixed.map((entry) => `${entry.ruleId}:${entry.line}`), ['compressible-prompt:40', 'llm-call-in-loop:10']);
  });

  it('is empty for the same report', () => {
    const same = report([call('a.py', 'create', 0, 1, 'gpt-4o', 10)], [finding('missing-max-tokens', 'a.py', 1, 'm', 'a.py:create:0')]);
    const diff = diffReports(same, structuredClone(same));
    assert.deepEqual(diff.calls, { added: [], removed: [], changed: [] });
    assert.deepEqual(diff.findings, { new: [], fixed: [] });
    assert.equal(diffHeadline(diff), 'LLM cost: no change ($10/mo)');
  });
});

describe('diffMarkdown', () => {
  it('reads as a pull-request comment: headline, table of call sites, new and fixed findings', () => {
    const base = report(
      [call('src/a.py', 'chat.completions.create', 0, 10, 'gpt-4o-mini', 10_000)],
      [finding('llm-call-in-loop', 'src/a.py', 10, 'In a loop', 'src/a.py:chat.completions.create:0')],
    );
    const head = report(
      [call('src/a.py', 'chat.completions.create', 0, 10, 'gpt-4o', 11_000), call('src/b|c.py', 'messages.create', 0, 4, 'claude-<b>', 234)],
      [{ ...finding('missing-max-tokens', 'src/b|c.py', 4, 'No limit on *claude*', 'src/b|c.py:messages.create:0'), saving: { perCall: 0.001, monthly: 30 } }],
    );
    const markdown = diffMarkdown(diffReports(base, head));
    assert.equal(markdown.split('\n')[0], '### LLM cost: +$1,234/mo (+12.3%)');
    assert.match(markdown, /^\$10,000\/mo → \$11,234\/mo · \+\$1,234 added · call sites 1 → 2$/m);
    assert.match(markdown, /^\| Call site \| Model \| Per call \| Per month \| Change \|$/m);
    assert.match(markdown, /^\| `src\/a\.py:10` `chat\.completions\.create` \| gpt-4o-mini → gpt-4o \| \$0\.333 → \$0\.367 \| \$10,000 → \$11,000 \| \+\$1,000 \|$/m);
    assert.match(markdown, /^\| `src\/b\\\|c\.py:4` `messages\.create` \(new\) \| claude-\\<b\\> \| \$0\.0078 \| \$234 \| \+\$234 \|$/m);
    assert.match(markdown, /^\*\*1 new finding\*\*$/m);
    assert.match(markdown, /^- \*\*warning\*\* `missing-max-tokens` at `src\/b\|c\.py:4`: No limit on \\\*claude\\\* \(saves up to \$30\/mo\)$/m);
    assert.match(markdown, /^\*\*1 fixed finding\*\*$/m);
    assert.match(markdown, /^- `llm-call-in-loop` at `src\/a\.py:10`: In a loop$/m);
    assert.match(markdown, /prices as of 2026-11-23/);
  });

  it('says so when nothing changed, and marks a decrease and a start from $0', () => {
    const empty = report([]);
    const one = report([call('a.py', 'create', 0, 1, 'gpt-4o', 80)]);
    assert.match(diffMarkdown(diffReports(one, one)), /No call site changed cost\./);
    assert.equal(diffHeadline(diffReports(empty, one)), 'LLM cost: +$80/mo (from $0)');
    assert.equal(diffHeadline(diffReports(one, empty)), 'LLM cost: -$80/mo (-100.0%)');
  });
});
