import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_CONFIG, resolveConfig, type ConfigLayer } from '../../../src/core/config/config';
import { estimateCall, type EstimateContext, type TokenCounting } from '../../../src/core/estimate/estimate';
import type { LlmCall, Prompt, PromptPart, SourceRange } from '../../../src/core/model';
import { PriceBook } from '../../../src/core/pricing';

/**
 * Hand-computed cases. The stand-in tokenizer counts one token per character so
 * that token counts are obvious; the price list has one model at $5 / $30 per 1M.
 */
const RANGE: SourceRange = { start: { line: 0, column: 0 }, end: { line: 0, column: 1 }, startOffset: 0, endOffset: 1 };

const ONE_TOKEN_PER_CHARACTER: TokenCounting = {
  count: (text) => ({ tokens: text.length, confidence: 'exact', method: 'test' }),
  chatOverhead: () => ({ tokens: 0, documented: false, method: 'test' }),
  describe: () => ({ family: 'test', encoding: 'o200k_base', confidence: 'exact' }),
};

const PRICES = new PriceBook({
  asOf: '2026-11-23',
  models: [
    {
      id: 'test-model',
      provider: 'test',
      mode: 'chat',
      inputPerMTok: 5,
      outputPerMTok: 30,
      cachedInputPerMTok: 0.5,
      cacheWrite5mPerMTok: 6.25,
      batchInputPerMTok: 2.5,
      batchOutputPerMTok: 15,
      longContext: { aboveInputTokens: 200_000, inputPerMTok: 10, outputPerMTok: 45 },
      maxOutputTokens: 64_000,
      cacheMinTokens: 1024,
      tier: 'frontier',
    },
  ],
});

function context(layer: ConfigLayer = {}): EstimateContext {
  return { tokens: ONE_TOKEN_PER_CHARACTER, prices: PRICES, config: resolveConfig([layer]) };
}

function staticPart(length: number): PromptPart {
  return { kind: 'static', text: 'x'.repeat(length), range: RANGE };
}

function slot(name: string): PromptPart {
  return { kind: 'dynamic', name, expression: name, range: RANGE, volatile: false };
}

function prompt(...parts: PromptPart[]): Prompt {
  return { argument: 'messages', role: 'user', parts, range: RANGE, cacheBreakpoint: false };
}

function call(overrides: Partial<LlmCall> = {}): LlmCall {
  return {
    provider: 'openai',
    api: 'chat.completions.create',
    kind: 'generate',
    range: RANGE,
    nameRange: RANGE,
    argumentsRange: RANGE,
    insertion: null,
    argumentNames: [],
    model: 'test-model',
    modelRange: RANGE,
    outputLimit: { param: 'max_tokens', value: 1000, range: RANGE },
    outputLimitParams: ['max_tokens'],
    openArguments: false,
    prompts: [prompt(staticPart(2000))],
    tools: null,
    stream: false,
    baseUrl: null,
    loop: null,
    callsPerDay: null,
    ...overrides,
  };
}

function near(actual: number | null, expected: number): void {
  assert.ok(actual !== null && Math.abs(actual - expected) < 1e-12, `${actual} ≠ ${expected}`);
}

describe('cost estimates', () => {
  it('2,000 input and 500 output tokens at $5/$30 per million cost $0.025 a call', () => {
    const estimate = estimateCall(call(), context());
    assert.equal(estimate.input.total, 2000);
    assert.equal(estimate.output.expected, 500, 'half of the 1,000-token limit by default');
    near(estimate.cost.perCall, 0.025);
    near(estimate.cost.perCallMax, 0.01 + 1000 * 30e-6);
    near(estimate.cost.monthly, 0.025 * 1000 * 30);
    assert.equal(estimate.cost.pricingAsOf, '2026-11-23');
    assert.equal(estimate.cost.currency, 'USD');
  });

  it('without an output limit the worst case is the model maximum', () => {
    const estimate = estimateCall(call({ outputLimit: null }), context());
    assert.deepEqual(estimate.output, { expected: 512, max: 64_000, maxSource: 'model-maximum' });
    near(estimate.cost.perCallMax, 0.01 + 64_000 * 30e-6);
  });

  it('prices the cached prefix at the cache-read rate, and the first call at the write rate', () => {
    const estimate = estimateCall(call({ prompts: [prompt(staticPart(2000), slot('question'))] }), context());
    assert.equal(estimate.cacheablePrefixTokens, 2000);
    assert.equal(estimate.input.total, 2000 + DEFAULT_CONFIG.defaultSlotTokens);
    const uncached = (DEFAULT_CONFIG.defaultSlotTokens * 5) / 1e6;
    near(estimate.cost.cached, uncached + (2000 * 0.5) / 1e6 + 0.015);
    near(estimate.cost.cacheWrite, uncached + (2000 * 6.25) / 1e6 + 0.015);
  });

  it('does not apply caching below the provider minimum', () => {
    const estimate = estimateCall(call({ prompts: [prompt(staticPart(1000))] }), context());
    assert.equal(estimate.cost.cached, null);
  });

  it('prices the Batch API at its own rates', () => {
    near(estimateCall(call(), context()).cost.batch, (2000 * 2.5 + 500 * 15) / 1e6);
  });

  it('uses long-context prices once the input passes the threshold', () => {
    const estimate = estimateCall(call({ prompts: [prompt(staticPart(250_000))] }), context());
    near(estimate.cost.perCall, (250_000 * 10 + 500 * 45) / 1e6);
  });

  it('sizes dynamic slots from settings and shows them as assumptions', () => {
    const estimate = estimateCall(
      call({ prompts: [prompt(staticPart(100), slot('retrieved_docs'), slot('question'))] }),
      context({ slotTokens: { retrieved_docs: 3000 }, defaultSlotTokens: 50 }),
    );
    assert.deepEqual(estimate.input.dynamicSlots, [
      { name: 'retrieved_docs', tokens: 3000, source: 'setting' },
      { name: 'question', tokens: 50, source: 'default' },
    ]);
    assert.equal(estimate.input.static, 100);
    assert.equal(estimate.input.assumed, 3050);
    assert.equal(estimate.input.total, 3150);
  });

  it('projects traffic from a hint, the setting, or the setting times the loop multiplier', () => {
    const loop = { kind: 'for' as const, range: RANGE };
    assert.deepEqual(estimateCall(call({ callsPerDay: 5000 }), context()).traffic, { callsPerDay: 5000, source: 'hint' });
    assert.deepEqual(estimateCall(call(), context({ callsPerDay: 200 })).traffic, { callsPerDay: 200, source: 'setting' });
    assert.deepEqual(estimateCall(call({ loop }), context({ callsPerDay: 200, loopMultiplier: 25 })).traffic, {
      callsPerDay: 5000,
      source: 'setting×loop',
    });
    near(estimateCall(call({ callsPerDay: 5000 }), context()).cost.monthly, 0.025 * 5000 * 30);
  });

  it('never prices an unknown model as $0: the cost is unknown, with the closest names', () => {
    const estimate = estimateCall(call({ model: 'test-modle' }), context());
    assert.equal(estimate.cost.perCall, null);
    assert.equal(estimate.cost.monthly, null);
    assert.equal(estimate.cost.unknownReason, 'test-modle is not in the price list (closest: test-model)');
    const unresolved = estimateCall(call({ model: null }), context());
    assert.equal(unresolved.cost.unknownReason, 'the model is not known from the code');
  });

  it('token counting calls cost nothing', () => {
    const estimate = estimateCall(call({ kind: 'count', api: 'messages.count_tokens' }), context());
    assert.equal(estimate.cost.perCall, 0);
    assert.equal(estimate.output.expected, 0);
  });
});
