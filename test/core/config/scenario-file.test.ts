import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'jsonc-parser';
import type { RoutingScenario } from '../../../src/core/config/config';
import { withScenario } from '../../../src/core/config/scenario-file';

/** Saving a scenario from the panel must never lose what `.promptmeter.json` already holds. */

const SCENARIO: RoutingScenario = { name: 'mini first', mode: 'split', tiers: [{ model: 'gpt-4o-mini', share: 0.8 }, { model: 'gpt-4o', share: 0.2 }] };

describe('saving a scenario into .promptmeter.json', () => {
  it('adds it, keeping comments and the other settings', () => {
    const result = withScenario('{\n  // traffic\n  "callsPerDay": 5000,\n}\n', SCENARIO);
    assert.ok('text' in result);
    assert.match(result.text, /\/\/ traffic/);
    assert.deepEqual(parse(result.text), { callsPerDay: 5000, scenarios: [SCENARIO] });
  });

  it('replaces the one of the same name and keeps the others, even ones it does not understand', () => {
    const text = JSON.stringify({ scenarios: [{ name: 'mini first', mode: 'cascade', tiers: [] }, { name: 'other', future: true }, 7] });
    const result = withScenario(text, SCENARIO);
    assert.ok('text' in result);
    assert.deepEqual(parse(result.text), { scenarios: [{ name: 'other', future: true }, 7, SCENARIO] });
  });

  it('starts a file that is empty or holds only comments', () => {
    for (const text of ['', '// to do\n']) {
      const result = withScenario(text, SCENARIO);
      assert.ok('text' in result, JSON.stringify(text));
      assert.deepEqual(parse(result.text), { scenarios: [SCENARIO] });
    }
  });

  it('keeps a byte order mark', () => {
    const result = withScenario('\uFEFF{ "callsPerDay": 5000 }', SCENARIO);
    assert.ok('text' in result);
    assert.ok(result.text.startsWith('\uFEFF{'));
  });

  const REFUSED: [name: string, text: string, problem: string][] = [
    ['a syntax error', '{ "callsPerDay": 5000\n  "loopMultiplier": 3 }', 'is not valid JSON at line 2, column 3: a comma is expected; fix it first'],
    ['a file cut short', '{ "callsPerDay": 5000, "rules": {', 'is not valid JSON at line 1, column 34: a closing } is expected; fix it first'],
    ['a list at the top', '[]', 'must hold a JSON object ({ … }); fix it first'],
    ['scenarios that are not a list', '{ "scenarios": { "mini first": {} } }', 'has "scenarios" that is not a list; fix or remove it first'],
  ];
  for (const [name, text, problem] of REFUSED) {
    it(`refuses, writing nothing, when the file has ${name}`, () => {
      assert.deepEqual(withScenario(text, SCENARIO), { problem });
    });
  }
});
