import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { isWindowsDeviceName } from '../../../src/core/workspace/prompt-files';
import { boundaryOver, ReadBoundary, readRegularFile, type ReadOutcome } from '../../../src/core/workspace/read-boundary';

function text(outcome: ReadOutcome): string {
  assert.equal(outcome.ok, true, outcome.ok ? '' : outcome.detail);
  return outcome.ok ? outcome.bytes.toString('utf8') : '';
}

describe('ReadBoundary', () => {
  let base: string;
  let root: string;
  before(() => {
    base = realpathSync(mkdtempSync(path.join(tmpdir(), 'promptmeter-boundary-')));
    root = path.join(base, 'root');
    mkdirSync(path.join(root, 'sub'), { recursive: true });
    writeFileSync(path.join(root, 'sub', 'a.txt'), 'inside');
    writeFileSync(path.join(base, 'rootless.txt'), 'outside');
  });
  after(() => rmSync(base, { recursive: true, force: true }));

  it('contains what is below a root, by path segments, not by string prefix', () => {
    const boundary = new ReadBoundary([root]);
    assert.equal(boundary.contains(root), true);
    assert.equal(boundary.contains(path.join(root, 'sub', 'a.txt')), true);
    assert.equal(boundary.contains(path.join(root, '..x')), true, 'a name starting with two dots is inside');
    assert.equal(boundary.contains(base), false);
    assert.equal(boundary.contains(`${root}less.txt`), false, 'a sibling whose name starts like the root');
    assert.equal(boundary.contains(path.join(base, 'rootless.txt')), false);
  });

  it('drops roots that do not exist, and resolves the links of those that do', () => {
    symlinkSync(root, path.join(base, 'root-link'));
    const boundary = new ReadBoundary([path.join(base, 'missing'), path.join(base, 'root-link')]);
    assert.deepEqual(boundary.roots, [root]);
  });

  it('reads a file inside, through a link inside, and refuses one outside', () => {
    symlinkSync(path.join(root, 'sub', 'a.txt'), path.join(root, 'alias.txt'));
    symlinkSync(path.join(base, 'rootless.txt'), path.join(root, 'escape.txt'));
    const boundary = new ReadBoundary([root]);
    assert.equal(text(boundary.read(path.join(root, 'alias.txt'), 100)), 'inside');
    assert.deepEqual(boundary.read(path.join(root, 'escape.txt'), 100), { ok: false, reason: 'outside-root', detail: 'outside the workspace, not read' });
    assert.deepEqual(boundary.read(path.join(root, '..', 'rootless.txt'), 100), { ok: false, reason: 'outside-root', detail: 'outside the workspace, not read' });
  });

  it('reads exactly the limit, and refuses one byte more without reading it all', () => {
    writeFileSync(path.join(root, 'ten.txt'), '0123456789');
    const boundary = new ReadBoundary([root]);
    assert.equal(text(boundary.read(path.join(root, 'ten.txt'), 10)), '0123456789');
    assert.deepEqual(boundary.read(path.join(root, 'ten.txt'), 9), { ok: false, reason: 'too-large', detail: 'larger than 9 bytes, not read' });
    assert.deepEqual(boundary.read(path.join(root, 'ten.txt'), 0), { ok: false, reason: 'too-large', detail: 'larger than 0 bytes, not read' });
  });

  it('names what is not a regular file, what is missing, and a link loop', () => {
    symlinkSync('loop', path.join(root, 'loop'));
    const boundary = new ReadBoundary([root]);
    assert.deepEqual(boundary.read(path.join(root, 'sub'), 100), { ok: false, reason: 'not-a-file', detail: 'a folder, not a regular file, not read', kind: 'a folder' });
    assert.deepEqual(boundary.read(path.join(root, 'nothing.txt'), 100), { ok: false, reason: 'not-found', detail: 'not found', code: 'ENOENT' });
    assert.deepEqual(boundary.read(path.join(root, 'loop'), 100), { ok: false, reason: 'unreadable', detail: 'a symbolic link loop, not read', code: 'ELOOP' });
  });

  it('a file the walk saw as regular, swapped for a link before the read, is not followed', (t) => {
    if (process.platform === 'win32') {
      t.skip('O_NOFOLLOW is POSIX');
      return;
    }
    const file = path.join(root, 'swapped.txt');
    writeFileSync(file, 'was here');
    const walked = { realPath: file };
    unlinkSync(file);
    symlinkSync(path.join(base, 'rootless.txt'), file);
    assert.deepEqual(new ReadBoundary([root]).read(file, 100, walked), { ok: false, reason: 'unreadable', detail: 'replaced by a symbolic link while it was read, not read', code: 'ELOOP' });
  });

  it('one boundary is made per set of roots, and made again when they change', () => {
    const first = boundaryOver([root]);
    assert.equal(boundaryOver([root]), first);
    assert.notEqual(boundaryOver([base]), first);
  });

  it('admits a folder the user asked to follow a link into', () => {
    const boundary = new ReadBoundary([root]);
    boundary.admit(base);
    assert.equal(text(boundary.read(path.join(base, 'rootless.txt'), 100)), 'outside');
  });
});

describe('readRegularFile', () => {
  it('reads a file that says it is empty but is not, up to the limit (Linux /proc)', (t) => {
    if (process.platform !== 'linux') {
      t.skip('/proc is Linux');
      return;
    }
    const status = readRegularFile('/proc/self/status', 1024 * 1024);
    assert.match(text(status), /^Name:/);
    assert.deepEqual(readRegularFile('/proc/self/status', 10), { ok: false, reason: 'too-large', detail: 'larger than 10 bytes, not read' });
  });

  it('refuses a device without reading it', (t) => {
    if (process.platform === 'win32') {
      t.skip('no /dev/zero on Windows');
      return;
    }
    assert.deepEqual(readRegularFile('/dev/zero', 1024), { ok: false, reason: 'not-a-file', detail: 'a character device, not a regular file, not read', kind: 'a character device' });
  });
});

describe('Windows device names in a prompt file path', () => {
  it('are recognised whatever the case and extension, and ordinary names are not', () => {
    assert.deepEqual(['CON', 'nul.txt', 'prompts/Com1.md', 'LPT9', 'conout$'].map(isWindowsDeviceName), [true, true, true, true, true]);
    assert.deepEqual(['console.txt', 'prompts/nulls.md', 'com10', 'auxiliary.txt'].map(isWindowsDeviceName), [false, false, false, false]);
  });
});
