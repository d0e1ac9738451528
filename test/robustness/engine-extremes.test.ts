import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { Engine } from '../../src/core/engine/engine';
import { evaluate } from '../../src/core/engine/evaluate';
import type { SourceLanguage } from '../../src/core/model';
import { ParseTimeLimitError } from '../../src/core/parse/parser';
import { testEngine, testEstimateContext } from '../support/engine';
import { wasmLocationInPackages } from '../support/wasm';
import { minifiedBundle } from './bad-workspace';

/** What the editor hands the engine: any open document up to 1 MB, with none of the scan's checks. */
async function analyze(text: string, language: SourceLanguage) {
  const engine = testEngine();
  await engine.prepare(language);
  return evaluate(engine.analyzeLoaded(text, language), text, testEstimateContext());
}

describe('the engine on extreme documents', () => {
  it('finds a call at the bottom of a tree 50,000 levels deep, and the syntax error beside it', async () => {
    // `a + b + c` nests to the left: the first term is the deepest node.
    const chain = ' + 1'.repeat(50_000);
    const javascript = `import OpenAI from 'openai';\nconst client = new OpenAI();\nconst total = client.chat.completions.create({ model: 'gpt-4o', messages: [] }) + * 1${chain};\n`;
    const python = `from openai import OpenAI\nclient = OpenAI()\ntotal = client.chat.completions.create(model="gpt-4o", messages=[]) + 1 +${chain}\n`;
    for (const [language, text, errors] of [['javascript', javascript, 1], ['python', python, 0]] as const) {
      const { analysis, findings } = await analyze(text, language);
      assert.deepEqual(analysis.calls.map((call) => [call.range.start.line, call.model]), [[2, 'gpt-4o']], language);
      assert.equal(analysis.syntaxErrors.length, errors, language);
      assert.deepEqual(findings.map((finding) => finding.ruleId), ['missing-max-tokens'], language);
    }
  });

  it('analyses a 1 MB minified bundle: every call found', async () => {
    const bundle = minifiedBundle(1024 * 1024);
    const { analysis, estimates } = await analyze(bundle, 'javascript');
    assert.equal(analysis.calls.length, bundle.split('completions.create(').length - 1);
    assert.ok(analysis.calls.every((call) => call.range.start.line === 0 && call.range.endOffset <= bundle.length));
    assert.ok(estimates.every((estimate) => estimate.cost.perCall !== null && Number.isFinite(estimate.cost.perCall)));
  });

  it('stops parsing a line that tree-sitter recovers from too slowly, and parses the next document as usual', async () => {
    // One 150 KB line of `*/` inside an object literal: without a time limit, 15 s of error recovery.
    const fixture = readFileSync(path.join(__dirname, '..', 'fixtures', 'eval', 'ts', 'bedrock_client.ts'), 'utf8');
    const at = fixture.indexOf('  }),\n    }),');
    assert.ok(at > 0, 'the fixture still has the object literal');
    const text = `${fixture.slice(0, at)}${'*/'.repeat(75_000)}\n${fixture.slice(at)}`;
    const engine = testEngine();
    await engine.prepare('typescript');
    assert.throws(() => engine.analyzeLoaded(text, 'typescript'), (error: unknown) => {
      assert.ok(error instanceof ParseTimeLimitError);
      assert.equal(error.message, `parsing stopped after ${Math.round(1000 + text.length / 1000)} ms: tree-sitter's error recovery is too slow on this ${text.length}-character typescript text`);
      return true;
    });
    // A stopped parse must not leave the parser half-way through that text.
    const fresh = new Engine(wasmLocationInPackages());
    await fresh.prepare('typescript');
    const after = engine.analyzeLoaded(fixture, 'typescript');
    assert.equal(after.calls.length, 3);
    assert.deepEqual(after, fresh.analyzeLoaded(fixture, 'typescript'));
  });
});
