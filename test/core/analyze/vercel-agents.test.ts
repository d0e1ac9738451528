import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LlmCall } from '../../../src/core/model';
import { analyzeSnippet } from '../../support/engine';

async function callsOf(source: string): Promise<LlmCall[]> {
  return (await analyzeSnippet(source, 'typescript')).calls;
}

function promptText(call: LlmCall): string[] {
  return call.prompts.map((prompt) => `${prompt.role}: ${prompt.parts.map((part) => (part.kind === 'static' ? part.text : `{${part.name}}`)).join('')}`);
}

describe('Vercel AI SDK agents and instructions', () => {
  it('reads `instructions` of generateText as the system prompt', async () => {
    const [call] = await callsOf(`
      import { generateText } from 'ai';
      import { openai } from '@ai-sdk/openai';
      await generateText({ model: openai('gpt-4o'), instructions: 'You answer in French.', prompt: question });
    `);
    assert.deepEqual(promptText(call!), ['system: You answer in French.', 'user: {question}']);
  });

  for (const className of ['ToolLoopAgent', 'Experimental_Agent']) {
    it(`reports ${className}.generate with the model, instructions and limit given to the constructor`, async () => {
      const calls = await callsOf(`
        import { ${className}, stepCountIs } from 'ai';
        import { anthropic } from '@ai-sdk/anthropic';
        const researcher = new ${className}({
          model: anthropic('claude-sonnet-4-5'),
          instructions: 'Research the topic, then write a short report.',
          maxOutputTokens: 2000,
          tools: { search },
        });
        export async function run(topic: string) {
          return researcher.generate({ prompt: topic });
        }
      `);
      assert.equal(calls.length, 1);
      const [call] = calls;
      assert.equal(call!.provider, 'vercel-ai');
      assert.equal(call!.api, 'agent.generate');
      assert.equal(call!.model, 'claude-sonnet-4-5');
      assert.deepEqual(call!.outputLimit && [call!.outputLimit.param, call!.outputLimit.value], ['maxOutputTokens', 2000]);
      assert.deepEqual(promptText(call!), ['system: Research the topic, then write a short report.', 'user: {topic}']);
      assert.notEqual(call!.tools, null);
    });
  }

  it('reports an agent’s stream as streaming, and the aliased import', async () => {
    const [call] = await callsOf(`
      import { Experimental_Agent as Agent } from 'ai';
      const agent = new Agent({ model: 'openai/gpt-5', instructions: 'Be brief.' });
      const result = agent.stream({ messages });
    `);
    assert.equal(call!.api, 'agent.stream');
    assert.equal(call!.stream, true);
    assert.equal(call!.model, 'openai/gpt-5');
  });

  it('does not take a project class named Agent for the SDK’s', async () => {
    const calls = await callsOf(`
      import { Agent } from './agent';
      const agent = new Agent({ model: 'gpt-4o' });
      await agent.generate({ prompt: 'hi' });
    `);
    assert.deepEqual(calls, []);
  });
});
