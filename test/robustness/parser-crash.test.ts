import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { describe, it } from 'node:test';
import type { ProbeResult } from './parser-crash-probe';

/** Analyses the texts in order, in a fresh worker thread (see parser-crash-probe.ts). */
function analyzeInOwnThread(texts: string[]): Promise<ProbeResult> {
  const bootstrap = `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(require.resolve('./parser-crash-probe.ts'))});`;
  const worker = new Worker(bootstrap, { eval: true, workerData: texts });
  return new Promise((resolve, reject) => {
    worker.once('message', (result: ProbeResult) => {
      void worker.terminate();
      resolve(result);
    });
    worker.once('error', reject);
  });
}

const CALL = 'from anthropic import Anthropic\nclient = Anthropic()\n';
/** The `}` of the message is missing; a few KB of `*` `/` pairs follow. */
const CRASHING = `${CALL}def review(brief):
    msg = client.messages.create(
        model="claude-haiku-4-5",
        max_tokens=100,
        messages=[{"role": "user", "content": brief],
    )
    return msg${'*/'.repeat(2048)}.content[0].text
`;
const ORDINARY = `${CALL}client.messages.create(model="claude-haiku-4-5", max_tokens=100, messages=[])\n`;

describe('a crash of tree-sitter itself', () => {
  // web-tree-sitter 0.27.1 runs tree-sitter with a 64 KB stack, which its error
  // recovery overflows on this text; the runtime's memory is corrupt afterwards.
  it('is reported as such, and nothing is parsed in that thread afterwards instead of parsed wrongly', async () => {
    const { errors } = await analyzeInOwnThread([ORDINARY, CRASHING, ORDINARY]);
    assert.equal(errors[0], null);
    assert.match(errors[1] ?? '', /^ParserCrashError: tree-sitter crashed on a 4\d{3}-character python text \(memory access out of bounds\)$/);
    assert.match(errors[2] ?? '', /^ParserCrashError: tree-sitter crashed earlier in this thread on a 4\d{3}-character python text \(memory access out of bounds\); it parses nothing more here$/);
  });
});
