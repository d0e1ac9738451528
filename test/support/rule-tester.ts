import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { SourceLanguage } from '../../src/core/model';
import { evaluate } from '../../src/core/engine/evaluate';
import type { Rule } from '../../src/core/rules/rule';
import { analyzeSnippet, code, testEstimateContext } from './engine';

interface ValidCase {
  name: string;
  language: SourceLanguage;
  code: string;
}

interface InvalidCase extends ValidCase {
  /** 1-based line and column of each expected report, in order. */
  errors: { line: number; column: number; message: RegExp }[];
}

/** typescript-eslint style: `valid` code must not be flagged; `invalid` code must be, exactly as listed. */
export function ruleTester(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  const only = [rule.meta.id];
  for (const testCase of cases.valid) {
    it(`valid: ${testCase.name}`, async () => {
      const analysis = await analyzeSnippet(testCase.code, testCase.language);
      assert.deepEqual(evaluate(analysis, code(testCase.code), testEstimateContext(), { only }).findings, []);
    });
  }
  for (const testCase of cases.invalid) {
    it(`invalid: ${testCase.name}`, async () => {
      const analysis = await analyzeSnippet(testCase.code, testCase.language);
      const { findings } = evaluate(analysis, code(testCase.code), testEstimateContext(), { only });
      assert.equal(findings.length, testCase.errors.length, JSON.stringify(findings.map((finding) => finding.message)));
      testCase.errors.forEach((expected, index) => {
        const finding = findings[index];
        assert.equal(finding?.ruleId, rule.meta.id);
        assert.equal(finding?.severity, rule.meta.defaultSeverity);
        assert.deepEqual([finding?.range.start.line + 1, finding?.range.start.column + 1], [expected.line, expected.column]);
        assert.match(finding?.message ?? '', expected.message);
      });
    });
  }
}
