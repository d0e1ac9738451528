import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { discoverFiles, type DiscoverOptions, type DiscoveryEvent } from '../../../src/core/workspace/discover';
import { ReadBoundary } from '../../../src/core/workspace/read-boundary';

/** A fresh directory under the system temp dir, removed when the test ends. */
async function tempDir(t: TestContext): Promise<string> {
  // realpath: on macOS the temp dir is itself behind a symlink.
  const dir = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'promptmeter-discover-')));
  t.after(() => fs.rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Creates files (content by relative path) below `dir`. */
async function writeTree(dir: string, files: Record<string, string>): Promise<void> {
  for (const [relPath, content] of Object.entries(files)) {
    const file = path.join(dir, relPath);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, content);
  }
}

async function collect(options: DiscoverOptions): Promise<DiscoveryEvent[]> {
  const events: DiscoveryEvent[] = [];
  for await (const event of discoverFiles(options)) events.push(event);
  return events;
}

/** Events in a compact form: `file path` or `skip path reason`. */
async function summary(options: DiscoverOptions): Promise<string[]> {
  return (await collect(options)).map((event) =>
    event.type === 'file' ? `file ${event.relPath}` : `skip ${event.relPath} ${event.reason}`,
  );
}

test('yields source files with language and size, passing over other files silently', async (t) => {
  const dir = await tempDir(t);
  await writeTree(dir, {
    'app.py': 'x = 1\n',
    'web/App.tsx': 'export {};\n',
    'web/types.d.ts': 'export {};\n',
    'README.md': '# hi\n',
  });

  assert.deepEqual(await collect({ roots: ['.'], cwd: dir }), [
    { type: 'file', absPath: path.join(dir, 'app.py'), realPath: path.join(dir, 'app.py'), relPath: 'app.py', language: 'python', size: 6 },
    { type: 'file', absPath: path.join(dir, 'web', 'App.tsx'), realPath: path.join(dir, 'web', 'App.tsx'), relPath: 'web/App.tsx', language: 'tsx', size: 11 },
  ]);
});

test('walks depth-first in code-unit name order, the same on every run', async (t) => {
  const dir = await tempDir(t);
  // Written out of order, so the order below cannot come from creation order.
  await writeTree(dir, { 'c/d.py': '', 'b.py': '', 'a.py': '', 'a/z.py': '', 'A.py': '' });

  const expected = ['file A.py', 'file a/z.py', 'file a.py', 'file b.py', 'file c/d.py'];
  assert.deepEqual(await summary({ roots: [dir], cwd: dir }), expected);
  assert.deepEqual(await summary({ roots: [dir], cwd: dir }), expected);
});

test('paths are relative to cwd, wherever the root is', async (t) => {
  const dir = await tempDir(t);
  await writeTree(dir, { 'repo/src/a.py': '', 'other/b.ts': '' });

  assert.deepEqual(await summary({ roots: ['src', '../other'], cwd: path.join(dir, 'repo') }), [
    'file src/a.py',
    'file ../other/b.ts',
  ]);
});

test('vendored directories are reported once each and not entered', async (t) => {
  const dir = await tempDir(t);
  await writeTree(dir, {
    'node_modules/openai/index.js': '',
    'node_modules/openai/lib/x.js': '',
    'pkg/dist/bundle.js': '',
    '.venv/lib/a.py': '',
    'env/pyvenv.cfg': '',
    'env/lib/b.py': '',
    'py311/pyvenv.cfg': '',
    'py311/c.py': '',
    'pkg/env/real_code.py': '',
    'pkg/main.py': '',
  });

  assert.deepEqual(await summary({ roots: ['.'], cwd: dir }), [
    'skip .venv vendored',
    'skip env vendored',
    'skip node_modules vendored',
    'skip pkg/dist vendored',
    // Named `env` but not a virtual environment: walked like any directory.
    'file pkg/env/real_code.py',
    'file pkg/main.py',
    'skip py311 vendored',
  ]);
});

test('a virtual environment says why it was taken for one', async (t) => {
  const dir = await tempDir(t);
  await writeTree(dir, { 'tools/pyvenv.cfg': '', 'tools/x.py': '' });

  assert.deepEqual(await collect({ roots: ['.'], cwd: dir }), [
    { type: 'skip', relPath: 'tools', reason: 'vendored', detail: 'contains pyvenv.cfg' },
  ]);
});

test('a root is walked even when its name or contents would mark it vendored', async (t) => {
  const dir = await tempDir(t);
  await writeTree(dir, { 'build/pyvenv.cfg': '', 'build/gen.py': '' });

  assert.deepEqual(await summary({ roots: ['build'], cwd: dir }), ['file build/gen.py']);
});

test('gitignore rules apply, nested files to their own subtree and over their parents', async (t) => {
  const dir = await tempDir(t);
  await writeTree(dir, {
    '.gitignore': 'generated/\nsecret.py\n*.gen.py\n',
    'generated/a.py': '',
    'generated/b.py': '',
    'secret.py': '',
    'main.py': '',
    'api/.gitignore': '/local_*.py\n!keep.gen.py\n',
    'api/local_dev.py': '',
    'api/keep.gen.py': '',
    'api/other.gen.py': '',
    'api/deep/local_x.py': '',
    'web/local_dev.py': '',
  });

  assert.deepEqual(await summary({ roots: ['.'], cwd: dir }), [
    'file api/deep/local_x.py', // `/local_*.py` is anchored to api/
    'file api/keep.gen.py', // re-included by the nearer file
    'skip api/local_dev.py ignored',
    'skip api/other.gen.py ignored',
    'skip generated ignored',
    'file main.py',
    'skip secret.py ignored',
    'file web/local_dev.py', // api/.gitignore does not reach here
  ]);
});

test('.git/info/exclude applies when the root is a repository, below .gitignore in precedence', async (t) => {
  const dir = await tempDir(t);
  await writeTree(dir, {
    '.git/info/exclude': 'scratch*.py\n',
    '.gitignore': '!scratch_keep.py\n',
    'scratch.py': '',
    'scratch_keep.py': '',
    'sub/scratch.py': '',
    'main.py': '',
  });

  assert.deepEqual(await summary({ roots: ['.'], cwd: dir }), [
    'skip .git vendored',
    'file main.py',
    'skip scratch.py ignored',
    'file scratch_keep.py',
    'skip sub/scratch.py ignored',
  ]);
});

test('respectGitignore: false reads what ignore files name', async (t) => {
  const dir = await tempDir(t);
  await writeTree(dir, { '.gitignore': 'secret.py\n', 'secret.py': '' });

  assert.deepEqual(await summary({ roots: ['.'], cwd: dir, respectGitignore: false }), ['file secret.py']);
});

test('include globs keep only matching files, without reporting the rest', async (t) => {
  const dir = await tempDir(t);
  await writeTree(dir, { 'src/a.py': '', 'src/deep/b.py': '', 'src/c.ts': '', 'tests/test_a.py': '', 'setup.py': '' });

  assert.deepEqual(await summary({ roots: ['.'], cwd: dir, include: ['./src/**/*.py'] }), [
    'file src/a.py',
    'file src/deep/b.py',
  ]);
});

test('an empty include list filters nothing', async (t) => {
  const dir = await tempDir(t);
  await writeTree(dir, { 'a.py': '' });

  assert.deepEqual(await summary({ roots: ['.'], cwd: dir, include: [] }), ['file a.py']);
});

test('exclude globs report files, and whole directories named as dir, dir/ or dir/**', async (t) => {
  const dir = await tempDir(t);
  await writeTree(dir, {
    'src/gen/a.py': '',
    'src/gen/b.py': '',
    'src/proto/c.py': '',
    'src/snap/d.py': '',
    'src/main.py': '',
    'src/main_test.py': '',
    '.github/scripts/e.py': '',
  });

  const exclude = ['**/gen/**', 'src/proto/', 'src/snap', '**/*_test.py', '.github/**/*.py'];
  assert.deepEqual(await summary({ roots: ['.'], cwd: dir, exclude }), [
    'skip .github/scripts/e.py excluded', // globs reach into dot directories
    'skip src/gen excluded',
    'file src/main.py',
    'skip src/main_test.py excluded',
    'skip src/proto excluded',
    'skip src/snap excluded',
  ]);
});

test('a file named as a root is yielded whatever globs and ignore files say', async (t) => {
  const dir = await tempDir(t);
  await writeTree(dir, { '.gitignore': 'secret.py\n', 'secret.py': 'x\n', 'notes.txt': '' });

  const options = { cwd: dir, exclude: ['**'], include: ['nothing'] };
  assert.deepEqual(await collect({ ...options, roots: ['secret.py', 'notes.txt'] }), [
    { type: 'file', absPath: path.join(dir, 'secret.py'), realPath: path.join(dir, 'secret.py'), relPath: 'secret.py', language: 'python', size: 2 },
  ]);
});

test('files over maxFileSize are skipped with their size', async (t) => {
  const dir = await tempDir(t);
  await writeTree(dir, { 'big.py': '12345678901', 'fits.py': '1234567890' });

  assert.deepEqual(await collect({ roots: ['.'], cwd: dir, maxFileSize: 10 }), [
    { type: 'skip', relPath: 'big.py', reason: 'too-large', detail: '11 bytes, limit 10' },
    { type: 'file', absPath: path.join(dir, 'fits.py'), realPath: path.join(dir, 'fits.py'), relPath: 'fits.py', language: 'python', size: 10 },
  ]);
});

test('a missing root is reported as not found, and the other roots still walked', async (t) => {
  const dir = await tempDir(t);
  await writeTree(dir, { 'a.py': '' });

  assert.deepEqual(await collect({ roots: ['missing', 'missing.py', 'a.py'], cwd: dir }), [
    { type: 'skip', relPath: 'missing', reason: 'not-found' },
    { type: 'skip', relPath: 'missing.py', reason: 'not-found' },
    { type: 'file', absPath: path.join(dir, 'a.py'), realPath: path.join(dir, 'a.py'), relPath: 'a.py', language: 'python', size: 0 },
  ]);
});

test('symlinks inside the root are followed, but a directory is never walked twice', async (t) => {
  const dir = await tempDir(t);
  await writeTree(dir, { 'outside/shared.py': '', 'repo/pkg/a.py': '', 'repo/real.py': '' });
  const repo = path.join(dir, 'repo');
  await fs.symlink('..', path.join(repo, 'pkg', 'loop'));
  await fs.symlink(path.join(dir, 'outside'), path.join(repo, 'linked'));
  await fs.symlink(path.join(dir, 'outside', 'shared.py'), path.join(repo, 'shared.py'));
  await fs.symlink('real.py', path.join(repo, 'alias.py'));

  const outside = 'a symbolic link to a place outside the scan root, not followed (--follow-symlinks follows it)';
  assert.deepEqual(await collect({ roots: ['.'], cwd: repo }), [
    { type: 'file', absPath: path.join(repo, 'alias.py'), realPath: path.join(repo, 'real.py'), relPath: 'alias.py', language: 'python', size: 0 },
    { type: 'skip', relPath: 'linked', reason: 'outside-root', detail: outside },
    { type: 'file', absPath: path.join(repo, 'pkg', 'a.py'), realPath: path.join(repo, 'pkg', 'a.py'), relPath: 'pkg/a.py', language: 'python', size: 0 },
    { type: 'skip', relPath: 'pkg/loop', reason: 'symlink-loop', detail: 'same directory as .' },
    { type: 'file', absPath: path.join(repo, 'real.py'), realPath: path.join(repo, 'real.py'), relPath: 'real.py', language: 'python', size: 0 },
    { type: 'skip', relPath: 'shared.py', reason: 'outside-root', detail: outside },
  ]);
});

test('followSymlinks follows links out of the root, and lets their targets into the boundary', async (t) => {
  const dir = await tempDir(t);
  await writeTree(dir, { 'outside/shared.py': '', 'repo/real.py': '' });
  const repo = path.join(dir, 'repo');
  await fs.symlink(path.join(dir, 'outside'), path.join(repo, 'linked'));
  const boundary = new ReadBoundary([repo]);

  assert.deepEqual(await summary({ roots: ['.'], cwd: repo, boundary, followSymlinks: true }), ['file linked/shared.py', 'file real.py']);
  assert.equal(boundary.contains(path.join(dir, 'outside', 'shared.py')), true);
  assert.equal(boundary.contains(path.join(dir, 'elsewhere.py')), false);
});

test('a root that is a symbolic link out of the working directory is not walked', async (t) => {
  const dir = await tempDir(t);
  await writeTree(dir, { 'outside/a.py': '', 'repo/b.py': '' });
  const repo = path.join(dir, 'repo');
  await fs.symlink(path.join(dir, 'outside'), path.join(repo, 'vendor-link'));

  assert.deepEqual(await summary({ roots: ['vendor-link', 'b.py'], cwd: repo }), ['skip vendor-link outside-root', 'file b.py']);
  // Named outside the working directory, a root is a boundary of its own.
  assert.deepEqual(await summary({ roots: [path.join(dir, 'outside')], cwd: repo }), ['file ../outside/a.py']);
});

test('a broken symlink to a source file is unreadable', async (t) => {
  const dir = await tempDir(t);
  await fs.symlink(path.join(dir, 'gone.py'), path.join(dir, 'broken.py'));
  await fs.symlink(path.join(dir, 'gone'), path.join(dir, 'broken-notes.txt'));

  assert.deepEqual(await collect({ roots: ['.'], cwd: dir }), [
    { type: 'skip', relPath: 'broken.py', reason: 'unreadable', detail: 'ENOENT' },
  ]);
});

test('an unreadable directory is reported with its error code', async (t) => {
  if (process.platform === 'win32' || process.getuid?.() === 0) {
    t.skip('permissions do not block reads here (Windows, or running as root)');
    return;
  }
  const dir = await tempDir(t);
  await writeTree(dir, { 'locked/a.py': '', 'open.py': '' });
  const locked = path.join(dir, 'locked');
  await fs.chmod(locked, 0o000);
  let events: DiscoveryEvent[];
  try {
    events = await collect({ roots: ['.'], cwd: dir });
  } finally {
    await fs.chmod(locked, 0o755); // so the temp dir can be removed
  }

  assert.deepEqual(events, [
    { type: 'skip', relPath: 'locked', reason: 'unreadable', detail: 'EACCES' },
    { type: 'file', absPath: path.join(dir, 'open.py'), realPath: path.join(dir, 'open.py'), relPath: 'open.py', language: 'python', size: 0 },
  ]);
});

test('a file deleted between listing and stat is unreadable, and the walk goes on', async (t) => {
  const dir = await tempDir(t);
  await writeTree(dir, { 'a.py': '', 'b.py': '', 'c.py': '' });

  const seen: string[] = [];
  for await (const event of discoverFiles({ roots: ['.'], cwd: dir })) {
    seen.push(event.type === 'file' ? event.relPath : `${event.relPath} ${event.reason} ${event.detail}`);
    // The directory is listed by now; b.py is only looked at when the next event is asked for.
    if (seen.length === 1) await fs.rm(path.join(dir, 'b.py'));
  }
  assert.deepEqual(seen, ['a.py', 'b.py unreadable ENOENT', 'c.py']);
});

test('something other than a regular file is not handed to the scanner', async (t) => {
  if (process.platform === 'win32') {
    t.skip('no FIFOs on Windows');
    return;
  }
  const dir = await tempDir(t);
  execFileSync('mkfifo', [path.join(dir, 'pipe.py')]);

  assert.deepEqual(await collect({ roots: ['.'], cwd: dir }), [
    { type: 'skip', relPath: 'pipe.py', reason: 'unreadable', detail: 'not a regular file' },
  ]);
});

test('an aborted signal stops the walk without another event', async (t) => {
  const dir = await tempDir(t);
  await writeTree(dir, { 'a.py': '', 'b.py': '', 'sub/c.py': '' });

  const controller = new AbortController();
  const seen: string[] = [];
  for await (const event of discoverFiles({ roots: ['.', 'sub'], cwd: dir, signal: controller.signal })) {
    seen.push(event.relPath);
    controller.abort();
  }
  assert.deepEqual(seen, ['a.py']);

  assert.deepEqual(await collect({ roots: ['.'], cwd: dir, signal: AbortSignal.abort() }), []);
});
