import assert from 'node:assert/strict';
import { it } from 'node:test';
import { evaluate } from '../../src/core/engine/evaluate';
import { fixText } from '../../src/core/engine/fix-file';
import type { PromptmeterConfig } from '../../src/core/config/config';
import type { SourceLanguage } from '../../src/core/model';
import type { Rule } from '../../src/core/rules/rule';
import { analyzeSnippet, code, testEngine, testEstimateContext } from './engine';

interface ValidCase {
  name: string;
  language: SourceLanguage;
  code: string;
  /** Settings for this case (defaults otherwise). */
  config?: PromptmeterConfig;
}

interface InvalidCase extends ValidCase {
  /** 1-based line and column of each expected report, in order. */
  errors: { line: number; column: number; message: RegExp }[];
  /** The code after applying the rule's fixes; null when the rule offers no fix here. */
  output?: string | null;
}

/**
 * typescript-eslint style: `valid` code must not be flagged; `invalid` code must
 * be, exactly as listed, and its fixed `output` must match, parse, and not be
 * flagged again by the same fix.
 */
export function ruleTester(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  const only = [rule.meta.id];
  const findingsOf = async (testCase: ValidCase) => {
    const analysis = await analyzeSnippet(testCase.code, testCase.language);
    return evaluate(analysis, code(testCase.code), testEstimateContext(testCase.config), { only }).findings;
  };
  for (const testCase of cases.valid) {
    it(`valid: ${testCase.name}`, async () => {
      assert.deepEqual(await findingsOf(testCase), []);
    });
  }
  for (const testCase of cases.invalid) {
    it(`invalid: ${testCase.name}`, async () => {
      const findings = await findingsOf(testCase);
      assert.equal(findings.length, testCase.errors.length, JSON.stringify(findings.map((finding) => finding.message)));
      testCase.errors.forEach((expected, index) => {
        const finding = findings[index];
        assert.equal(finding?.ruleId, rule.meta.id);
        assert.equal(finding?.severity, rule.meta.defaultSeverity);
        assert.deepEqual([(finding?.range.start.line ?? -2) + 1, (finding?.range.start.column ?? -2) + 1], [expected.line, expected.column]);
        assert.match(finding?.message ?? '', expected.message);
      });
      if (testCase.output === undefined) return;
      const input = code(testCase.code);
      const fixed = fixText(testEngine(), input, testCase.language, testEstimateContext(testCase.config), { only }, { unsafe: true });
      assert.deepEqual(fixed.rejected, [], 'every fix parses');
      if (testCase.output === null) {
        assert.equal(fixed.output, input, 'no fix is offered');
        return;
      }
      assert.equal(fixed.output, code(testCase.output));
      const again = fixText(testEngine(), fixed.output, testCase.language, testEstimateContext(testCase.config), { only }, { unsafe: true });
      assert.deepEqual(again.applied, [], 'the fix is not offered again');
    });
  }
}
