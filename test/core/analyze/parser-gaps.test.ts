import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { testEngine } from '../../support/engine';

const FIXTURE = path.join(__dirname, '..', '..', 'fixtures', 'grammar', 'type-arguments-on-import-type.ts');

describe('valid code the grammar cannot parse', () => {
  it('is a note of the lines not analysed, not a syntax error, and the call after it is still found', async () => {
    const engine = testEngine();
    await engine.prepare('typescript');
    const analysis = engine.analyzeLoaded(readFileSync(FIXTURE, 'utf8'), 'typescript');
    // When a newer grammar parses this, the list is empty: move the case out of test/fixtures/grammar.
    assert.deepEqual(analysis.syntaxErrors.map((problem) => problem.message), ['could not analyse line 6']);
    assert.deepEqual(analysis.calls.map((call) => [call.api, call.model]), [['generateText', 'gpt-4o']]);
  });
});
