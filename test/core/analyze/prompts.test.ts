import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Prompt, SourceLanguage } from '../../../src/core/model';
import { analyzeSnippet } from '../../support/engine';

/** Static text as-is, dynamic slots as `{name}` (with `!` when volatile). */
function render(prompt: Prompt): string {
  return prompt.parts.map((part) => (part.kind === 'static' ? part.text : `{${part.name}${part.volatile ? '!' : ''}}`)).join('');
}

async function promptsOf(code: string, language: SourceLanguage = 'python'): Promise<Prompt[]> {
  const analysis = await analyzeSnippet(code, language);
  assert.equal(analysis.calls.length, 1, 'one call expected');
  return analysis.calls[0]?.prompts ?? [];
}

describe('prompt extraction', () => {
  it('splits an f-string into static runs and slots, decoding escapes', async () => {
    const [system, user] = await promptsOf(`
      from openai import OpenAI
      OpenAI().chat.completions.create(model="m", messages=[
          {"role": "system", "content": "Be brief.\\nUse {{json}}."},
          {"role": "user", "content": f"Question: {question!r} at {datetime.now():%H}"},
      ])
    `);
    assert.equal(system?.role, 'system');
    assert.equal(render(system!), 'Be brief.\nUse {{json}}.');
    assert.equal(user?.role, 'user');
    assert.equal(render(user!), 'Question: {question} at {now!}');
  });

  it('follows a module constant, .format() placeholders and implicit concatenation', async () => {
    const [system, user] = await promptsOf(`
      from anthropic import Anthropic
      SYSTEM = ("You are a support agent. "
                "Answer in {language}.")
      TEMPLATE = "Ticket: {ticket}\\nCustomer: {name}"
      Anthropic().messages.create(model="m", max_tokens=1, system=SYSTEM, messages=[
          {"role": "user", "content": TEMPLATE.format(ticket=t, name=n)},
      ])
    `);
    assert.equal(render(system!), 'You are a support agent. Answer in {language}.');
    assert.equal(render(user!), 'Ticket: {ticket}\nCustomer: {name}');
    // The constant's text points at its definition, for inlay hints there.
    const firstPart = system?.parts[0];
    assert.equal(firstPart?.kind === 'static' ? firstPart.range.start.line : -1, 1);
  });

  it('dedents triple-quoted strings passed through textwrap.dedent', async () => {
    const [prompt] = await promptsOf(`
      import textwrap
      from openai import OpenAI
      PROMPT = textwrap.dedent("""
          Line one
            indented {x}
          Line three
      """)
      OpenAI().responses.create(model="m", instructions=PROMPT, input="hi")
    `);
    assert.equal(render(prompt!), '\nLine one\n  indented {x}\nLine three\n');
  });

  it('reads % formatting, "sep".join([...]) and + concatenation', async () => {
    const [a, b, c] = await promptsOf(`
      import litellm
      litellm.completion(model="m", messages=[
          {"role": "user", "content": "Hello %s, you are %(age)d" % (name, age)},
          {"role": "user", "content": "\\n".join(["rule one", "rule two", extra])},
          {"role": "user", "content": "Docs: " + docs + "."},
      ])
    `);
    assert.equal(render(a!), 'Hello {value}, you are {age}');
    assert.equal(render(b!), 'rule one\nrule two\n{extra}');
    assert.equal(render(c!), 'Docs: {docs}.');
  });

  it('marks Anthropic system blocks with cache_control and keeps history as a dynamic message', async () => {
    const prompts = await promptsOf(`
      import anthropic
      anthropic.Anthropic().messages.create(model="m", max_tokens=5,
          system=[{"type": "text", "text": "Long policy", "cache_control": {"type": "ephemeral"}}],
          messages=[*history, {"role": "user", "content": [{"type": "text", "text": q}]}])
    `);
    assert.deepEqual(
      prompts.map((prompt) => [prompt.argument, prompt.role, prompt.cacheBreakpoint, render(prompt)]),
      [
        ['system', 'system', true, 'Long policy'],
        ['messages', 'unknown', false, '{history}'],
        ['messages', 'user', false, '{q}'],
      ],
    );
  });

  it('reads Bedrock content blocks and a cachePoint marker', async () => {
    const prompts = await promptsOf(`
      import boto3
      boto3.client("bedrock-runtime").converse(modelId="m",
          system=[{"text": "You write reports."}, {"cachePoint": {"type": "default"}}],
          messages=[{"role": "user", "content": [{"text": "Data: "}, {"text": data}]}])
    `);
    assert.deepEqual(
      prompts.map((prompt) => [prompt.role, prompt.cacheBreakpoint, render(prompt)]),
      [
        ['system', false, 'You write reports.'],
        ['system', true, ''],
        ['user', false, 'Data: {data}'],
      ],
    );
  });

  it('reads a template literal with escapes and a tagged dedent, and a messages variable', async () => {
    const prompts = await promptsOf(
      `
      import OpenAI from 'openai';
      import dedent from 'dedent';
      const SYSTEM = dedent\`
        You are terse.
          Reply in \${lang}.\\tDone\`;
      const messages = [{ role: 'system', content: SYSTEM }, { role: 'user', content: \`Q: \${req.body.q}\` }];
      new OpenAI().chat.completions.create({ model: 'm', messages });
    `,
      'typescript',
    );
    assert.deepEqual(
      prompts.map((prompt) => [prompt.role, render(prompt)]),
      [
        ['system', '\nYou are terse.\n  Reply in {lang}.\tDone'],
        ['user', 'Q: {q}'],
      ],
    );
  });

  it('reads Gemini contents as parts and the system instruction from config', async () => {
    const prompts = await promptsOf(`
      from google import genai
      from google.genai import types
      genai.Client().models.generate_content(model="m",
          contents=[types.Content(role="user", parts=[types.Part(text="Summarize: "), types.Part(text=doc)])],
          config=types.GenerateContentConfig(system_instruction="Be short."))
    `);
    assert.deepEqual(
      prompts.map((prompt) => [prompt.argument, prompt.role, render(prompt)]),
      [
        ['config.system_instruction', 'system', 'Be short.'],
        ['contents', 'user', 'Summarize: {doc}'],
      ],
    );
  });

  it('marks timestamps, uuids and request ids as volatile slots', async () => {
    const [prompt] = await promptsOf(`
      import uuid, time
      from openai import OpenAI
      OpenAI().responses.create(model="m", input=f"{time.time()} {uuid.uuid4()} {request_id} {user_name}")
    `);
    const volatility = prompt?.parts.filter((part) => part.kind === 'dynamic').map((part) => (part.kind === 'dynamic' ? part.volatile : null));
    assert.deepEqual(volatility, [true, true, true, false]);
  });

  it('treats an unresolvable argument as one dynamic slot named after it', async () => {
    const [prompt] = await promptsOf(`
      from openai import OpenAI
      def go(build_prompt, ctx):
          OpenAI().responses.create(model="m", input=build_prompt(ctx))
    `);
    assert.equal(render(prompt!), '{build_prompt}');
  });
});
