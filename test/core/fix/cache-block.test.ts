import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ephemeralCacheControl, wrapAsCachedTextBlock } from '../../../src/core/fix/cache-block';
import { applyEdits } from '../../../src/core/fix/edits';
import type { SourceRange } from '../../../src/core/model';

function rangeOf(text: string, part: string): SourceRange {
  const start = text.indexOf(part);
  return { start: { line: 0, column: start }, end: { line: 0, column: start + part.length }, startOffset: start, endOffset: start + part.length };
}

describe('cache blocks', () => {
  it('writes the cache_control value in the language and quotes of the file', () => {
    assert.equal(ephemeralCacheControl('python', '"'), '{"type": "ephemeral"}');
    assert.equal(ephemeralCacheControl('python', "'"), "{'type': 'ephemeral'}");
    assert.equal(ephemeralCacheControl('typescript', "'"), "{ type: 'ephemeral' }");
  });

  it('wraps a Python expression as a cached text block, leaving it as written', () => {
    const text = 'f(system="""Be brief.\nBe kind.""", x=1)';
    const edits = wrapAsCachedTextBlock(rangeOf(text, '"""Be brief.\nBe kind."""'), 'python', '"');
    assert.equal(applyEdits(text, edits), 'f(system=[{"type": "text", "text": """Be brief.\nBe kind.""", "cache_control": {"type": "ephemeral"}}], x=1)');
  });

  it('wraps a JavaScript expression as a cached text block', () => {
    const text = 'f({ system: SYSTEM, x: 1 })';
    const edits = wrapAsCachedTextBlock(rangeOf(text, 'SYSTEM'), 'typescript', "'");
    assert.equal(applyEdits(text, edits), "f({ system: [{ type: 'text', text: SYSTEM, cache_control: { type: 'ephemeral' } }], x: 1 })");
  });
});
