import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs = require('node:fs');
import * as path from 'node:path';
import { after, before, describe, it, mock } from 'node:test';
import type { DynamicPart, PromptPart } from '../../src/core/model';
import { scan, type ScanResult } from '../../src/core/scan/scan';
import { promptFileReader } from '../../src/core/workspace/prompt-files';
import { ReadBoundary } from '../../src/core/workspace/read-boundary';
import { testEngine, testEstimateContext } from '../support/engine';
import { caseFile, INSIDE_PROMPTS, POSIX, promptFileCases, SECRET_MARKER, writeHostileWorkspace, type HostileWorkspace } from './hostile-workspace';

/** Runs the built CLI (`npm test` builds first) in a process of its own, which a hang cannot take down with it. */
const CLI = path.join(__dirname, '..', '..', 'dist', 'cli.js');
/** Far above the fraction of a second these scans take: only a hang reaches it, and then the test fails instead of stalling. */
const HANG_GUARD_MS = 30_000;

function parts(result: ScanResult): PromptPart[] {
  return result.files.flatMap((file) => file.analysis.calls.flatMap((call) => call.prompts.flatMap((prompt) => prompt.parts)));
}

function reasons(result: ScanResult): string[] {
  return parts(result).flatMap((part) => (part.kind === 'dynamic' && part.reason !== undefined ? [part.reason] : []));
}

describe('prompt files named by a hostile workspace', () => {
  let hostile: HostileWorkspace;
  const scanOf = (roots: string[]): Promise<ScanResult> => scan(testEngine(), { roots, cwd: hostile.workspace, estimate: testEstimateContext() });

  before(() => {
    hostile = writeHostileWorkspace();
  });
  after(() => fs.rmSync(hostile.base, { recursive: true, force: true }));

  // The cases that cannot block a read: in this process, through the scan a CLI or report runs.
  const cases = promptFileCases('<secret>');
  cases.forEach((entry, index) => {
    if (entry.name.includes('dev/zero') || entry.name.includes('FIFO')) return;
    it(`${entry.name}: not read, and the slot says why`, async () => {
      const result = await scanOf([caseFile(index)]);
      const expected = entry.reason.replace('<secret>', hostile.secret);
      assert.deepEqual(reasons(result), [expected]);
      assert.equal(JSON.stringify(result).includes(SECRET_MARKER), false, 'the secret reached the result');
      // Not counted: the call's input is the assumed slot, the user message and the chat overhead.
      const estimate = result.files[0]?.estimates[0];
      assert.equal(estimate?.input.static, 0);
      assert.deepEqual(estimate?.input.dynamicSlots.map((slot) => slot.reason ?? null), [expected, null]);
    });
  });

  // A device or a FIFO blocked the old scan for ever: each runs in a CLI process with a guard.
  const blocking = cases.flatMap((entry, index) => (entry.name.includes('dev/zero') || entry.name.includes('FIFO') ? [{ entry, index }] : []));
  for (const { entry, index } of blocking) {
    it(`${entry.name}: refused at once, not read until killed`, () => {
      const run = spawnSync(process.execPath, [CLI, 'scan', '--format', 'json', caseFile(index)], { cwd: hostile.workspace, encoding: 'utf8', timeout: HANG_GUARD_MS });
      assert.equal(run.signal, null, `the scan was killed after ${HANG_GUARD_MS} ms: it hung`);
      assert.equal(run.status, 0, run.stderr);
      const json = JSON.parse(run.stdout) as { calls: { prompts: { parts: { reason?: string }[] }[] }[] };
      assert.deepEqual(json.calls.flatMap((call) => call.prompts.flatMap((prompt) => prompt.parts.flatMap((part) => part.reason ?? []))), [entry.reason]);
    });
  }
  if (!POSIX) it.skip('a FIFO and /dev/zero: skipped on Windows, which has neither to plant in a workspace');

  it('a file that grows past the limit after its size was looked at: at most the limit plus one byte is read', () => {
    const growing = path.join(hostile.workspace, 'prompts', 'growing.txt');
    fs.writeFileSync(growing, 'y'.repeat(300 * 1024));
    const { ino } = fs.statSync(growing);
    // Every size check sees the file as it was before it grew: 100 bytes.
    const small = (stats: fs.Stats): fs.Stats => (stats.ino === ino ? Object.create(stats, { size: { value: 100 } }) : stats);
    const stat = fs.statSync;
    const lstat = fs.lstatSync;
    const fstat = fs.fstatSync;
    const bytesRead: number[] = [];
    const readSync = fs.readSync;
    mock.method(fs, 'statSync', (...args: Parameters<typeof fs.statSync>) => small(stat(...args) as fs.Stats));
    mock.method(fs, 'lstatSync', (...args: Parameters<typeof fs.lstatSync>) => small(lstat(...args) as fs.Stats));
    mock.method(fs, 'fstatSync', (...args: Parameters<typeof fs.fstatSync>) => small(fstat(...args) as fs.Stats));
    mock.method(fs, 'readSync', (...args: Parameters<typeof fs.readSync>) => {
      const count = readSync(...args);
      bytesRead.push(count);
      return count;
    });
    let read;
    try {
      read = promptFileReader(hostile.workspace, new ReadBoundary([hostile.workspace]))('prompts/growing.txt');
    } finally {
      mock.restoreAll();
    }
    assert.deepEqual(read, { ok: false, reason: 'larger than 256 KB, not read' });
    // Refused by reading, not by a size check: the mocks made every size check say 100 bytes.
    const total = bytesRead.reduce((sum, count) => sum + count, 0);
    assert.ok(total > 100 && total <= 256 * 1024 + 1, `read ${bytesRead.join('+')} bytes`);
  });

  it('prompt files inside the workspace, and through links that stay inside it, count in full as before', async () => {
    const result = await scanOf(['app.py']);
    const read = parts(result).filter((part) => part.kind === 'static' && part.file !== undefined);
    assert.deepEqual(
      read.map((part) => [part.kind === 'static' ? part.file : '', part.kind === 'static' ? part.text : '']),
      Object.entries(INSIDE_PROMPTS),
    );
    const counted = Object.values(INSIDE_PROMPTS).reduce((sum, text) => sum + testEstimateContext().tokens.count(text, 'gpt-4o').tokens, 0);
    assert.equal(result.files[0]?.estimates[0]?.input.static, counted);
  });

  it('a whole scan of the workspace: links out of it are listed as skipped, never walked into', async () => {
    const result = await scanOf(['.']);
    const outside = result.skipped.filter((skip) => skip.reason === 'outside-root').map((skip) => skip.path);
    assert.deepEqual(outside, ['leaked.py', 'shared']);
    assert.equal(result.files.some((file) => file.path.startsWith('shared/') || file.path === 'leaked.py'), false);
    assert.equal(JSON.stringify(result).includes(SECRET_MARKER), false);
    // Each refusal of app.py is said once per prompt file.
    const app = result.files.find((file) => file.path === 'app.py');
    const refused = app?.analysis.calls[0]?.prompts.flatMap((prompt) => prompt.parts).filter((part): part is DynamicPart => part.kind === 'dynamic' && part.reason !== undefined);
    assert.equal(refused?.length, cases.length);
  });
});
