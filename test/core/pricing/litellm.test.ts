import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { convertLiteLLM, perTokenToPerMTok, serializeCatalog } from '../../../src/core/pricing';

/** A small LiteLLM-format file: valid entries of each shape, then broken ones. */
const FIXTURE = {
  sample_spec: { mode: 'one of: chat, embedding, completion', input_cost_per_token: 0.0, output_cost_per_token: 0.0 },
  'gpt-x': {
    litellm_provider: 'openai', mode: 'chat', input_cost_per_token: 0.0000025, output_cost_per_token: 0.00001,
    cache_read_input_token_cost: 1.25e-6, input_cost_per_token_batches: 1.25e-6, output_cost_per_token_batches: 5e-6,
    max_input_tokens: 128000, max_output_tokens: 16384, max_tokens: 16384, supports_prompt_caching: true,
    deprecation_date: '2027-01-31', source: 'https://example.test/pricing',
  },
  'gemini/gemini-x': {
    litellm_provider: 'gemini', mode: 'chat', input_cost_per_token: 2e-6, output_cost_per_token: 1.2e-5,
    cache_read_input_token_cost: 2e-7, input_cost_per_token_above_200k_tokens: 4e-6,
    output_cost_per_token_above_200k_tokens: 1.8e-5, cache_read_input_token_cost_above_200k_tokens: 4e-7,
    input_cost_per_token_above_200k_tokens_priority: 7.2e-6,
  },
  'gemini-x': { litellm_provider: 'vertex_ai-language-models', mode: 'chat', input_cost_per_token: 2e-6, output_cost_per_token: 1.2e-5 },
  'claude-x': {
    litellm_provider: 'anthropic', mode: 'chat', input_cost_per_token: 2.5e-7, output_cost_per_token: 1.25e-6,
    cache_read_input_token_cost: 3e-8, cache_creation_input_token_cost: 3e-7, cache_creation_input_token_cost_above_1hr: 6e-6,
    prompt_cache_min_tokens: 2048,
  },
  'deepseek/deepseek-x': {
    litellm_provider: 'deepseek', mode: 'chat', input_cost_per_token: 3e-7, output_cost_per_token: 1.2e-6, input_cost_per_token_cache_hit: 6e-9,
    cache_creation_input_token_cost: 0.0,
  },
  'gpt-x-pro': { litellm_provider: 'openai', mode: 'responses', input_cost_per_token: 2.1e-5, output_cost_per_token: 0.000168 },
  'embed-x': { litellm_provider: 'openai', mode: 'embedding', input_cost_per_token: 2e-8, max_input_tokens: 8191 },
  'groq/llama-x': { litellm_provider: 'groq', mode: 'chat', input_cost_per_token: 5.9e-7, output_cost_per_token: 7.9e-7 },
  'neg-x': { litellm_provider: 'openai', mode: 'chat', input_cost_per_token: -1e-6, output_cost_per_token: 1e-6 },
  'text-x': { litellm_provider: 'openai', mode: 'chat', input_cost_per_token: 1e-6, output_cost_per_token: '0.00001' },
  'null-batch-x': { litellm_provider: 'openai', mode: 'chat', input_cost_per_token: 1e-6, output_cost_per_token: 1e-6, input_cost_per_token_batches: null },
  'image-x': { litellm_provider: 'openai', mode: 'image_generation', output_cost_per_image: 0.04 },
  'no-mode-x': { litellm_provider: 'openai', input_cost_per_token: 1e-6, output_cost_per_token: 1e-6 },
  'no-price-x': { litellm_provider: 'heroku', mode: 'chat', max_tokens: 8192 },
  'swapped-cache-x': {
    litellm_provider: 'anthropic', mode: 'chat', input_cost_per_token: 3e-6, output_cost_per_token: 1.5e-5,
    cache_read_input_token_cost: 3.75e-6, cache_creation_input_token_cost: 3e-7,
  },
  'broken-x': 42,
};

describe('convertLiteLLM', () => {
  const { catalog, warnings } = convertLiteLLM(FIXTURE, '2026-11-23');

  test('warns about each skipped or suspicious entry by key, in key order', () => {
    assert.deepEqual(warnings, [
      'broken-x: is not an object',
      'claude-x: 1-hour cache write (0.000006) is above 4× the input price (2.5e-7); kept, check it',
      'gemini/gemini-x: same model id as gemini-x; kept gemini-x',
      'image-x: mode "image_generation" is not chat, completion, responses or embedding',
      'neg-x: input_cost_per_token is negative (-0.000001)',
      'no-mode-x: mode is missing',
      'no-price-x: input_cost_per_token is missing',
      'no-price-x: output_cost_per_token is missing',
      'null-batch-x: input_cost_per_token_batches is not a number (null)',
      'swapped-cache-x: cache write price (3e-7) is below the cache read price (0.00000375)',
      'text-x: output_cost_per_token is not a number ("0.00001")',
    ]);
  });

  test('keeps the valid entries, sorted by id, dated as asked', () => {
    assert.equal(catalog.asOf, '2026-11-23');
    assert.deepEqual(catalog.models.map((model) => model.id), ['claude-x', 'deepseek-x', 'embed-x', 'gemini-x', 'gpt-x', 'gpt-x-pro', 'groq/llama-x']);
  });

  test('reads a zero cache-write price as "no write charge", not as a broken entry', () => {
    const deepseek = catalog.models.find((model) => model.id === 'deepseek-x');
    assert.equal(deepseek?.cachedInputPerMTok, 0.006);
    assert.equal(deepseek?.cacheWrite5mPerMTok, undefined);
  });

  test('converts every field to USD per 1M tokens', () => {
    assert.deepEqual(catalog.models.find((model) => model.id === 'gpt-x'), {
      id: 'gpt-x', provider: 'openai', mode: 'chat', tier: 'mid',
      inputPerMTok: 2.5, outputPerMTok: 10, cachedInputPerMTok: 1.25, batchInputPerMTok: 1.25, batchOutputPerMTok: 5,
      contextWindow: 128000, maxOutputTokens: 16384, supportsPromptCaching: true,
      source: 'https://example.test/pricing', deprecated: '2027-01-31',
    });
    assert.deepEqual(catalog.models.find((model) => model.id === 'claude-x'), {
      id: 'claude-x', provider: 'anthropic', mode: 'chat', tier: 'small',
      inputPerMTok: 0.25, outputPerMTok: 1.25, cachedInputPerMTok: 0.03, cacheWrite5mPerMTok: 0.3, cacheWrite1hPerMTok: 6,
      cacheMinTokens: 2048,
    });
  });

  test('reads the long-context tier, ignoring its priority variant', () => {
    // The unprefixed Vertex entry won the id, so check the tier on a file holding only the Gemini API entry.
    const single = convertLiteLLM({ 'gemini/gemini-x': FIXTURE['gemini/gemini-x'] }, '2026-11-23');
    assert.deepEqual(single.warnings, []);
    assert.deepEqual(single.catalog.models, [{
      id: 'gemini-x', provider: 'google', mode: 'chat', tier: 'mid', inputPerMTok: 2, outputPerMTok: 12, cachedInputPerMTok: 0.2,
      longContext: { aboveInputTokens: 200000, inputPerMTok: 4, outputPerMTok: 18, cachedInputPerMTok: 0.4 },
    }]);
  });

  test('maps modes, providers and ids', () => {
    const byId = new Map(catalog.models.map((model) => [model.id, model]));
    assert.equal(byId.get('gpt-x-pro')?.mode, 'chat', 'responses is a chat model');
    assert.equal(byId.get('gpt-x-pro')?.tier, 'frontier');
    assert.deepEqual([byId.get('embed-x')?.mode, byId.get('embed-x')?.outputPerMTok, byId.get('embed-x')?.contextWindow], ['embedding', 0, 8191]);
    assert.deepEqual([byId.get('deepseek-x')?.provider, byId.get('deepseek-x')?.cachedInputPerMTok], ['deepseek', 0.006]);
    assert.deepEqual([byId.get('groq/llama-x')?.provider, byId.get('groq/llama-x')?.inputPerMTok, byId.get('groq/llama-x')?.outputPerMTok], ['groq', 0.59, 0.79]);
    assert.equal(byId.get('gemini-x')?.provider, 'google');
  });

  test('rejects a file that is not an object of models', () => {
    assert.throws(() => convertLiteLLM([], '2026-11-23'), /expected a JSON object keyed by model name/);
  });
});

test('per-token prices become per-1M prices without float noise', () => {
  assert.equal(perTokenToPerMTok(0.0000025), 2.5);
  assert.equal(perTokenToPerMTok(7.9e-7), 0.79, '7.9e-7 * 1e6 is 0.7899999999999999');
  assert.equal(perTokenToPerMTok(5e-9), 0.005);
  assert.equal(perTokenToPerMTok(1.875e-5), 18.75);
  assert.equal(perTokenToPerMTok(1.5000020000000002e-5), 15.00002);
  assert.equal(perTokenToPerMTok(0), 0);
});

test('serializeCatalog writes one model per line in match order, keys sorted', () => {
  const text = serializeCatalog({
    asOf: '2026-11-23',
    fallbacks: { azure: ['openai'] },
    models: [
      { tier: 'small', id: 'b', provider: 'x', mode: 'chat', outputPerMTok: 2, inputPerMTok: 1, longContext: { outputPerMTok: 4, inputPerMTok: 3, aboveInputTokens: 5 } },
      { tier: 'small', id: 'a', provider: 'x', mode: 'chat', outputPerMTok: 2, inputPerMTok: 1 },
    ],
  });
  assert.equal(text, [
    '{"asOf":"2026-11-23","fallbacks":{"azure":["openai"]},"models":[',
    '{"id":"b","inputPerMTok":1,"longContext":{"aboveInputTokens":5,"inputPerMTok":3,"outputPerMTok":4},"mode":"chat","outputPerMTok":2,"provider":"x","tier":"small"},',
    '{"id":"a","inputPerMTok":1,"mode":"chat","outputPerMTok":2,"provider":"x","tier":"small"}',
    ']}',
    '',
  ].join('\n'));
  assert.deepEqual(JSON.parse(text).models.map((model: { id: string }) => model.id), ['b', 'a']);
});
