import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EvaluationReplica } from '../../../src/core/engine/evaluation-update';
import type { EditShift } from '../../../src/core/parse/incremental';

const SHIFT: EditShift = { start: 10, oldEnd: 10, delta: 1, row: 0, oldEndColumn: 10, movesAtEnd: true };

describe('evaluation updates', () => {
  it('refuse to carry a call the replica never received', () => {
    const replica = new EvaluationReplica();
    assert.throws(
      () => replica.apply({ language: 'python', suppressions: [], syntaxErrors: [], shift: SHIFT, calls: [{ carried: 0 }] }),
      /carries call 0, which this replica does not have/,
    );
  });

  it('start over from an update with every call fresh', () => {
    const replica = new EvaluationReplica();
    const evaluation = replica.apply({ language: 'python', suppressions: [], syntaxErrors: [], shift: null, calls: [] });
    assert.deepEqual(evaluation, { analysis: { language: 'python', calls: [], suppressions: [], syntaxErrors: [] }, estimates: [], findings: [] });
  });
});
