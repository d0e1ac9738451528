import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadBundledCatalog, PriceBook, type ModelPrice, type PriceCatalog, type PriceLookup } from '../../../src/core/pricing';

const book = new PriceBook(loadBundledCatalog());

function priceOf(lookup: PriceLookup): ModelPrice {
  assert.ok(lookup.found, 'expected a price');
  return lookup.price;
}

describe('PriceBook over the bundled catalog', () => {
  test('reports the catalog date: the day genai-prices 0.1.8 and our readings were taken', () => {
    assert.equal(book.asOf, '2026-09-23');
  });

  test('OpenAI: GPT-6, GPT-5.6 with cache writes and the 272K tier, older models, embeddings', () => {
    const astra = priceOf(book.lookup('gpt-6-astra'));
    assert.deepEqual(
      [astra.inputPerMTok, astra.cachedInputPerMTok, astra.cacheWrite5mPerMTok, astra.outputPerMTok, astra.batchInputPerMTok, astra.batchOutputPerMTok],
      [10, 1, 12.5, 50, 5, 25],
    );
    assert.deepEqual(astra.longContext, { aboveInputTokens: 272000, inputPerMTok: 20, outputPerMTok: 75, cachedInputPerMTok: 2 });
    assert.deepEqual([astra.contextWindow, astra.maxOutputTokens, astra.cacheMinTokens, astra.source], [1050000, 128000, 1024, 'genai-prices 0.1.8']);
    const terra = priceOf(book.lookup('gpt-5.6'));
    assert.deepEqual([terra.id, terra.inputPerMTok, terra.cachedInputPerMTok, terra.cacheWrite5mPerMTok, terra.outputPerMTok, terra.source], ['gpt-5.6-terra', 2, 0.2, 2.5, 12, 'B-OAI 2026-09-23']);
    const luna = priceOf(book.lookup('gpt-5.6-luna'));
    assert.deepEqual([luna.inputPerMTok, luna.outputPerMTok, luna.tier, luna.asOf], [0.2, 1.2, 'small', '2026-07-30']);
    const gpt55 = priceOf(book.lookup('gpt-5.5'));
    assert.equal(gpt55.cacheWrite5mPerMTok, undefined, 'writes are free before GPT-5.6');
    assert.deepEqual(gpt55.longContext, { aboveInputTokens: 272000, inputPerMTok: 10, outputPerMTok: 45, cachedInputPerMTok: 1 });
    assert.deepEqual(priceOf(book.lookup('gpt-5')).longContext, undefined);
    const gpt4o = priceOf(book.lookup('gpt-4o'));
    assert.deepEqual([gpt4o.inputPerMTok, gpt4o.cachedInputPerMTok, gpt4o.outputPerMTok, gpt4o.batchInputPerMTok, gpt4o.maxOutputTokens], [2.5, 1.25, 10, 1.25, 16384]);
    assert.equal(priceOf(book.lookup('gpt-4.1-nano')).cachedInputPerMTok, 0.025);
    assert.deepEqual([priceOf(book.lookup('o4-mini')).inputPerMTok, priceOf(book.lookup('o3')).outputPerMTok, priceOf(book.lookup('o1')).outputPerMTok], [1.1, 8, 60]);
    const embedding = priceOf(book.lookup('text-embedding-3-small'));
    assert.deepEqual([embedding.mode, embedding.inputPerMTok, embedding.outputPerMTok, embedding.batchInputPerMTok], ['embedding', 0.02, 0, 0.01]);
  });

  test('Anthropic: 5-minute and 1-hour writes, batch at half, cache minimums', () => {
    const sonnet = priceOf(book.lookup('claude-sonnet-4-6'));
    assert.deepEqual(
      [sonnet.inputPerMTok, sonnet.cachedInputPerMTok, sonnet.cacheWrite5mPerMTok, sonnet.cacheWrite1hPerMTok, sonnet.outputPerMTok, sonnet.batchInputPerMTok, sonnet.batchOutputPerMTok],
      [3, 0.3, 3.75, 6, 15, 1.5, 7.5],
    );
    assert.deepEqual([sonnet.contextWindow, sonnet.maxOutputTokens, sonnet.cacheMinTokens, sonnet.tier], [1000000, 64000, 2048, 'mid']);
    const opus55 = priceOf(book.lookup('claude-opus-5-5'));
    // genai-prices confirms the 0.20 read that providers.md marked [?]; the 0.1× rule had given 0.40.
    assert.deepEqual([opus55.inputPerMTok, opus55.cachedInputPerMTok, opus55.cacheWrite5mPerMTok, opus55.cacheWrite1hPerMTok, opus55.outputPerMTok, opus55.cacheMinTokens], [4, 0.2, 5, 8, 20, 512]);
    assert.equal(priceOf(book.lookup('claude-fable-5-1')).cachedInputPerMTok, 0.25);
    assert.deepEqual([priceOf(book.lookup('claude-sonnet-5')).inputPerMTok, priceOf(book.lookup('claude-sonnet-5')).outputPerMTok], [2, 10]);
    assert.deepEqual(
      ['claude-opus-4-8', 'claude-opus-4-7', 'claude-opus-4-6'].map((id) => priceOf(book.lookup(id)).cacheMinTokens),
      [1024, 2048, 4096],
    );
    assert.deepEqual(priceOf(book.lookup('claude-sonnet-4-5')).longContext, { aboveInputTokens: 200000, inputPerMTok: 6, outputPerMTok: 22.5, cachedInputPerMTok: 0.6 });
    assert.equal(priceOf(book.lookup('claude-3-haiku')).cacheWrite1hPerMTok, 0.5, 'the 2× rule, not LiteLLM’s $6');
    assert.deepEqual([priceOf(book.lookup('claude-haiku-4-5')).outputPerMTok, priceOf(book.lookup('claude-3-5-haiku')).inputPerMTok], [5, 0.8]);
  });

  test('Google: today’s Gemini 3.8 Flash price (the 2027 one is not yet in force), the 3.1 Pro tier above 200K', () => {
    const flash = priceOf(book.lookup('gemini-3.8-flash'));
    assert.deepEqual([flash.provider, flash.inputPerMTok, flash.cachedInputPerMTok, flash.outputPerMTok, flash.batchInputPerMTok, flash.cacheMinTokens], ['google', 0.75, 0.075, 3.75, 0.375, 4096]);
    const pro = priceOf(book.lookup('gemini-3.1-pro-preview'));
    assert.deepEqual(pro.longContext, { aboveInputTokens: 200000, inputPerMTok: 4, outputPerMTok: 18, cachedInputPerMTok: 0.4 });
    assert.deepEqual([pro.inputPerMTok, pro.outputPerMTok, pro.contextWindow, pro.maxOutputTokens], [2, 12, 1048576, 65536]);
    assert.deepEqual(
      ['gemini-3.5-flash', 'gemini-3.5-flash-lite', 'gemini-3.1-flash-lite', 'gemini-2.5-flash', 'gemini-2.5-pro'].map((id) => priceOf(book.lookup(id)).outputPerMTok),
      [9, 2.5, 1.5, 2.5, 10],
    );
  });

  test('DeepSeek and Mistral', () => {
    const flash = priceOf(book.lookup('deepseek-v4-flash'));
    assert.deepEqual([flash.provider, flash.inputPerMTok, flash.cachedInputPerMTok, flash.outputPerMTok, flash.asOf], ['deepseek', 0.44, 0.014, 1.32, '2026-08-17']);
    const pro = priceOf(book.lookup('deepseek-v4-pro'));
    assert.deepEqual([pro.inputPerMTok, pro.outputPerMTok, pro.maxOutputTokens], [1.32, 3.96, 393216]);
    const large = priceOf(book.lookup('mistral-large-latest'));
    assert.deepEqual([large.provider, large.inputPerMTok, large.cachedInputPerMTok, large.outputPerMTok, large.contextWindow, large.source], ['mistral', 0.5, 0.05, 1.5, 262144, 'LiteLLM 2026-07-24']);
    assert.deepEqual([priceOf(book.lookup('mistral-medium-latest')).outputPerMTok, priceOf(book.lookup('mistral-small-latest')).inputPerMTok], [7.5, 0.06]);
  });

  test('hosted Llama keeps the host in the id', () => {
    const groq = priceOf(book.lookup('groq/llama-3.3-70b-versatile'));
    assert.deepEqual([groq.provider, groq.inputPerMTok, groq.outputPerMTok, groq.maxOutputTokens], ['groq', 0.59, 0.79, 32768]);
    assert.equal(priceOf(book.lookup('groq/meta-llama/llama-4-maverick-17b-128e-instruct')).inputPerMTok, 0.2);
    assert.equal(priceOf(book.lookup('fireworks_ai/accounts/fireworks/models/llama4-maverick-instruct-basic')).outputPerMTok, 0.88);
    assert.equal(priceOf(book.lookup('deepinfra/meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8')).inputPerMTok, 0.15);
    assert.deepEqual([priceOf(book.lookup('cerebras/llama-3.3-70b')).provider, priceOf(book.lookup('cerebras/llama-3.3-70b')).inputPerMTok], ['cerebras', 0.85]);
  });

  test('a bare hosted name is priced only when one host lists it', () => {
    assert.deepEqual(book.lookup('llama-3.3-70b-versatile'), {
      found: true, price: priceOf(book.lookup('groq/llama-3.3-70b-versatile')), matchedAs: 'llama-3.3-70b-versatile', via: 'normalized',
    });
    assert.equal(priceOf(book.lookup('llama-3.3-70b')).id, 'cerebras/llama-3.3-70b');
    assert.equal(priceOf(book.lookup('accounts/fireworks/models/llama4-maverick-instruct-basic')).provider, 'fireworks');
    assert.equal(priceOf(book.lookup('fireworks_ai/llama4-maverick-instruct-basic')).inputPerMTok, 0.22, 'a named host finds its own listing');
  });

  test('a bare name listed by hosts at different prices stays unknown, cheapest host first', () => {
    assert.deepEqual(book.lookup('meta-llama/Llama-4-Scout-17B-16E-Instruct'), {
      found: false,
      model: 'meta-llama/Llama-4-Scout-17B-16E-Instruct',
      closest: ['deepinfra/meta-llama/Llama-4-Scout-17B-16E-Instruct', 'groq/meta-llama/llama-4-scout-17b-16e-instruct', 'together/meta-llama/Llama-4-Scout-17B-16E-Instruct'],
    });
  });

  test('a host that does not list the model never borrows another host’s price', () => {
    assert.deepEqual(book.lookup('together_ai/meta-llama/llama-4-maverick-17b-128e-instruct'), {
      found: false, model: 'together_ai/meta-llama/llama-4-maverick-17b-128e-instruct', closest: [], reason: 'together lists no price for this model',
    });
    assert.equal(book.lookup('together_ai/gpt-4o').found, false, 'Together does not serve OpenAI’s models');
    assert.equal(priceOf(book.lookup('together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo')).id, 'together/meta-llama/Llama-3.3-70B-Instruct-Turbo');
  });

  test('unknown models get likely typos only, never a price', () => {
    assert.deepEqual(book.lookup('claude-sonet-4-6'), { found: false, model: 'claude-sonet-4-6', closest: ['claude-sonnet-4-6'] });
    assert.deepEqual(book.lookup('gpt-5.7'), { found: false, model: 'gpt-5.7', closest: [] });
    assert.deepEqual(book.lookup('my-fine-tune'), { found: false, model: 'my-fine-tune', closest: [] });
    assert.deepEqual(book.lookup(''), { found: false, model: '', closest: [] });
  });

  test('list() returns every model in id order', () => {
    const ids = book.list().map((price) => price.id);
    assert.equal(ids.length, loadBundledCatalog().models.length);
    assert.deepEqual(ids, [...ids].sort());
    assert.ok(ids.includes('claude-opus-5') && ids.includes('gemini-2.5-pro') && ids.includes('text-embedding-3-large'));
  });
});

describe('PriceBook overrides', () => {
  const catalog: PriceCatalog = {
    asOf: '2026-11-23',
    models: [
      { id: 'gpt-4o', provider: 'openai', mode: 'chat', inputPerMTok: 2.5, outputPerMTok: 10, cachedInputPerMTok: 1.25, tier: 'mid' },
      { id: 'groq/llama-x', provider: 'groq', mode: 'chat', inputPerMTok: 0.5, outputPerMTok: 0.8, tier: 'small' },
      { id: 'together_ai/llama-x', provider: 'together', mode: 'chat', inputPerMTok: 0.5, outputPerMTok: 0.8, tier: 'small' },
    ],
  };

  test('a complete entry adds a model', () => {
    const prices = new PriceBook(catalog, { models: { 'acme-7b': { inputPerMTok: 0.3, outputPerMTok: 25, cachedInputPerMTok: 0.03 } } });
    assert.deepEqual(prices.lookup('acme-7b'), {
      found: true,
      price: { id: 'acme-7b', provider: 'custom', mode: 'chat', inputPerMTok: 0.3, outputPerMTok: 25, cachedInputPerMTok: 0.03, tier: 'frontier' },
      matchedAs: 'acme-7b',
      via: 'override',
    });
    assert.equal(priceOf(prices.lookup('ACME-7B')).id, 'acme-7b');
    assert.deepEqual(prices.overrideProblems, []);
  });

  test('a partial entry merges into the catalog model and re-tiers it', () => {
    const prices = new PriceBook(catalog, { models: { 'GPT-4o': { outputPerMTok: 30, contextWindow: 64000 } } });
    const lookup = prices.lookup('openai/gpt-4o-2024-08-06');
    assert.deepEqual(lookup, {
      found: true,
      price: { id: 'gpt-4o', provider: 'openai', mode: 'chat', inputPerMTok: 2.5, outputPerMTok: 30, cachedInputPerMTok: 1.25, contextWindow: 64000, tier: 'frontier' },
      matchedAs: 'gpt-4o',
      via: 'override',
    });
    assert.equal(catalog.models[0].outputPerMTok, 10, 'the catalog itself is untouched');
  });

  test('aliases map deployment names to catalog ids, also behind a route prefix', () => {
    const prices = new PriceBook(catalog, { aliases: { 'Prod-GPT4o': 'openai/gpt-4o' } });
    assert.deepEqual(prices.lookup('prod-gpt4o'), { found: true, price: catalog.models[0], matchedAs: 'prod-gpt4o', via: 'alias' });
    assert.equal(priceOf(prices.lookup('azure/prod-gpt4o')).id, 'gpt-4o');
  });

  test('an alias can name a model added by the same overrides', () => {
    const prices = new PriceBook(catalog, { models: { 'acme-7b': { inputPerMTok: 1, outputPerMTok: 2 } }, aliases: { 'acme-prod': 'acme-7b' } });
    assert.equal(priceOf(prices.lookup('acme-prod')).id, 'acme-7b');
  });

  test('invalid overrides are ignored and reported', () => {
    const prices = new PriceBook(catalog, {
      models: {
        'half-model': { inputPerMTok: 1 },
        'gpt-4o': { inputPerMTok: -1 },
        'odd-mode': { inputPerMTok: 1, outputPerMTok: 1, mode: 'image' as never },
        'per-token': { inputPerMTok: 0.0000025, outputPerMTok: 10 },
      },
      aliases: { 'prod-x': 'no-such-model', 'prod-4o': 'gpt-4-o' },
    });
    assert.deepEqual(prices.overrideProblems, [
      { section: 'models', name: 'half-model', message: 'is not in the catalog, so it needs both inputPerMTok and outputPerMTok' },
      { section: 'models', name: 'gpt-4o', message: 'inputPerMTok must be a non-negative number' },
      { section: 'models', name: 'odd-mode', message: 'mode must be chat, embedding or completion' },
      { section: 'models', name: 'per-token', message: 'inputPerMTok 0.0000025 looks like a price per token; prices here are USD per 1M tokens (2.5)' },
      { section: 'aliases', name: 'prod-x', message: 'points to "no-such-model", which is not a known model' },
      { section: 'aliases', name: 'prod-4o', message: 'points to "gpt-4-o", which is not a known model; did you mean "gpt-4o"?' },
    ]);
    assert.equal(priceOf(prices.lookup('gpt-4o')).inputPerMTok, 2.5);
    assert.equal(prices.lookup('half-model').found, false);
  });

  test('hosts that agree on the price make a bare name unambiguous', () => {
    assert.deepEqual(new PriceBook(catalog).lookup('llama-x'), {
      found: true, price: catalog.models[1], matchedAs: 'llama-x', via: 'normalized',
    });
    const differing = new PriceBook(catalog, { models: { 'together_ai/llama-x': { inputPerMTok: 0.4 } } });
    assert.deepEqual(differing.lookup('llama-x'), { found: false, model: 'llama-x', closest: ['together_ai/llama-x', 'groq/llama-x'] });
  });
});
