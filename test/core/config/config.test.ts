import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_CONFIG, parseConfigText, resolveConfig, validateConfig } from '../../../src/core/config/config';
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
        'settings callsPerDay: must be >= 0; got -5',
        'settings expectedOutputFraction: must be number; got "half"',
        'settings slotTokens.history: must be integer; got 2.5',
        'settings rules.missing-max-tokens: must be equal to one of the allowed values; got "loud"',
        'settings pricing.models.my-model.outputPerMTok: must be >= 0; got -2',
        'settings colour: is not a Promptmeter setting',
      ],
    );
  });

  it('reports a file that is not JSON and ignores it', () => {
    const { layer, problems } = parseConfigText('{ "callsPerDay": 10,\n  oops }', 'ws/.promptmeter.json');
    assert.deepEqual(layer, {});
    assert.equal(problems.length, 1);
    assert.match(problems[0]?.message ?? '', /^is not valid JSON: .* on line 2; the file is ignored$/);
  });

  it('rejects a top level that is not an object', () => {
    const { problems } = validateConfig([1, 2], 'x.json');
    assert.deepEqual(problems, [{ source: 'x.json', key: '(root)', message: 'must be an object, not an array' }]);
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

  it('reads .promptmeter.json from a folder; a missing file is not a problem', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'pm-config-'));
    try {
      assert.deepEqual(readWorkspaceConfig(folder), { layer: {}, problems: [], file: null });
      writeFileSync(path.join(folder, '.promptmeter.json'), '{ "defaultSlotTokens": 50 }');
      assert.deepEqual(readWorkspaceConfig(folder).layer, { defaultSlotTokens: 50 });
      mkdirSync(path.join(folder, 'dir.json'));
      const unreadable = readWorkspaceConfig(folder, 'dir.json');
      assert.match(unreadable.problems[0]?.message ?? '', /^cannot be read \(EISDIR\)/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
