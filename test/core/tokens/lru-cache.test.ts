import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LruCache } from '../../../src/core/tokens/lru-cache';

describe('LruCache', () => {
  it('evicts the least recently used entry past the entry bound', () => {
    const cache = new LruCache<number>(2, 100);
    cache.set('a', 1);
    cache.set('b', 2);
    assert.equal(cache.get('a'), 1);
    cache.set('c', 3);
    assert.equal(cache.get('b'), undefined);
    assert.equal(cache.get('a'), 1);
    assert.equal(cache.get('c'), 3);
    assert.deepEqual(cache.stats(), { hits: 3, misses: 1, entries: 2, chars: 2 });
  });

  it('evicts oldest entries past the character bound', () => {
    const cache = new LruCache<number>(10, 10);
    cache.set('aaaa', 1);
    cache.set('bbbb', 2);
    cache.set('cccccc', 3);
    assert.equal(cache.get('aaaa'), undefined);
    assert.equal(cache.get('bbbb'), 2);
    assert.deepEqual(cache.stats(), { hits: 1, misses: 1, entries: 2, chars: 10 });
  });

  it('does not store a key longer than the whole character bound', () => {
    const cache = new LruCache<number>(10, 5);
    cache.set('abc', 1);
    cache.set('abcdef', 2);
    assert.equal(cache.get('abcdef'), undefined);
    assert.deepEqual(cache.stats(), { hits: 0, misses: 1, entries: 1, chars: 3 });
  });

  it('counts a replaced key once', () => {
    const cache = new LruCache<number>(10, 100);
    cache.set('key', 1);
    cache.set('key', 2);
    assert.equal(cache.get('key'), 2);
    assert.deepEqual(cache.stats(), { hits: 1, misses: 0, entries: 1, chars: 3 });
  });

  it('stores nothing with an entry bound of 0', () => {
    const cache = new LruCache<number>(0, 100);
    cache.set('key', 1);
    assert.equal(cache.get('key'), undefined);
    assert.deepEqual(cache.stats(), { hits: 0, misses: 1, entries: 0, chars: 0 });
  });
});
