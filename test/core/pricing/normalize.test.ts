import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadBundledCatalog, PriceBook } from '../../../src/core/pricing';
import { bareName, parseModelName } from '../../../src/core/pricing/normalize';

const book = new PriceBook(loadBundledCatalog());

/** Asserts that `model` resolves to catalog id `id` through `via`. */
function resolves(model: string, id: string, via: string): void {
  const result = book.lookup(model);
  assert.ok(result.found, `${model} should be found`);
  assert.equal(result.price.id, id, model);
  assert.equal(result.via, via, model);
}

describe('model name normalisation', () => {
  test('provider route prefixes', () => {
    resolves('openai/gpt-4o', 'gpt-4o', 'normalized');
    resolves('anthropic/claude-sonnet-4-6', 'claude-sonnet-4-6', 'normalized');
    resolves('azure/gpt-4.1-mini', 'gpt-4.1-mini', 'normalized');
    resolves('gemini/gemini-2.5-flash', 'gemini-2.5-flash', 'normalized');
    resolves('vertex_ai/gemini-3.1-pro-preview', 'gemini-3.1-pro-preview', 'normalized');
    resolves('bedrock/anthropic.claude-sonnet-4-6-v1:0', 'bedrock/regional.anthropic.claude-sonnet-4-6-v1:0', 'normalized');
    resolves('deepseek/deepseek-v4-flash', 'deepseek-v4-flash', 'normalized');
    resolves('mistral/mistral-large-latest', 'mistral-large-latest', 'normalized');
  });

  test('host prefixes: groq, together_ai, openrouter/<vendor>/', () => {
    resolves('groq/llama-3.3-70b-versatile', 'groq/llama-3.3-70b-versatile', 'exact');
    resolves('openrouter/anthropic/claude-sonnet-4.5', 'openrouter/anthropic/claude-sonnet-4.5', 'exact');
    resolves('openrouter/openai/gpt-4o-mini', 'openrouter/openai/gpt-4o-mini', 'exact');
    resolves('together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo', 'together/meta-llama/Llama-3.3-70B-Instruct-Turbo', 'normalized');
    resolves('openrouter/anthropic/claude-opus-4-8', 'claude-opus-4-8', 'normalized');
  });

  test('Vercel AI SDK style ids', () => {
    resolves('openai:gpt-4o', 'gpt-4o', 'normalized');
    resolves('anthropic:claude-haiku-4-5', 'claude-haiku-4-5', 'normalized');
    resolves('google:gemini-3.8-flash', 'gemini-3.8-flash', 'normalized');
  });

  test('dated and -latest ids fall back to the undated model', () => {
    resolves('claude-sonnet-4-5-20250929', 'claude-sonnet-4-5', 'normalized');
    resolves('gpt-4o-2024-08-06', 'gpt-4o', 'normalized');
    resolves('gpt-4o-mini-2024-07-18', 'gpt-4o-mini', 'normalized');
    resolves('claude-3-5-haiku-latest', 'claude-3-5-haiku-latest', 'exact');
    resolves('claude-3-haiku-20240307', 'claude-3-haiku', 'normalized');
  });

  test('a dated id with its own price is not collapsed into the undated one', () => {
    resolves('gpt-4o-2024-05-13', 'gpt-4o-2024-05-13', 'exact');
    resolves('openai/gpt-4o-2024-05-13', 'gpt-4o-2024-05-13', 'normalized');
    const result = book.lookup('gpt-4o-2024-05-13');
    assert.ok(result.found);
    assert.equal(result.price.inputPerMTok, 5);
  });

  test('Bedrock ids, with and without cross-region prefixes', () => {
    // Bedrock's own list: in-region and geographic profiles of Claude 4.5+ at +10%, global ones at list.
    resolves('anthropic.claude-sonnet-4-6-v1:0', 'bedrock/regional.anthropic.claude-sonnet-4-6-v1:0', 'normalized');
    resolves('us.anthropic.claude-sonnet-4-5-20250929-v1:0', 'bedrock/regional.anthropic.claude-sonnet-4-5-20250929-v1:0', 'normalized');
    resolves('eu.anthropic.claude-haiku-4-5-20251001-v1:0', 'bedrock/regional.anthropic.claude-haiku-4-5-20251001-v1:0', 'normalized');
    resolves('apac.anthropic.claude-opus-4-6-v1:0', 'bedrock/regional.anthropic.claude-opus-4-6-v1:0', 'normalized');
    resolves('global.anthropic.claude-opus-4-7', 'bedrock/global.anthropic.claude-opus-4-7-v1:0', 'normalized');
  });

  test('Vertex ids with an @version', () => {
    resolves('claude-sonnet-4-6@20250929', 'claude-sonnet-4-6', 'normalized');
    resolves('vertex_ai/claude-opus-4-8@20260101', 'google/claude-opus-4-8', 'normalized');
  });

  test('Google models/ prefix', () => {
    resolves('models/gemini-2.5-flash', 'gemini-2.5-flash', 'normalized');
  });

  test('case differences', () => {
    resolves('GPT-4o', 'gpt-4o', 'normalized');
    resolves('Claude-Sonnet-4-6', 'claude-sonnet-4-6', 'normalized');
    resolves('GROQ/Llama-3.3-70B-Versatile', 'groq/llama-3.3-70b-versatile', 'normalized');
  });

  test('surrounding whitespace is not a difference', () => {
    resolves('  gpt-5.6-terra  ', 'gpt-5.6-terra', 'exact');
  });

  test('parseModelName gives the price list, the forms from most to least specific, and unpriced hosts', () => {
    assert.deepEqual(parseModelName('Bedrock/US.Anthropic.Claude-Sonnet-4-5-20250929-v1:0'), {
      forms: ['us.anthropic.claude-sonnet-4-5-20250929-v1:0', 'claude-sonnet-4-5-20250929', 'claude-sonnet-4-5'],
      scope: 'bedrock',
    });
    assert.deepEqual(parseModelName('together_ai/meta-llama/Llama-3.3-70B'), { forms: ['meta-llama/llama-3.3-70b'], scope: 'together' });
    assert.deepEqual(parseModelName('openrouter/anthropic/claude-3.5-sonnet'), {
      forms: ['anthropic/claude-3.5-sonnet', 'claude-3.5-sonnet', 'claude-3-5-sonnet'],
      scope: 'openrouter',
      vendorScope: 'anthropic',
    });
    assert.deepEqual(parseModelName('openai:gpt-4o'), { forms: ['gpt-4o'], scope: 'openai' });
    assert.deepEqual(parseModelName('sambanova/Meta-Llama-3.3-70B-Instruct'), { forms: ['sambanova/meta-llama-3.3-70b-instruct'], unpricedHost: 'sambanova' });
    assert.deepEqual(parseModelName('gemini-pro-latest').forms, ['gemini-pro-latest'], 'a bare family’s -latest is not its first version');
    assert.deepEqual(parseModelName('gemma:2b').forms, ['gemma:2b'], 'only known providers use the colon form');
  });

  test('bareName is the lowercase last path segment', () => {
    assert.equal(bareName('deepinfra/meta-llama/Llama-4-Scout-17B-16E-Instruct'), 'llama-4-scout-17b-16e-instruct');
    assert.equal(bareName('gpt-4o'), 'gpt-4o');
  });
});
