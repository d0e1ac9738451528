import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CostReport } from '../../../src/core/report/model';
import { reportHtml } from '../../../src/core/report';
import { headline } from '../../../src/core/report/summary';

/** A report with only the totals the headline reads; lists empty. */
function report(totals: Partial<CostReport['totals']>): CostReport {
  return {
    schemaVersion: 1,
    tool: { name: 'promptmeter', version: 'test' },
    pricingAsOf: '2026-09-23',
    assumptions: { callsPerDay: 1000, loopMultiplier: 10, expectedOutputFraction: 0.5, defaultOutputLimit: 1024, defaultSlotTokens: 200, daysPerMonth: 30 },
    totals: { monthly: 0, monthlyRange: null, callSites: 0, unknownCostCalls: 0, files: 0, findings: 0, potentialMonthlySaving: 0, ...totals },
    byProvider: [],
    byModel: [],
    byFolder: [],
    byFile: [],
    calls: [],
    findings: [],
    unknownModels: [],
    skipped: [],
    stats: { filesSeen: 0, filesParsed: 0, filesSkipped: 0 },
  };
}

describe('the headline never reads a guess as "$0"', () => {
  it('no call traced: says so, with no amount', () => {
    assert.equal(headline(report({})), 'No LLM call traced');
  });

  it('every call of unknown cost: the unknown, and no amount', () => {
    assert.equal(headline(report({ callSites: 4, unknownCostCalls: 4, files: 4 })), 'Cost unknown for 4 of 4 LLM call sites in 4 files');
  });

  it('some unknown: the unknown first, then what the others cost', () => {
    assert.equal(headline(report({ callSites: 5, unknownCostCalls: 1, files: 3, monthly: 330 })), 'Cost unknown for 1 of 5 LLM call sites in 3 files; ≈$330 per month for the other 4');
  });

  it('all known: the amount', () => {
    assert.equal(headline(report({ callSites: 2, files: 1, monthly: 12.5 })), '≈$12.50 per month across 2 LLM call sites in 1 file');
  });

  it('the HTML totals: "unknown" per month, and no "up to $0" saving where no finding names one', () => {
    const html = reportHtml(report({ callSites: 4, unknownCostCalls: 4, files: 4 }));
    assert.match(html, /Per month<\/dt>\s*<dd[^>]*>unknown</);
    assert.equal(html.includes('Potential saving'), false);
  });
});
