import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultUiState, restoreUiState } from '../../src/webview/ui-state';
import { parseHostMessage } from '../../src/webview/validate';
import { CALL, MODELS, STATE } from './fixture';

/** What the panel accepts from the host and from its own saved state (no browser needed). */

describe('parseHostMessage', () => {
  test('accepts a realistic state and an applied message', () => {
    assert.deepEqual(parseHostMessage({ type: 'state', state: STATE }), { type: 'state', state: JSON.parse(JSON.stringify(STATE)) });
    assert.deepEqual(parseHostMessage({ type: 'applied', what: 'model', ok: false, detail: 'The file changed' }), {
      type: 'applied',
      what: 'model',
      ok: false,
      detail: 'The file changed',
    });
  });

  test('drops fields it does not know', () => {
    const parsed = parseHostMessage({ type: 'state', state: { ...STATE, extra: 1, models: [{ ...MODELS[0], html: '<b>' }] }, more: true });
    assert.ok(parsed?.type === 'state');
    assert.ok(!('extra' in parsed.state));
    assert.ok(!('html' in parsed.state.models[0]));
  });

  const malformed: [string, unknown][] = [
    ['not an object', 'state'],
    ['an unknown type', { type: 'eval', code: 'alert(1)' }],
    ['a state without models', { type: 'state', state: { ...STATE, models: undefined } }],
    ['a negative token count', { type: 'state', state: { ...STATE, call: { ...CALL, inputTokens: -1 } } }],
    ['a price given as text', { type: 'state', state: { ...STATE, models: [{ ...MODELS[0], inputPerMTok: '2.5' }] } }],
    ['an infinite price', { type: 'state', state: { ...STATE, models: [{ ...MODELS[0], outputPerMTok: Infinity }] } }],
    ['an unknown model mode', { type: 'state', state: { ...STATE, models: [{ ...MODELS[0], mode: 'image' }] } }],
    ['a prompt part of an unknown kind', { type: 'state', state: { ...STATE, call: { ...CALL, prompt: [{ kind: 'html', text: '<b>' }] } } }],
    ['a scenario share over 1', { type: 'state', state: { ...STATE, scenarios: [{ name: 'x', mode: 'split', tiers: [{ model: 'gpt-4o', share: 80 }] }] } }],
    ['an applied message without detail', { type: 'applied', what: 'model', ok: true }],
  ];
  for (const [what, message] of malformed) {
    test(`ignores ${what}`, () => assert.equal(parseHostMessage(message), null));
  }
});

describe('restoreUiState', () => {
  test('falls back to defaults for missing or damaged saved state', () => {
    assert.deepEqual(restoreUiState(undefined), defaultUiState());
    assert.deepEqual(restoreUiState('garbage'), defaultUiState());
    const restored = restoreUiState({ tab: 'nowhere', caching: { hitRatePercent: 250, ttl: '1d' }, host: { call: 3 } });
    assert.equal(restored.tab, 'compare');
    assert.equal(restored.caching.hitRatePercent, 100);
    assert.equal(restored.caching.ttl, '5m');
    assert.equal(restored.host, null);
  });

  test('keeps what was saved', () => {
    const saved = { ...defaultUiState(), tab: 'routing', host: STATE, routing: { mode: 'cascade', tiers: [{ model: 'gpt-4o', percent: 30 }], baseline: '', name: 'A' } };
    assert.deepEqual(restoreUiState(JSON.parse(JSON.stringify(saved))), JSON.parse(JSON.stringify(saved)));
  });
});
