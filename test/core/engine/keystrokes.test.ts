import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DocumentEvaluator } from '../../../src/core/engine/document-evaluator';
import { Engine } from '../../../src/core/engine/engine';
import { evaluate } from '../../../src/core/engine/evaluate';
import { EvaluationReplica } from '../../../src/core/engine/evaluation-update';
import type { SourceLanguage } from '../../../src/core/model';
import type { PromptFileRead, PromptFileReader } from '../../../src/core/analyze/prompts';
import { ParserPool } from '../../../src/core/parse/parser';
import { code, testEngine, testEstimateContext } from '../../support/engine';
import { wasmLocationInPackages } from '../../support/wasm';
import { seededRandom as random } from '../../support/random';

const EVAL = path.join(__dirname, '..', '..', 'fixtures', 'eval');
const LITERAL_TYPES = new Set(['string_content', 'string_fragment', 'integer', 'float', 'number']);
/** Mostly characters that stay inside a literal; a few that break out of it (quotes, braces, backslashes). */
const TYPED = 'abcdefghijklmnopqrstuvwxyz  0123456789.,-:!?ABCXYZ';
const BREAKING = `"'{}\\\`$`;

function fixtures(): { file: string; language: SourceLanguage }[] {
  const languageOf = (file: string): SourceLanguage =>
    file.endsWith('.py') ? 'python' : file.endsWith('.tsx') ? 'tsx' : file.endsWith('.ts') ? 'typescript' : 'javascript';
  return ['py', 'ts', 'js'].flatMap((folder) =>
    readdirSync(path.join(EVAL, folder)).map((name) => ({ file: path.join(EVAL, folder, name), language: languageOf(name) })),
  );
}

/** Offsets inside literal text (strings, numbers) of the current text. */
async function literalOffsets(parsers: ParserPool, text: string, language: SourceLanguage): Promise<number[]> {
  await parsers.load(language);
  const offsets: number[] = [];
  const tree = parsers.parse(language, text);
  const cursor = tree.walk();
  for (let more = true; more; ) {
    if (LITERAL_TYPES.has(cursor.nodeType)) for (let offset = cursor.startIndex; offset <= cursor.endIndex; offset++) offsets.push(offset);
    if (cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) { more = false; break; }
  }
  tree.delete();
  return offsets;
}

/** One keystroke inside a literal: a character typed, or one deleted. */
function keystroke(text: string, offsets: number[], next: () => number): string {
  const offset = offsets[Math.floor(next() * offsets.length)] ?? 0;
  if (next() < 0.25 && offset < text.length && text[offset] !== '\n') return text.slice(0, offset) + text.slice(offset + 1);
  const alphabet = next() < 0.05 ? BREAKING : TYPED;
  return text.slice(0, offset) + alphabet[Math.floor(next() * alphabet.length)] + text.slice(offset);
}

describe('keystrokes inside literals', () => {
  it('give exactly the results of a fresh analysis, also rebuilt from updates, and take the fast path', async () => {
    const context = testEstimateContext();
    const fresh = testEngine();
    const parsers = new ParserPool(wasmLocationInPackages());
    let literalEdits = 0;
    let fastPath = 0;
    let carriedCalls = 0;
    for (const [index, { file, language }] of fixtures().entries()) {
      const seed = 1000 + index;
      const next = random(seed);
      const engine = new Engine(wasmLocationInPackages());
      const documents = new DocumentEvaluator(engine);
      const probe = new Engine(wasmLocationInPackages());
      await Promise.all([engine.prepare(language), probe.prepare(language), fresh.prepare(language)]);
      let text = readFileSync(file, 'utf8');
      const replica = new EvaluationReplica();
      replica.apply(documents.evaluate('doc', text, language, context).update);
      let carried = 0;
      probe.analyzeKeptIncrementally('doc', text, language);
      for (let step = 0; step < 12; step++) {
        const offsets = await literalOffsets(parsers, text, language);
        if (offsets.length === 0) break;
        text = keystroke(text, offsets, next);
        const { evaluation, update } = documents.evaluate('doc', text, language, context);
        const want = evaluate(fresh.analyzeLoaded(text, language), text, context);
        assert.deepEqual(evaluation, want, `${path.basename(file)}, seed ${seed}, step ${step}`);
        assert.deepEqual(replica.apply(update), want, `rebuilt from the update: ${path.basename(file)}, seed ${seed}, step ${step}`);
        carried += update.calls.filter((entry) => 'carried' in entry).length;
        literalEdits++;
        if (probe.analyzeKeptIncrementally('doc', text, language).shift) fastPath++;
      }
      documents.forget('doc');
      probe.forget('doc');
      carriedCalls += carried;
    }
    assert.ok(carriedCalls > 0, 'updates carried calls over instead of sending them again');
    // Most keystrokes stay inside their literal; the few that break out take the full path.
    assert.ok(fastPath > literalEdits * 0.6, `fast path on ${fastPath} of ${literalEdits} keystrokes`);
  });

  it('re-examines a call whose client changes kind when a string is edited', async () => {
    const engine = new Engine(wasmLocationInPackages());
    await engine.prepare('python');
    const source = code(`
      import boto3
      runtime = boto3.client("bedrock-runtime")
      def ask(body):
          return runtime.converse(modelId="anthropic.claude-3-haiku-20240307-v1:0", messages=body)
    `);
    assert.equal(engine.analyzeKeptIncrementally('doc', source, 'python').analysis.calls.length, 1);
    const edited = engine.analyzeKeptIncrementally('doc', source.replace('"bedrock-runtime"', '"bedrock-runtimes"'), 'python');
    assert.ok(edited.shift, 'typing inside the service name is a literal edit');
    assert.equal(edited.analysis.calls.length, 0);
    const back = engine.analyzeKeptIncrementally('doc', source, 'python');
    assert.ok(back.shift);
    assert.equal(back.analysis.calls.length, 1);
  });

  it('follows a constant defined far from the call, and moves every other call', async () => {
    const engine = new Engine(wasmLocationInPackages());
    await engine.prepare('python');
    const source = code(`
      from openai import OpenAI
      client = OpenAI()
      MODEL = "gpt-4o"
      def first():
          return client.chat.completions.create(model="gpt-4o-mini", max_tokens=10, messages=[])
      def second():
          return client.chat.completions.create(model=MODEL, max_tokens=10, messages=[])
    `);
    engine.analyzeKeptIncrementally('doc', source, 'python');
    const edited = engine.analyzeKeptIncrementally('doc', source.replace('MODEL = "gpt-4o"', 'MODEL = "gpt-4o-mini"'), 'python');
    assert.ok(edited.shift);
    assert.deepEqual(edited.carriedFrom, [0, null], 'the first call only moves; the second reads MODEL');
    assert.deepEqual(
      edited.analysis.calls.map((call) => call.model),
      ['gpt-4o-mini', 'gpt-4o-mini'],
    );
  });

  it('carries a call the edit did not touch, moved by the length of what was typed', async () => {
    const engine = new Engine(wasmLocationInPackages());
    await engine.prepare('python');
    const source = code(`
      from openai import OpenAI
      client = OpenAI()
      a = client.chat.completions.create(model="gpt-4o", max_tokens=10, messages=[]); b = client.chat.completions.create(model="gpt-4o", messages=[])
    `);
    const before = engine.analyzeKeptIncrementally('doc', source, 'python').analysis.calls[1];
    const edited = engine.analyzeKeptIncrementally('doc', source.replace('max_tokens=10,', 'max_tokens=100,'), 'python');
    assert.deepEqual(edited.carriedFrom, [null, 1]);
    assert.equal(edited.analysis.calls[1]?.range.startOffset, (before?.range.startOffset ?? 0) + 1);
    assert.equal(edited.analysis.calls[1]?.range.start.column, (before?.range.start.column ?? 0) + 1);
  });

  it('analyses afresh when a string names a module or a destructured key', async () => {
    const engine = new Engine(wasmLocationInPackages());
    await engine.prepare('typescript');
    const source = code(`
      import OpenAI from 'openai';
      const { Anthropic } = require('@anthropic-ai/sdk');
      const client = new OpenAI();
      export const ask = () => client.chat.completions.create({ model: 'gpt-4o', messages: [] });
    `);
    engine.analyzeKeptIncrementally('doc', source, 'typescript');
    const renamed = engine.analyzeKeptIncrementally('doc', source.replace(`from 'openai'`, `from 'openai2'`), 'typescript');
    assert.equal(renamed.shift, null);
    assert.equal(renamed.analysis.calls.length, 0);
    const restored = engine.analyzeKeptIncrementally('doc', source, 'typescript');
    assert.equal(restored.shift, null);
    assert.equal(restored.analysis.calls.length, 1);
  });
});

/** Feeds the texts one after another to a DocumentEvaluator; the last evaluation must equal a fresh one. */
async function assertSameAsFresh(texts: string[], language: SourceLanguage, options: { readPromptFile?: PromptFileReader } = {}): Promise<void> {
  const engine = new Engine(wasmLocationInPackages());
  const fresh = new Engine(wasmLocationInPackages());
  await Promise.all([engine.prepare(language), fresh.prepare(language)]);
  const documents = new DocumentEvaluator(engine);
  const context = testEstimateContext();
  let last;
  for (const text of texts) last = documents.evaluate('doc', text, language, context, options).evaluation;
  const text = texts.at(-1) ?? '';
  assert.deepEqual(last, evaluate(fresh.analyzeLoaded(text, language, options), text, context));
}

describe('what a keystroke in a literal can change beyond the calls reading it', () => {
  it('a word typed into another string of the loop around a call (does the loop exit early?)', async () => {
    const source = code(`
      from openai import OpenAI
      client = OpenAI()
      def go(items):
          for item in items:
              note = "keep going"
              client.chat.completions.create(model="gpt-4o", max_tokens=100, messages=[{"role": "user", "content": item}])
    `);
    await assertSameAsFresh([source, source.replace('"keep going"', '"keep break"')], 'python');
  });

  it("the quote a file mostly uses, which fixes write", async () => {
    const source = code(`
      from google import genai
      client = genai.Client()
      NOTE = "x"
      WORDS = ['a', 'b', 'c']
      def go(q):
          return client.models.generate_content(model="gemini-2.0-flash", contents="Summarize this text please")
    `);
    const typed = [1, 2, 3, 4, 5, 6].map((count) => source.replace('NOTE = "x"', `NOTE = "x${"'".repeat(count)}"`));
    await assertSameAsFresh([source, ...typed], 'python');
  });

  it('a prompt file that changed on disk, for the same text and after typing elsewhere', async () => {
    let onDisk = 'short prompt';
    const options = { readPromptFile: (): PromptFileRead => ({ ok: true, text: onDisk }) };
    const source = code(`
      from openai import OpenAI
      client = OpenAI()
      OTHER = "x"
      client.chat.completions.create(model="gpt-4o", max_tokens=10, messages=[{"role": "system", "content": open("p.txt").read()}])
    `);
    const engine = new Engine(wasmLocationInPackages());
    await engine.prepare('python');
    const documents = new DocumentEvaluator(engine);
    const context = testEstimateContext();
    const before = documents.evaluate('doc', source, 'python', context, options).evaluation.estimates[0]?.input.static ?? 0;
    onDisk = 'a much longer prompt '.repeat(200);
    const again = documents.evaluate('doc', source, 'python', context, options).evaluation.estimates[0]?.input.static ?? 0;
    assert.ok(again > before * 50, `${before} → ${again} tokens`);
    await assertSameAsFresh([source, source.replace('"x"', '"xy"')], 'python', options);
  });

  it('a value cut short by the depth limit, reached first from another call', async () => {
    let source = 'from openai import OpenAI\nc0 = OpenAI()\n';
    for (let i = 1; i <= 14; i++) source += `c${i} = c${i - 1}\n`;
    source += 'def a():\n    return c14.chat.completions.create(model="gpt-4o", max_tokens=10, messages=[])\n';
    source += 'def b():\n    return c6.chat.completions.create(model="gpt-4o", max_tokens=10, messages=[])\n';
    const lines = source.split('\n');
    const second = lines.findIndex((line) => line.includes('c6.chat'));
    lines[second] = (lines[second] ?? '').replace('max_tokens=10', 'max_tokens=100');
    await assertSameAsFresh([source, lines.join('\n')], 'python');
  });

  it('takes the fast path inside exported declarations, not in `export … from` sources', async () => {
    const engine = new Engine(wasmLocationInPackages());
    await engine.prepare('typescript');
    const source = code(`
      import OpenAI from 'openai';
      export { helper } from './helpers';
      const client = new OpenAI();
      export const PROMPT = 'Summarize the ticket.';
      export function ask() {
        return client.chat.completions.create({ model: 'gpt-4o', max_tokens: 10, messages: [{ role: 'system', content: PROMPT }] });
      }
    `);
    const typedInPrompt = source.replace('the ticket', 'the tickets');
    const typedInLimit = typedInPrompt.replace('max_tokens: 10', 'max_tokens: 100');
    const typedInSource = typedInLimit.replace(`'./helpers'`, `'./helper'`);
    engine.analyzeKeptIncrementally('doc', source, 'typescript');
    assert.ok(engine.analyzeKeptIncrementally('doc', typedInPrompt, 'typescript').shift);
    assert.ok(engine.analyzeKeptIncrementally('doc', typedInLimit, 'typescript').shift);
    assert.equal(engine.analyzeKeptIncrementally('doc', typedInSource, 'typescript').shift, null);
  });
});
