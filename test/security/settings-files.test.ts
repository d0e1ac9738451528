import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readWorkspaceConfig, workspaceConfigForUpdate } from '../../src/core/config/workspace-file';
import { POSIX, SECRET_MARKER } from './hostile-workspace';

/** Only a hang reaches this. */
const HANG_GUARD_MS = 30_000;
const REPO = path.join(__dirname, '..', '..');

/** Runs `script` (TypeScript, through tsx) in a process of its own, which a blocked read cannot stall the tests with. */
function runIsolated(script: string): string {
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--eval', script], { cwd: REPO, encoding: 'utf8', timeout: HANG_GUARD_MS });
  assert.equal(run.signal, null, `killed after ${HANG_GUARD_MS} ms: the read blocked`);
  assert.equal(run.status, 0, run.stderr);
  return run.stdout;
}

describe('settings and ignore files a hostile workspace plants', () => {
  let base: string;
  let folder: string;
  before(() => {
    base = realpathSync(mkdtempSync(path.join(tmpdir(), 'promptmeter-settings-')));
    folder = path.join(base, 'workspace');
    mkdirSync(folder);
    writeFileSync(path.join(base, 'outside.json'), `{ "callsPerDay": 3, "note": "${SECRET_MARKER}" }`);
    symlinkSync(path.join(base, 'outside.json'), path.join(folder, 'linked.json'));
  });
  after(() => rmSync(base, { recursive: true, force: true }));

  it('promptmeter.configFile naming a file outside the folder, by `..` or through a link: not read, and said', () => {
    for (const name of ['../outside.json', 'linked.json']) {
      const { layer, problems } = readWorkspaceConfig(folder, name);
      assert.deepEqual(layer, {}, name);
      assert.deepEqual(problems.map((problem) => problem.message), ['is outside the workspace folder, not read (the file is ignored)'], name);
    }
  });

  it('saving a scenario never writes outside the folder, nor through a link out of it', () => {
    assert.deepEqual(workspaceConfigForUpdate(folder, '../outside.json'), { problem: 'is outside the workspace folder, not written' });
    assert.deepEqual(workspaceConfigForUpdate(folder, 'linked.json'), { problem: 'is outside the workspace folder, not written' });
    // A new file in a folder that is a link out of the workspace.
    symlinkSync(base, path.join(folder, 'up'));
    assert.deepEqual(workspaceConfigForUpdate(folder, 'up/team.json'), { problem: 'is outside the workspace folder, not written' });
    assert.deepEqual(workspaceConfigForUpdate(folder, 'new.json'), { text: null });
  });

  it(`a .promptmeter.json that is a FIFO or a link to /dev/zero is refused at once${POSIX ? '' : ' (skipped on Windows: no FIFOs or devices)'}`, { skip: !POSIX }, () => {
    for (const [name, make] of [
      ['fifo.json', (file: string) => execFileSync('mkfifo', [file])],
      ['zero.json', (file: string) => symlinkSync('/dev/zero', file)],
    ] as const) {
      make(path.join(folder, name));
      const out = runIsolated(`
        const { readWorkspaceConfig } = require('./src/core/config/workspace-file');
        process.stdout.write(JSON.stringify(readWorkspaceConfig(${JSON.stringify(folder)}, ${JSON.stringify(name)}).problems.map((p) => p.message)));
      `);
      const expected = name === 'fifo.json' ? 'is a named pipe, not a regular file (the file is ignored)' : 'is outside the workspace folder, not read (the file is ignored)';
      assert.deepEqual(JSON.parse(out), [expected], name);
    }
  });

  it(`a .gitignore that is a FIFO does not stop the walk${POSIX ? '' : ' (skipped on Windows: no FIFOs)'}`, { skip: !POSIX }, () => {
    const repo = path.join(base, 'fifo-repo');
    mkdirSync(repo);
    writeFileSync(path.join(repo, 'app.py'), 'x = 1\n');
    execFileSync('mkfifo', [path.join(repo, '.gitignore')]);
    const out = runIsolated(`
      const { discoverFiles } = require('./src/core/workspace/discover');
      (async () => {
        const events = [];
        for await (const event of discoverFiles({ roots: ['.'], cwd: ${JSON.stringify(repo)} })) events.push(event.type === 'file' ? 'file ' + event.relPath : 'skip ' + event.relPath + ' ' + event.reason + ' ' + event.detail);
        process.stdout.write(JSON.stringify(events));
      })();
    `);
    assert.deepEqual(JSON.parse(out), ['skip .gitignore unreadable a named pipe, not a regular file, not read', 'file app.py']);
  });
});
