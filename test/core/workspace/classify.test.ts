import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyContent } from '../../../src/core/workspace/classify';

const utf8 = (text: string) => new TextEncoder().encode(text);

// Roughly what terser emits: statements run together, almost no spaces.
const MINIFIED_STATEMENT = 'function a(b,c){return b.map(function(d){return d*c+1})}var e=a([1,2,3],4);';

function prose(chars: number): string {
  const sentence = 'You are a careful assistant. Summarise the document below in three short bullet points. ';
  return sentence.repeat(Math.ceil(chars / sentence.length)).slice(0, chars);
}

function ordinaryLines(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `    total_${i} = compute_cost(model, tokens=${i})`);
}

test('ordinary source text comes back unchanged', () => {
  const source = 'import openai\n\nclient = openai.OpenAI()\n';
  assert.deepEqual(classifyContent(utf8(source)), { ok: true, text: source });
});

test('an empty file is text', () => {
  assert.deepEqual(classifyContent(new Uint8Array()), { ok: true, text: '' });
});

test('a UTF-8 byte order mark is stripped', () => {
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('x = "é"\n')]);
  assert.deepEqual(classifyContent(bytes), { ok: true, text: 'x = "é"\n' });
});

test('CRLF line endings stay text and are kept as they are', () => {
  const source = 'const a = 1;\r\nconst b = 2;\r\n';
  assert.deepEqual(classifyContent(utf8(source)), { ok: true, text: source });
});

test('a NUL byte in the first 8 KB means binary', () => {
  const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x00, 0x1a]);
  assert.deepEqual(classifyContent(bytes), { ok: false, reason: 'binary', detail: 'NUL byte at offset 5' });
});

test('a NUL byte after the first 8 KB does not make a file binary', () => {
  const bytes = utf8(`${'# padding line\n'.repeat(600)}x = "\0"\n`);
  assert.ok(bytes.indexOf(0) >= 8 * 1024);
  assert.equal(classifyContent(bytes).ok, true);
});

test('Latin-1 text is reported as not UTF-8', () => {
  const bytes = new Uint8Array([...utf8('name = "caf'), 0xe9, ...utf8('"\n')]);
  assert.deepEqual(classifyContent(bytes), { ok: false, reason: 'not-utf8', detail: 'invalid UTF-8 byte sequence' });
});

test('UTF-16 text is reported as not UTF-8 rather than binary', () => {
  const text = 'x = 1\n';
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) bytes[2 + i * 2] = text.charCodeAt(i);
  assert.deepEqual(classifyContent(bytes), { ok: false, reason: 'not-utf8', detail: 'UTF-16 LE byte order mark' });
});

test('a one-line bundle is minified', () => {
  const verdict = classifyContent(utf8(MINIFIED_STATEMENT.repeat(60)));
  assert.equal(verdict.ok, false);
  assert.equal(!verdict.ok && verdict.reason, 'minified');
  assert.match(!verdict.ok ? verdict.detail : '', /^median line length \d+ characters$/);
});

test('a bundle wrapped at a few hundred characters per line is minified', () => {
  const line = MINIFIED_STATEMENT.repeat(5); // ~385 characters
  const verdict = classifyContent(utf8(`${line}\n`.repeat(20)));
  assert.deepEqual(verdict, { ok: false, reason: 'minified', detail: `median line length ${line.length} characters` });
});

test('a bundle behind a short license header is minified by its one huge line', () => {
  const header = ['/*!', ' * some-lib v1.2.3', ' * (c) Someone', ' * MIT License', ' */'];
  const body = MINIFIED_STATEMENT.repeat(200);
  const source = `${[...header, body].join('\n')}\n`;
  assert.deepEqual(classifyContent(utf8(source)), {
    ok: false,
    reason: 'minified',
    detail: `${body.length}-character line, 6 newlines in ${source.length} bytes`,
  });
});

test('a 100-line file holding a 20 KB prompt on one line is not minified', () => {
  const lines = ordinaryLines(100);
  lines.splice(10, 0, `PROMPT = "${prose(20_000)}"`);
  const source = `${lines.join('\n')}\n`;
  assert.deepEqual(classifyContent(utf8(source)), { ok: true, text: source });
});

test('a 100-line file holding a 40 KB base64 literal is not minified', () => {
  // Its mean line length is over 400 characters; the median is that of the ordinary lines.
  const lines = ordinaryLines(100);
  lines.splice(10, 0, `IMAGE = "${'iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB'.repeat(1250)}"`);
  const source = `${lines.join('\n')}\n`;
  assert.equal(classifyContent(utf8(source)).ok, true);
});

test('a file of many long one-line prompts is not minified', () => {
  const lines = Array.from({ length: 30 }, (_, i) => `  "task_${i}": "${prose(800)}",`);
  const source = `PROMPTS = {\n${lines.join('\n')}\n}\n`;
  assert.equal(classifyContent(utf8(source)).ok, true);
});

test('a short file with long lines is too small to judge minified', () => {
  const source = MINIFIED_STATEMENT.repeat(20); // ~1.5 KB
  assert.deepEqual(classifyContent(utf8(source)), { ok: true, text: source });
});
