import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isSuppressed, parseDirectives } from '../../../src/core/analyze/directives';
import { analyzeSnippet } from '../../support/engine';

describe('comment directives', () => {
  it('parses suppressions in both spellings, per line, next line and file', () => {
    const { suppressions } = parseDirectives([
      { text: 'promptmeter: ignore[missing-max-tokens, unknown-model]', line: 4, ownLine: false },
      { text: 'promptmeter-ignore-next-line missing-max-tokens -- reviewed', line: 7, ownLine: true },
      { text: 'promptmeter: ignore', line: 9, ownLine: true },
      { text: 'promptmeter-ignore-file cost-over-budget', line: 0, ownLine: true },
      { text: 'an ordinary comment about promptmeter', line: 12, ownLine: true },
    ]);
    assert.deepEqual(suppressions, [
      { rules: ['missing-max-tokens', 'unknown-model'], line: 4 },
      { rules: ['missing-max-tokens'], line: 8 },
      { rules: [], line: 10 },
      { rules: ['cost-over-budget'], line: -1 },
    ]);
    assert.equal(isSuppressed(suppressions, 'unknown-model', [4]), true);
    assert.equal(isSuppressed(suppressions, 'llm-call-in-loop', [4]), false);
    assert.equal(isSuppressed(suppressions, 'anything', [10]), true);
    assert.equal(isSuppressed(suppressions, 'cost-over-budget', [99]), true);
  });

  it('parses calls-per-day hints, ignoring malformed ones', () => {
    const { callsPerDay } = parseDirectives([
      { text: 'promptmeter: calls-per-day=5000', line: 2, ownLine: true },
      { text: 'promptmeter: calls-per-day=1_200', line: 6, ownLine: false },
      { text: 'promptmeter: calls-per-day=lots', line: 8, ownLine: true },
    ]);
    assert.deepEqual([...callsPerDay], [
      [3, 5000],
      [6, 1200],
    ]);
  });

  it('attaches hints to calls in Python and TypeScript through real comments', async () => {
    const python = await analyzeSnippet(
      `
      import litellm
      # promptmeter: calls-per-day=5000
      response = litellm.completion(
          model="gpt-4o", messages=[])
      litellm.completion(model="gpt-4o", messages=[])  # promptmeter: calls-per-day=20
      litellm.completion(model="gpt-4o", messages=[])
    `,
      'python',
    );
    assert.deepEqual(python.calls.map((call) => call.callsPerDay), [5000, 20, null]);
    const typescript = await analyzeSnippet(
      `
      import { generateText } from 'ai';
      // promptmeter: calls-per-day=300
      await generateText({ model: 'openai/gpt-4o', prompt: 'x' });
    `,
      'typescript',
    );
    assert.deepEqual(typescript.calls.map((call) => call.callsPerDay), [300]);
  });
});
