import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { coveringEdit } from '../../../src/core/parse/incremental';
import { testEngine } from '../../support/engine';

const SOURCE = `from openai import OpenAI
client = OpenAI()
PROMPT = "Summarize the ticket in two sentences."
def go(ticket):
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": PROMPT + ticket}])
`;

describe('incremental re-parsing', () => {
  it('finds the one edit between two texts, with rows and columns', () => {
    const edit = coveringEdit('ab\ncd\nef', 'ab\ncXd\nef');
    assert.deepEqual(
      edit && { start: edit.startIndex, oldEnd: edit.oldEndIndex, newEnd: edit.newEndIndex, startPosition: edit.startPosition, newEndPosition: edit.newEndPosition },
      { start: 4, oldEnd: 4, newEnd: 5, startPosition: { row: 1, column: 1 }, newEndPosition: { row: 1, column: 2 } },
    );
    assert.equal(coveringEdit('same', 'same'), null);
  });

  it('gives the same analysis as a fresh parse after each edit', async () => {
    const engine = testEngine();
    await engine.prepare('python');
    const edits = [
      SOURCE.replace('two sentences', 'one sentence'),
      SOURCE.replace('model="gpt-4o"', 'model="gpt-4o-mini", max_tokens=200'),
      SOURCE.replace('def go(ticket):', 'def go(ticket, extra):\n    # a comment'),
      SOURCE.slice(0, SOURCE.length - 20),
      SOURCE,
    ];
    engine.analyzeKept('doc', SOURCE, 'python');
    for (const text of edits) {
      const incremental = engine.analyzeKept('doc', text, 'python');
      const fresh = engine.analyzeLoaded(text, 'python');
      assert.deepEqual(incremental, fresh);
    }
    engine.forget('doc');
  });
});
