import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadBundledCatalog, PriceBook } from '../../../src/core/pricing';

const book = new PriceBook(loadBundledCatalog());

/** Asserts that `model` is priced by entry `id` at `input` / `output` USD per 1M tokens. */
function prices(model: string, id: string, input: number, output: number): void {
  const lookup = book.lookup(model);
  assert.ok(lookup.found, `${model} should be priced: ${JSON.stringify(lookup)}`);
  assert.deepEqual([lookup.price.id, lookup.price.inputPerMTok, lookup.price.outputPerMTok], [id, input, output], model);
}

/** Asserts that `model` has no price, for the given reason (or none: simply not a model the list has). */
function unknown(model: string, reason?: RegExp): void {
  const lookup = book.lookup(model);
  assert.equal(lookup.found, false, `${model} should be unknown, got ${lookup.found ? lookup.price.id : ''}`);
  if (!lookup.found && reason) assert.match(lookup.reason ?? '', reason, model);
}

describe('the names real code used that the old 53-model list did not know (issue 18)', () => {
  test('OpenAI legacy and preview snapshots: priced at their last price, retired', () => {
    prices('gpt-4', 'gpt-4', 30, 60);
    prices('gpt-4-0125-preview', 'gpt-4-0125-preview', 10, 30);
    prices('gpt-4-1106-preview', 'gpt-4-1106-preview', 10, 30);
    prices('gpt-3.5-turbo', 'gpt-3.5-turbo', 0.5, 1.5);
    prices('gpt-3.5-turbo-instruct', 'gpt-3.5-turbo-instruct', 1.5, 2);
    const retired = (model: string) => {
      const lookup = book.lookup(model);
      return lookup.found ? [lookup.price.retired, lookup.price.successor] : [];
    };
    assert.deepEqual(retired('gpt-4'), ['2026-10-23', undefined], 'OpenAI names no single substitute in our sources');
    assert.deepEqual(retired('gpt-4-0125-preview'), ['2026-03-26', undefined], 'OpenAI offers "gpt-5 or gpt-4.1": not one successor');
    assert.deepEqual(retired('gpt-3.5-turbo'), ['2026-10-23', 'gpt-4.1-mini']);
    const instruct = book.lookup('gpt-3.5-turbo-instruct');
    assert.equal(instruct.found && instruct.price.mode, 'completion');
  });

  test('Claude snapshots, the Vertex and Bedrock forms, and claude-fable-5', () => {
    prices('claude-3-5-sonnet-20240620', 'claude-3-5-sonnet', 3, 15);
    prices('claude-3-5-sonnet-20241022', 'claude-3-5-sonnet', 3, 15);
    const sonnet35 = book.lookup('claude-3-5-sonnet-20241022');
    assert.ok(sonnet35.found);
    assert.deepEqual([sonnet35.price.retired, sonnet35.price.successor], ['2025-10-28', 'claude-sonnet-4-5']);
    prices('claude-3-opus-20240229', 'claude-3-opus-latest', 15, 75);
    prices('claude-fable-5', 'claude-fable-5', 10, 50);
    prices('claude-sonnet-4@20250514', 'claude-sonnet-4-0', 3, 15);
    prices('anthropic.claude-3-5-sonnet-20241022-v2:0', 'bedrock/regional.anthropic.claude-3-5-sonnet-20241022-v2:0', 3, 15);
  });

  test('Gemini behind LiteLLM’s prefix, Grok betas, Vertex embeddings', () => {
    prices('gemini/gemini-1.5-flash-latest', 'gemini-1.5-flash', 0.075, 0.3);
    prices('grok-3-beta', 'grok-3', 3, 15);
    prices('text-embedding-005', 'text-embedding-005', 0.1, 0);
  });
});

describe('the audit’s cases (issue 18)', () => {
  test('DeepSeek: the official ids at the peak price in force since 2026-08-17', () => {
    prices('deepseek-v4-pro', 'deepseek-v4-pro', 1.32, 3.96);
    prices('deepseek-v4-flash', 'deepseek-v4-flash', 0.44, 1.32);
    unknown('deepseek-flash');
    prices('deepseek-chat', 'deepseek-chat', 0.28, 0.42);
  });

  test('gpt-5.6-terra is OpenAI’s own id for what bare gpt-5.6 prices', () => {
    prices('gpt-5.6-terra', 'gpt-5.6-terra', 2, 12);
    prices('gpt-5.6', 'gpt-5.6-terra', 2, 12);
    prices('gpt-5.6-sol', 'gpt-5.6-sol', 4, 20);
  });

  test('a host prefix the list does not price is unknown, never another host’s price', () => {
    unknown('sambanova/Meta-Llama-3.3-70B-Instruct', /^sambanova sets its own prices/);
    unknown('azure_ai/Llama-4-Maverick-17B-128E-Instruct-FP8', /^azure_ai sets its own prices/);
    unknown('lambda_ai/llama3.3-70b-instruct-fp8', /^lambda_ai sets its own prices/);
    unknown('novita/meta-llama/llama-4-maverick-17b-128e-instruct-fp8', /^novita lists no price/);
    unknown('azure/mistral-large-latest', /^azure lists no price/);
    unknown('bedrock/eu-west-3/mistral.mistral-large-2402-v1:0', /^bedrock eu-west-3 sets its own prices/);
  });

  test('Bedrock regional profiles of Claude 4.5+ cost 10% over the global profile', () => {
    prices('us.anthropic.claude-sonnet-4-5-20250929-v1:0', 'bedrock/regional.anthropic.claude-sonnet-4-5-20250929-v1:0', 3.3, 16.5);
    prices('eu.anthropic.claude-opus-4-6-v1:0', 'bedrock/regional.anthropic.claude-opus-4-6-v1:0', 5.5, 27.5);
    prices('global.anthropic.claude-sonnet-4-5-20250929-v1:0', 'bedrock/global.anthropic.claude-sonnet-4-5-20250929-v1:0', 3, 15);
  });

  test('LiteLLM, OpenRouter and Vercel forms', () => {
    prices('openai:gpt-4o', 'gpt-4o', 2.5, 10);
    prices('openai/gpt-4o', 'gpt-4o', 2.5, 10);
    prices('anthropic/claude-3.5-sonnet', 'claude-3-5-sonnet', 3, 15);
    prices('openrouter/anthropic/claude-3.5-sonnet', 'openrouter/anthropic/claude-3.5-sonnet', 3, 15);
    prices('azure/gpt-4o', 'gpt-4o', 2.5, 10);
  });
});

describe('suggestions are for typos only', () => {
  test('a small edit within the same family and version', () => {
    assert.deepEqual(book.lookup('gpt-4o-mnii'), { found: false, model: 'gpt-4o-mnii', closest: ['gpt-4o-mini'] });
    assert.deepEqual(book.lookup('claude-sonet-4-6'), { found: false, model: 'claude-sonet-4-6', closest: ['claude-sonnet-4-6'] });
  });

  test('never a real model of another generation', () => {
    assert.deepEqual(book.lookup('gpt-5.7'), { found: false, model: 'gpt-5.7', closest: [] });
    assert.deepEqual(book.lookup('claude-opus-9'), { found: false, model: 'claude-opus-9', closest: [] });
    assert.equal(book.lookup('gpt-4').found, true, 'gpt-4 is simply priced');
    assert.deepEqual(book.lookup('my-fine-tune'), { found: false, model: 'my-fine-tune', closest: [] });
  });
});
