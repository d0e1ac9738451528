import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveConfig } from '../../../src/core/config/config';
import { evaluate } from '../../../src/core/engine/evaluate';
import type { EstimateContext } from '../../../src/core/estimate/estimate';
import type { SourceLanguage } from '../../../src/core/model';
import { PriceBook, type ModelPrice } from '../../../src/core/pricing';
import { analyzeSnippet, testEstimateContext } from '../../support/engine';

function model(id: string, provider: string, inputPerMTok: number): ModelPrice {
  return { id, provider, mode: 'chat', inputPerMTok, outputPerMTok: inputPerMTok * 2, tier: 'mid' };
}

/** The same open model at three prices: on its own, on Groq and on Together. */
const PRICES = new PriceBook({
  asOf: '2026-11-23',
  models: [model('llama-3.3-70b', 'meta', 1), model('groq/llama-3.3-70b', 'groq', 2), model('together/llama-3.3-70b', 'together', 3)],
});

async function pricedAs(source: string, language: SourceLanguage = 'python') {
  const context: EstimateContext = { tokens: testEstimateContext().tokens, prices: PRICES, config: resolveConfig([]) };
  const { estimates } = evaluate(await analyzeSnippet(source, language), '', context);
  const { price, cost } = estimates[0];
  return { id: price?.found ? price.price.id : null, localServer: cost.localServer };
}

describe('the host that serves a model', () => {
  it('the Groq SDK: priced as Groq lists the model', async () => {
    assert.deepEqual(await pricedAs(`
      from groq import Groq
      Groq().chat.completions.create(model="llama-3.3-70b", max_tokens=10, messages=[])
    `), { id: 'groq/llama-3.3-70b', localServer: false });
  });

  it("an OpenAI client with a host's base URL: priced as that host lists the model", async () => {
    assert.deepEqual(await pricedAs(`
      import OpenAI from 'openai';
      const together = new OpenAI({ baseURL: 'https://api.together.xyz/v1' });
      export const go = () => together.chat.completions.create({ model: 'llama-3.3-70b', max_tokens: 10, messages: [] });
    `, 'typescript'), { id: 'together/llama-3.3-70b', localServer: false });
  });

  it('an unknown host: the name as written', async () => {
    assert.deepEqual(await pricedAs(`
      from openai import OpenAI
      OpenAI(base_url="https://llm.example.com/v1").chat.completions.create(model="llama-3.3-70b", max_tokens=10, messages=[])
    `), { id: 'llama-3.3-70b', localServer: false });
  });

  it('a LangChain chat model on a local server, by base_url or as ChatOllama: $0 API cost', async () => {
    const byUrl = await pricedAs(`
      from langchain_openai import ChatOpenAI
      llm = ChatOpenAI(model="qwen2.5:14b", base_url="http://localhost:11434/v1", max_tokens=10)
    `);
    const ollama = await pricedAs(`
      from langchain_ollama import ChatOllama
      llm = ChatOllama(model="qwen2.5:14b", num_predict=10)
    `);
    assert.deepEqual([byUrl.localServer, ollama.localServer], [true, true]);
  });
});
