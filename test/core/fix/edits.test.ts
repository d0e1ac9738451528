import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../../src/core/fix/edits';

describe('applyEdits', () => {
  it('applies edits given in any order against the original offsets', () => {
    const edits = [
      { start: 8, end: 9, newText: 'Y' },
      { start: 0, end: 1, newText: 'AA' },
      { start: 4, end: 4, newText: '+' },
    ];
    assert.equal(applyEdits('abcdefghij', edits), 'AAbcd+efghYj');
    assert.equal(applyEdits('abcdefghij', [...edits].reverse()), 'AAbcd+efghYj');
  });

  it('puts the text of the later of two insertions at one offset first, and an insertion before a replacement starting there', () => {
    assert.equal(applyEdits('ab', [{ start: 1, end: 1, newText: 'X' }, { start: 1, end: 1, newText: 'Y' }]), 'aYXb');
    assert.equal(applyEdits('abc', [{ start: 1, end: 2, newText: 'R' }, { start: 1, end: 1, newText: 'I' }]), 'aIRc');
  });

  it('applies 10,000 edits to a file of 10,000 lines', () => {
    const text = 'call(a)\n'.repeat(10_000);
    const edits = Array.from({ length: 10_000 }, (_, line) => ({ start: line * 8 + 6, end: line * 8 + 6, newText: ', b' }));
    assert.equal(applyEdits(text, edits), 'call(a, b)\n'.repeat(10_000));
  });
});
