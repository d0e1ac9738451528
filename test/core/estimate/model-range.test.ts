import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { resolveConfig, type ConfigLayer } from '../../../src/core/config/config';
import { evaluate } from '../../../src/core/engine/evaluate';
import type { EstimateContext } from '../../../src/core/estimate/estimate';
import { PriceBook, type ModelPrice } from '../../../src/core/pricing';
import { callHeadline } from '../../../src/core/report/describe';
import { buildReport } from '../../../src/core/report/model';
import { scanToJson } from '../../../src/core/report/scan-json';
import { scan, type ScanResult } from '../../../src/core/scan/scan';
import { costPerCall } from '../../../src/core/scenarios';
import { analyzeSnippet, testEngine, testEstimateContext } from '../../support/engine';

/** A small catalog of its own, so that the ranges below do not move with the bundled prices. */
function model(id: string, provider: string, inputPerMTok: number, outputPerMTok: number, extra: Partial<ModelPrice> = {}): ModelPrice {
  return { id, provider, mode: 'chat', inputPerMTok, outputPerMTok, tier: 'mid', ...extra };
}
const CATALOG = {
  asOf: '2026-11-23',
  models: [
    model('gpt-4o', 'openai', 2.5, 10),
    model('gpt-4o-mini', 'openai', 0.15, 0.6),
    model('o1-pro', 'openai', 150, 600),
    model('claude-haiku-4-5', 'anthropic', 1, 5),
    model('claude-opus-4-7', 'anthropic', 5, 25),
    model('claude-3-opus-20240229', 'anthropic', 15, 75, { retired: '2026-01-05' }),
  ],
};

function context(layer: ConfigLayer = {}): EstimateContext {
  const config = resolveConfig([layer]);
  return { tokens: testEstimateContext().tokens, prices: new PriceBook(CATALOG, config.pricing), config };
}

describe('a call whose model the code does not name', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'promptmeter-range-'));
    writeFileSync(
      path.join(root, 'named.py'),
      [
        'from openai import OpenAI',
        'client = OpenAI()',
        'def a(q): return client.chat.completions.create(model="gpt-4o", max_tokens=100, messages=[{"role": "user", "content": q}])',
        'def b(q): return client.chat.completions.create(model="gpt-4o-mini", max_tokens=100, messages=[{"role": "user", "content": q}])',
        '',
      ].join('\n'),
    );
    writeFileSync(
      path.join(root, 'unresolved.py'),
      [
        'import os',
        'import anthropic',
        'from openai import OpenAI',
        'client = OpenAI()',
        'claude = anthropic.Anthropic()',
        'def c(q): return client.chat.completions.create(model=os.environ["MODEL"], max_tokens=100, messages=[{"role": "user", "content": q}])',
        'def d(q, m): return claude.messages.create(model=m, max_tokens=100, messages=[{"role": "user", "content": q}])',
        '',
      ].join('\n'),
    );
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  const scanned = (layer: ConfigLayer = {}): Promise<ScanResult> => scan(testEngine(), { roots: ['.'], cwd: root, estimate: context(layer) });
  const unresolved = (result: ScanResult) => result.files.find((file) => file.path === 'unresolved.py')!;

  it('ranges over the models the workspace names for the same provider, in another file too', async () => {
    const result = await scanned();
    const file = unresolved(result);
    const [openai] = file.estimates;
    const prices = new PriceBook(CATALOG);
    const tokens = { input: openai.input.total, output: openai.output.expected, cacheablePrefix: 0 };
    const cost = (id: string) => costPerCall(tokens, (prices.lookup(id) as { price: ModelPrice }).price);
    assert.equal(openai.cost.perCall, null);
    assert.deepEqual(openai.cost.range, {
      low: cost('gpt-4o-mini'),
      high: cost('gpt-4o'),
      monthlyLow: cost('gpt-4o-mini') * 1000 * 30,
      monthlyHigh: cost('gpt-4o') * 1000 * 30,
      basis: 'named-models',
      models: ['gpt-4o-mini', 'gpt-4o'],
      providers: ['openai'],
    });
    assert.equal(callHeadline(file.analysis.calls[0], openai).includes('/call · $'), true);
    assert.match(callHeadline(file.analysis.calls[0], openai), /\(model not resolved: gpt-4o-mini … gpt-4o\)$/);
  });

  it("where the workspace names none for the provider: the provider's current lineup, as far as the price list has it", async () => {
    const result = await scanned();
    const [, anthropic] = unresolved(result).estimates;
    assert.equal(anthropic.cost.range?.basis, 'provider-models');
    assert.deepEqual(anthropic.cost.range?.models, ['claude-haiku-4-5', 'claude-opus-4-7']);
    assert.ok((anthropic.cost.range?.low ?? 0) < (anthropic.cost.range?.high ?? 0));
  });

  it('with defaultModel set: priced as that one model', async () => {
    const result = await scanned({ defaultModel: 'o1-pro' });
    const [openai, anthropic] = unresolved(result).estimates;
    for (const estimate of [openai, anthropic]) {
      assert.equal(estimate.cost.range?.basis, 'default-model');
      assert.deepEqual(estimate.cost.range?.models, ['o1-pro']);
      assert.equal(estimate.cost.range?.low, estimate.cost.range?.high);
    }
  });

  it('the JSON and the report carry the range; the total is a range too', async () => {
    const result = await scanned();
    const json = scanToJson(result, { name: 'promptmeter', version: 'test' }) as { calls: { cost: { perCall: number | null; range: { basis: string; models: string[] } | null } }[] };
    const ranged = json.calls.filter((call) => call.cost.range !== null);
    assert.equal(ranged.length, 2);
    assert.ok(ranged.every((call) => call.cost.perCall === null));
    const report = buildReport(result, context().config, { name: 'promptmeter', version: 'test' });
    const known = report.calls.reduce((sum, call) => sum + (call.monthly ?? 0), 0);
    assert.equal(report.totals.unknownCostCalls, 0);
    assert.equal(report.totals.monthlyRange?.calls, 2);
    assert.ok((report.totals.monthlyRange?.low ?? 0) > known);
    assert.ok((report.totals.monthlyRange?.high ?? 0) > (report.totals.monthlyRange?.low ?? 0));
  });
});

describe('calls to a local server', () => {
  const local = async (clientArgs: string) => {
    const analysis = await analyzeSnippet(`
      from openai import OpenAI
      client = OpenAI(${clientArgs})
      client.chat.completions.create(model="llama3.1", max_tokens=10, messages=[])
    `, 'python');
    return evaluate(analysis, '', context()).estimates[0].cost;
  };

  for (const url of ['http://localhost:11434/v1', 'http://127.0.0.1:1234/v1', 'localhost:8000/v1', 'http://192.168.1.20:8000/v1', 'http://gpu-box.local:8000/v1']) {
    it(`base_url ${url}: $0 API cost, not unknown`, async () => {
      const cost = await local(`base_url="${url}"`);
      assert.deepEqual([cost.localServer, cost.perCall, cost.monthly, cost.unknownReason], [true, 0, 0, null]);
    });
  }

  it('a hosted OpenAI-compatible endpoint is not local', async () => {
    const cost = await local('base_url="https://api.together.xyz/v1"');
    assert.equal(cost.localServer, false);
    assert.equal(cost.perCall, null);
  });
});

describe('Azure deployment names', () => {
  const azureCost = async (layer: ConfigLayer) => {
    const analysis = await analyzeSnippet(`
      from openai import AzureOpenAI
      client = AzureOpenAI()
      client.chat.completions.create(model="prod-chat", max_tokens=10, messages=[])
    `, 'python');
    return evaluate(analysis, '', context(layer));
  };

  it('unmapped: unknown, and the reason says to map the deployment', async () => {
    const { estimates, findings } = await azureCost({});
    assert.equal(estimates[0].cost.unknownReason, 'prod-chat is an Azure deployment name: map it to the model it runs in azureDeployments');
    assert.match(findings.find((finding) => finding.ruleId === 'unknown-model')?.message ?? '', /map it to the model it runs in \.promptmeter\.json "azureDeployments"/);
  });

  it('mapped in azureDeployments: priced as the model it runs', async () => {
    const { estimates, findings } = await azureCost({ azureDeployments: { 'prod-chat': 'gpt-4o' } });
    assert.equal(estimates[0].price?.found && estimates[0].price.price.id, 'gpt-4o');
    assert.ok((estimates[0].cost.perCall ?? 0) > 0);
    assert.equal(findings.some((finding) => finding.ruleId === 'unknown-model'), false);
  });
});

describe('the model of a Vercel AI SDK call', () => {
  it("comes from a provider function, never from a project function's argument", async () => {
    const analysis = await analyzeSnippet(`
      import { generateText } from 'ai';
      import { openai, createOpenAI } from '@ai-sdk/openai';
      const custom = createOpenAI({ baseURL: 'https://example.test/v1' });
      function getModel(name: string) { return name; }
      export const a = () => generateText({ model: getModel('fallback'), prompt: 'hi' });
      export const b = () => generateText({ model: openai('gpt-4o'), prompt: 'hi' });
      export const c = () => generateText({ model: openai.chat('gpt-4o-mini'), prompt: 'hi' });
      export const d = () => generateText({ model: custom('o3'), prompt: 'hi' });
    `, 'typescript');
    assert.deepEqual(analysis.calls.map((call) => call.model), [null, 'gpt-4o', 'gpt-4o-mini', 'o3']);
  });
});

describe('the catalog fallback of a framework call', () => {
  const rangeOf = async (source: string, language: 'python' | 'typescript') => {
    const analysis = await analyzeSnippet(source, language);
    return evaluate(analysis, '', context()).estimates[0].cost.range;
  };

  it('a LangChain chat model ranges over its vendor', async () => {
    const range = await rangeOf(`
      import os
      from langchain_openai import ChatOpenAI
      llm = ChatOpenAI(model=os.environ["MODEL"], max_tokens=10)
    `, 'python');
    // Of the lineup, this test catalog has gpt-4o only: not its legacy o1-pro, nor gpt-4o-mini.
    assert.deepEqual([range?.basis, range?.providers, range?.models], ['provider-models', ['openai'], ['gpt-4o']]);
  });

  it('a Vercel AI SDK call whose provider is not in the code ranges over the three vendors code names most', async () => {
    const range = await rangeOf(`
      import { generateText } from 'ai';
      export const go = (model: any) => generateText({ model, prompt: 'hi', maxOutputTokens: 10 });
    `, 'typescript');
    assert.deepEqual(range?.providers, ['anthropic', 'openai']);
    assert.deepEqual(range?.models, ['claude-haiku-4-5', 'gpt-4o', 'claude-opus-4-7']);
  });
});
