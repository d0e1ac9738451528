import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/** Calls in `app/many_calls.py`, one a line: an output limit each, so they raise no findings. */
export const MANY_CALLS = 10_000;

const PYTHON_CALL = 'from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o-mini", messages=[], max_tokens=100)\n';
const TYPESCRIPT_CALL = "import OpenAI from 'openai';\nconst client = new OpenAI();\nclient.chat.completions.create({ model: 'gpt-4o-mini', messages: [], max_tokens: 100 });\n";
/** One line of minified code; the bundle repeats it with a call now and then, so that it names an SDK. */
const MINIFIED = 'function a(b,c){return b.map(function(d){return d*c+1})}var e=a([1,2,3],4);';
const MINIFIED_CALL = 'var o=require("openai"),k=new o.OpenAI;k.chat.completions.create({model:"gpt-4o",messages:[]});';
/** Prose, so that a file holding a megabyte of it on one line is not taken for minified code. */
const PROSE = 'Summarize the following support ticket in two sentences, politely and without jargon. ';

/**
 * A workspace with every kind of file a scan must survive, beside ordinary ones
 * whose calls must still be found. Paths are relative to the root.
 */
export function writeBadWorkspace(root: string): void {
  write(root, 'app/bot.py', PYTHON_CALL);
  write(root, 'app/chat.ts', TYPESCRIPT_CALL);
  write(root, 'app/secret.py', PYTHON_CALL);
  write(root, 'app/many_calls.py', `from openai import OpenAI\nc = OpenAI()\n${'c.chat.completions.create(model="gpt-4o-mini",messages=[],max_tokens=5)\n'.repeat(MANY_CALLS)}`);
  write(root, 'app/long_prompt.py', `${PYTHON_CALL}PROMPT = "${megabyteOfProse()}"\nclient.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": PROMPT}], max_tokens=100)\n`);
  write(root, 'app/long_prompt.ts', `${TYPESCRIPT_CALL}const PROMPT = '${megabyteOfProse()}';\nclient.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'system', content: PROMPT }], max_tokens: 100 });\n`);
  write(root, 'app/latin1.py', Buffer.from('# café: not UTF-8\nimport openai\n', 'latin1'));
  write(root, 'app/blob.py', Buffer.from([...Buffer.from('import openai\n'), 0x00, 0xff, 0x10, 0x02, 0x00]));
  symlinkSync('..', path.join(root, 'app', 'loop'));
  write(root, 'gone/a.py', PYTHON_CALL);
  write(root, 'gone/b.py', PYTHON_CALL);
  write(root, 'gone/c.py', PYTHON_CALL);
  write(root, 'locked/hidden.py', PYTHON_CALL);
  write(root, 'web/bundle.min.js', `/*! bundle */\n${minifiedBundle(5 * 1024 * 1024)}\n`);
}

function write(root: string, relPath: string, content: string | Buffer): void {
  const file = path.join(root, relPath);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

function megabyteOfProse(): string {
  return PROSE.repeat(Math.ceil(1_000_000 / PROSE.length)).slice(0, 1_000_000);
}

/** A minified bundle of about `bytes` on one line, with a call now and then. */
export function minifiedBundle(bytes: number): string {
  const block = MINIFIED.repeat(500) + MINIFIED_CALL;
  return block.repeat(Math.ceil(bytes / block.length));
}
