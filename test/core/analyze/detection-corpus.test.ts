import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scoreDetection } from '../../support/detection-eval';
import { testEngine } from '../../support/engine';

/**
 * The hand-labelled corpus (test/fixtures/eval, see its README) is the
 * acceptance bar for detection: at least 95% of real call sites found, 95% of
 * reported calls real, and model, limit and openness right on 95% of them.
 */
describe('detection on the labelled corpus', () => {
  it('meets the recall, precision and settings-accuracy bar', async () => {
    const score = await scoreDetection(testEngine());
    const detail = JSON.stringify({ misses: score.misses, falseAlarms: score.falseAlarms, wrongSettings: score.wrongSettings }, null, 1);
    assert.ok(score.labelled >= 100, `corpus has ${score.labelled} labelled calls`);
    assert.ok(score.recall >= 0.95, `recall ${score.recall}: ${detail}`);
    assert.ok(score.precision >= 0.95, `precision ${score.precision}: ${detail}`);
    assert.ok(score.settingsAccuracy >= 0.95, `settings accuracy ${score.settingsAccuracy}: ${detail}`);
  });
});
