import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { scan, type ScanResult } from '../../src/core/scan/scan';
import { testEngine, testEstimateContext } from '../support/engine';
import { MANY_CALLS, writeBadWorkspace } from './bad-workspace';

/** Runs the built CLI (`npm test` builds first), as a user or CI would. */
const CLI = path.join(__dirname, '..', '..', 'dist', 'cli.js');
/** Root reads whatever the mode says: the CLI runs as `nobody` then, so that unreadable means unreadable. */
const AS_UNPRIVILEGED_USER = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
const CALL_LINE = 'from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o-mini", messages=[], max_tokens=100)\n';

/** `path: reason`, with the error code for unreadable paths. */
function reasons(skipped: ScanResult['skipped']): string[] {
  return skipped.map((skip) => `${skip.path}: ${skip.reason}${skip.reason === 'unreadable' ? ` ${skip.detail}` : ''}`).sort();
}

function callsByFile(files: { path: string; calls: number }[]): Record<string, number> {
  return Object.fromEntries(files.filter((file) => file.calls > 0).map((file) => [file.path, file.calls]));
}

describe('a scan of a workspace with every kind of bad file', () => {
  let root: string;

  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'promptmeter-bad-'));
    chmodSync(root, 0o755);
    writeBadWorkspace(root);
  });

  after(() => rmSync(root, { recursive: true, force: true }));

  it('skips each bad file with its reason, one deleted mid-scan too, and analyses every other file', async () => {
    writeFileSync(path.join(root, 'gone', 'b.py'), CALL_LINE);
    const result = await scan(testEngine(), {
      roots: ['.'],
      cwd: root,
      estimate: testEstimateContext(),
      // Large enough for the bundle and the megabyte prompts to be read.
      maxFileSize: 8_000_000,
      // The walk looks at gone/b.py only after gone/a.py is done: deleting it now is deleting it mid-scan.
      onProgress: ({ currentPath }) => {
        if (currentPath === 'gone/a.py') rmSync(path.join(root, 'gone', 'b.py'));
      },
    });

    assert.deepEqual(reasons(result.skipped), [
      'app/blob.py: binary',
      'app/latin1.py: not-utf8',
      'app/loop: symlink-loop',
      'gone/b.py: unreadable ENOENT',
      'web/bundle.min.js: minified',
    ]);
    assert.equal(result.stats.filesSkipped, 5);
    assert.deepEqual(callsByFile(result.files.map((file) => ({ path: file.path, calls: file.analysis.calls.length }))), {
      'app/bot.py': 1,
      'app/chat.ts': 1,
      'app/long_prompt.py': 2,
      'app/long_prompt.ts': 2,
      'app/many_calls.py': MANY_CALLS,
      'app/secret.py': 1,
      'gone/a.py': 1,
      'gone/c.py': 1,
      'locked/hidden.py': 1,
    });
  });

  it('finds 10,000 calls in one file, one a line, each with its limit and a cost', async () => {
    const result = await scan(testEngine(), { roots: ['app/many_calls.py'], cwd: root, estimate: testEstimateContext() });
    const [file] = result.files;
    assert.deepEqual(file.analysis.calls.map((call) => call.range.start.line), Array.from({ length: MANY_CALLS }, (_, index) => index + 2));
    assert.ok(file.analysis.calls.every((call) => call.model === 'gpt-4o-mini' && call.outputLimit?.value === 5));
    const perCall = new Set(file.estimates.map((estimate) => estimate.cost.perCall));
    assert.equal(perCall.size, 1, 'identical calls cost the same');
    assert.ok([...perCall].every((cost) => cost !== null && cost > 0 && Number.isFinite(cost)));
    assert.deepEqual(file.findings, []);
  });

  it('counts a megabyte prompt in Python and TypeScript, and says it overflows the context window', async () => {
    const result = await scan(testEngine(), { roots: ['app/long_prompt.py', 'app/long_prompt.ts'], cwd: root, estimate: testEstimateContext(), maxFileSize: 2_000_000 });
    assert.deepEqual(result.files.map((file) => file.path), ['app/long_prompt.py', 'app/long_prompt.ts']);
    for (const file of result.files) {
      const long = file.analysis.calls[1];
      const prompt = long.prompts[0]?.parts[0];
      assert.equal(prompt?.kind === 'static' && prompt.text.length, 1_000_000, file.path);
      const { input, cost } = file.estimates[1];
      // About 190,000 tokens: more than gpt-4o's 128,000-token window.
      assert.ok(input.static > 150_000 && input.static < 250_000, `${file.path}: ${input.static} tokens`);
      assert.ok(cost.perCall !== null && Number.isFinite(cost.perCall));
      assert.ok(file.findings.some((finding) => finding.ruleId === 'context-window-overflow' && finding.range.start.line === long.range.start.line), file.path);
    }
  });

  it('from the command line, as a user who cannot read two of the paths: exit code 0, a reason for each skip', () => {
    writeFileSync(path.join(root, 'gone', 'b.py'), CALL_LINE);
    const locked = path.join(root, 'locked');
    const secret = path.join(root, 'app', 'secret.py');
    chmodSync(locked, 0o000);
    chmodSync(secret, 0o000);
    let json: SpawnSyncReturns<string>;
    let text: SpawnSyncReturns<string>;
    try {
      const options = { cwd: root, encoding: 'utf8' as const, maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' }, ...AS_UNPRIVILEGED_USER };
      json = spawnSync(process.execPath, [CLI, 'scan', '.', '--format', 'json'], options);
      text = spawnSync(process.execPath, [CLI, 'scan', '.'], options);
    } finally {
      chmodSync(locked, 0o755);
      chmodSync(secret, 0o644);
    }

    assert.equal(json.status, 0, json.stderr);
    const report = JSON.parse(json.stdout) as { skipped: ScanResult['skipped']; calls: { path: string }[] };
    assert.deepEqual(reasons(report.skipped), [
      'app/blob.py: binary',
      'app/latin1.py: not-utf8',
      'app/long_prompt.py: too-large',
      'app/long_prompt.ts: too-large',
      'app/loop: symlink-loop',
      'app/secret.py: unreadable EACCES',
      'locked: unreadable EACCES',
      'web/bundle.min.js: too-large',
    ]);
    const calls: Record<string, number> = {};
    for (const call of report.calls) calls[call.path] = (calls[call.path] ?? 0) + 1;
    assert.deepEqual(calls, { 'app/bot.py': 1, 'app/chat.ts': 1, 'app/many_calls.py': MANY_CALLS, 'gone/a.py': 1, 'gone/b.py': 1, 'gone/c.py': 1 });

    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, new RegExp(`${MANY_CALLS + 5} LLM calls in 6 files`));
    assert.match(text.stdout, /8 skipped \((?=.*1 binary)(?=.*1 not-utf8)(?=.*3 too-large)(?=.*1 symlink-loop)(?=.*2 unreadable)/);
  });
});
