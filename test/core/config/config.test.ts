import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_CONFIG, describeProblem, parseConfigText, resolveConfig, validateConfig } from '../../../src/core/config/config';
import { readWorkspaceConfig } from '../../../src/core/config/workspace-file';

describe('configuration', () => {
  it('reads JSON with comments and trailing commas', () => {
    const { layer, problems } = parseConfigText(
      `{
        // traffic of a typical call
        "callsPerDay": 5000,
        "slotTokens": { "retrieved_docs": 3000, },
        "rules": { "missing-max-tokens": "error" },
        "pricing": { "aliases": { "prod-gpt4o": "gpt-4o" } },
      }`,
      '.promptmeter.json',
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(layer, {
      callsPerDay: 5000,
      slotTokens: { retrieved_docs: 3000 },
      rules: { 'missing-max-tokens': 'error' },
      pricing: { aliases: { 'prod-gpt4o': 'gpt-4o' } },
    });
  });

  it('drops each wrong value with a message naming source, key and problem, and keeps the rest', () => {
    const { layer, problems } = validateConfig(
      {
        callsPerDay: -5,
        loopMultiplier: 4,
        expectedOutputFraction: 'half',
        slotTokens: { docs: 1000, history: 2.5 },
        rules: { 'missing-max-tokens': 'loud', 'unknown-model': 'off' },
        pricing: { models: { 'my-model': { inputPerMTok: 1, outputPerMTok: -2 } } },
        colour: 'blue',
      },
      'settings',
    );
    assert.deepEqual(layer, {
      loopMultiplier: 4,
      slotTokens: { docs: 1000 },
      rules: { 'unknown-model': 'off' },
      pricing: { models: { 'my-model': { inputPerMTok: 1 } } },
    });
    assert.deepEqual(
      problems.map((problem) => `${problem.source} ${problem.key}: ${problem.message}`),
      [
        'settings callsPerDay: must be at least 0, not -5 (ignored)',
        'settings expectedOutputFraction: must be a number, not "half" (ignored)',
        'settings slotTokens.history: must be a whole number, not 2.5 (ignored)',
        'settings rules.missing-max-tokens: must be one of "error", "warning", "info", "hint", "off"; not "loud" (ignored)',
        'settings pricing.models.my-model.outputPerMTok: must be at least 0, not -2 (ignored)',
        'settings colour: is not a Promptmeter setting (known: callsPerDay, loopMultiplier, expectedOutputFraction, defaultOutputLimit, defaultSlotTokens, slotTokens, defaultModel, azureDeployments, rules, budgets, pricing, include, exclude, scenarios) (ignored)',
      ],
    );
  });

  it('names keys as the user wrote them: editor settings carry their prefix', () => {
    const { problems } = validateConfig({ budgets: { perCall: 0 } }, 'settings', 'promptmeter.');
    assert.deepEqual(problems, [{ source: 'settings', key: 'promptmeter.budgets.perCall', message: 'must be more than 0, not 0 (ignored)' }]);
    assert.equal(describeProblem(problems[0]!), 'settings: promptmeter.budgets.perCall must be more than 0, not 0 (ignored)');
  });

  it('keeps what comes before a syntax error, and says where it is', () => {
    const { layer, problems } = parseConfigText('{ "callsPerDay": 10,\n  oops }', 'ws/.promptmeter.json');
    assert.deepEqual(layer, { callsPerDay: 10 });
    assert.deepEqual(problems.map(describeProblem), [
      'ws/.promptmeter.json: is not valid JSON at line 2, column 3: unexpected "oops" (the settings before it are used, the rest of the file is ignored)',
    ]);
  });

  it('rejects a top level that is not an object', () => {
    const { problems } = validateConfig([1, 2], 'x.json');
    assert.deepEqual(problems, [{ source: 'x.json', key: '', message: 'must hold a JSON object ({ "callsPerDay": 5000, … }), not a list (ignored)' }]);
  });

  it('merges layers: later scalars win, maps merge key by key', () => {
    const config = resolveConfig([
      { callsPerDay: 10, slotTokens: { a: 1, b: 2 }, pricing: { aliases: { x: 'gpt-4o' } } },
      { slotTokens: { b: 3 }, budgets: { perCall: 0.05 } },
    ]);
    assert.equal(config.callsPerDay, 10);
    assert.equal(config.loopMultiplier, DEFAULT_CONFIG.loopMultiplier);
    assert.deepEqual(config.slotTokens, { a: 1, b: 3 });
    assert.deepEqual(config.budgets, { perCall: 0.05 });
    assert.deepEqual(config.pricing.aliases, { x: 'gpt-4o' });
    assert.deepEqual(DEFAULT_CONFIG.slotTokens, {}, 'defaults are not mutated');
  });

  it('reads .promptmeter.json from a folder', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'pm-config-'));
    try {
      writeFileSync(path.join(folder, '.promptmeter.json'), '{ "defaultSlotTokens": 50 }');
      assert.deepEqual(readWorkspaceConfig(folder), { layer: { defaultSlotTokens: 50 }, problems: [], file: path.join(folder, '.promptmeter.json') });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
