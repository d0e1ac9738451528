/**
 * git run on a repository that anyone could have pushed: the git that runs is
 * never one from the workspace, it runs hardened, and prompt files are read
 * from the commit only inside the folder being compared.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gitArguments, gitEnvironment } from '../../src/core/scan/git-command';
import { GitError, gitPromptFileReader, readGitSources } from '../../src/core/scan/git-source';

const ON_WINDOWS = process.platform === 'win32';
const BOT = 'from openai import OpenAI\nOpenAI().chat.completions.create(model="gpt-4o", max_tokens=10, messages=[])\n';

/** git for building the repositories, with a fixed identity and none of the user's settings. */
function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
  });
  assert.equal(result.status, 0, `git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

function repository(name: string, files: Record<string, string | Buffer>): string {
  const folder = mkdtempSync(path.join(tmpdir(), `promptmeter-${name}-`));
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    writeFileSync(path.join(folder, file), content);
  }
  git(folder, 'init', '-q');
  return folder;
}

function commit(folder: string): void {
  git(folder, 'add', '-A');
  git(folder, 'commit', '-q', '-m', 'files');
}

/** A shell script that leaves `marker` behind when it runs, and fails. */
function plantScript(file: string, marker: string): void {
  writeFileSync(file, `#!/bin/sh\necho ran > '${marker}'\nexit 1\n`);
  chmodSync(file, 0o755);
}

/** Runs `body` with process.env[name] set to `value` (or unset), as git-source reads it. */
async function withEnv<T>(name: string, value: string | undefined, body: () => Promise<T>): Promise<T> {
  const saved = process.env[name];
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
  try {
    return await body();
  } finally {
    if (saved === undefined) delete process.env[name];
    else process.env[name] = saved;
  }
}

async function sourceFiles(cwd: string): Promise<string[]> {
  const files: string[] = [];
  for await (const event of readGitSources({ cwd, ref: 'HEAD', roots: ['.'] })) if (event.type === 'file') files.push(event.relPath);
  return files;
}

const REAL_PATH = process.env.PATH ?? '';

describe('git is found outside the workspace', () => {
  let repo: string;
  let marker: string;
  let outside: string;

  before(() => {
    repo = repository('planted-git', { 'bot.py': BOT, 'prompt.txt': 'Answer briefly.' });
    marker = path.join(repo, 'planted-git-ran');
    if (!ON_WINDOWS) plantScript(path.join(repo, 'git'), marker);
    commit(repo);
    assert.match(git(repo, 'ls-files', '-s', 'git'), ON_WINDOWS ? /^$/ : /^100755 /, 'the script is committed, executable');
    outside = mkdtempSync(path.join(tmpdir(), 'promptmeter-outside-'));
    if (!ON_WINDOWS) symlinkSync(repo, path.join(outside, 'into-repo'));
  });

  after(() => {
    rmSync(repo, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  const cases: { name: string; entry: () => string }[] = [
    { name: 'an empty PATH entry (POSIX: an empty entry is the current directory)', entry: () => '' },
    { name: "a '.' PATH entry (POSIX: a git script can be committed executable)", entry: () => '.' },
    { name: "the repository's own folder on the PATH (POSIX: a git script can be committed executable)", entry: () => repo },
    { name: 'a link outside the repository that leads into it (POSIX: symbolic links)', entry: () => path.join(outside, 'into-repo') },
  ];
  for (const { name, entry } of cases) {
    it(`never runs the committed git for ${name}`, { skip: ON_WINDOWS }, async () => {
      const { files, prompt } = await withEnv('PATH', `${entry()}${path.delimiter}${REAL_PATH}`, async () => ({
        files: await sourceFiles(repo).catch((error: unknown) => error),
        prompt: gitPromptFileReader(repo, 'HEAD', 'bot.py')('prompt.txt'),
      }));
      assert.equal(existsSync(marker), false, 'the planted git ran');
      assert.deepEqual(files, ['bot.py']);
      assert.deepEqual(prompt, { ok: true, text: 'Answer briefly.' });
    });
  }

  it('never runs a git committed above the folder it runs in (a monorepo package: npm run puts the top node_modules/.bin on PATH)', { skip: ON_WINDOWS }, async () => {
    const top = repository('monorepo', { 'packages/a/bot.py': BOT });
    const planted = path.join(top, 'planted-git-ran');
    mkdirSync(path.join(top, 'node_modules', '.bin'), { recursive: true });
    plantScript(path.join(top, 'node_modules', '.bin', 'git'), planted);
    commit(top);
    try {
      const files = await withEnv('PATH', `${path.join(top, 'node_modules', '.bin')}${path.delimiter}${REAL_PATH}`, () => sourceFiles(path.join(top, 'packages', 'a')));
      assert.equal(existsSync(planted), false, 'the planted git ran');
      assert.deepEqual(files, ['bot.py']);
    } finally {
      rmSync(top, { recursive: true, force: true });
    }
  });

  it('says so when the only git is in the workspace, and runs none (POSIX: a git script can be committed executable)', { skip: ON_WINDOWS }, async () => {
    const failure = await withEnv('PATH', `${repo}${path.delimiter}.`, () => sourceFiles(repo).catch((error: unknown) => error));
    assert.equal(existsSync(marker), false, 'the planted git ran');
    assert.deepEqual(failure, new GitError('git is not installed or not on the PATH (outside the workspace)'));
  });
});

describe('what git runs with', () => {
  it('global options that keep git from taking locks or starting an fsmonitor come before the command', () => {
    assert.deepEqual(gitArguments(['ls-tree', 'HEAD']), ['--no-optional-locks', '-c', 'core.fsmonitor=', 'ls-tree', 'HEAD']);
  });

  it('the environment is hardened, keeps the global config, and loses what redirects git or starts programs', () => {
    const env = gitEnvironment(
      { HOME: '/home/me', PATH: `.${path.delimiter}/usr/bin`, GIT_CONFIG_GLOBAL: '/home/me/.gitconfig', GIT_DIR: '/elsewhere/.git', GIT_SSH_COMMAND: 'evil', GIT_EXTERNAL_DIFF: 'evil' },
      '/usr/bin',
    );
    assert.deepEqual(env, {
      HOME: '/home/me',
      PATH: '/usr/bin',
      GIT_CONFIG_GLOBAL: '/home/me/.gitconfig',
      GIT_TERMINAL_PROMPT: '0',
      GIT_OPTIONAL_LOCKS: '0',
      GIT_NO_LAZY_FETCH: '1',
      GIT_ALLOW_PROTOCOL: '(none)',
      GIT_PAGER: 'cat',
    });
  });

  it('is what git sees: a wrapper on the PATH logs its arguments and environment (POSIX: a shell script as git)', { skip: ON_WINDOWS }, async () => {
    const repo = repository('wrapped', { 'bot.py': BOT });
    const bin = mkdtempSync(path.join(tmpdir(), 'promptmeter-bin-'));
    try {
      commit(repo);
      const realGit = REAL_PATH.split(path.delimiter).map((entry) => path.join(entry, 'git')).find((file) => path.isAbsolute(file) && existsSync(file));
      assert.ok(realGit, 'git on the PATH');
      const wrapper = path.join(bin, 'git');
      writeFileSync(wrapper, `#!/bin/sh\necho "$*" >> '${bin}/args'\nenv > '${bin}/env'\nexec '${realGit}' "$@"\n`);
      chmodSync(wrapper, 0o755);
      // Set by a git hook or by hand, it would point git at another repository.
      const files = await withEnv('GIT_DIR', path.join(bin, 'no-such-repository'), () => withEnv('PATH', `${bin}${path.delimiter}${REAL_PATH}`, () => sourceFiles(repo)));
      assert.deepEqual(files, ['bot.py']);
      const invocations = readFileSync(path.join(bin, 'args'), 'utf8').trim().split('\n');
      assert.deepEqual(invocations, ['--no-optional-locks -c core.fsmonitor= ls-tree -r -z --long HEAD -- .', '--no-optional-locks -c core.fsmonitor= cat-file --batch']);
      const seen = readFileSync(path.join(bin, 'env'), 'utf8').split('\n');
      for (const line of ['GIT_TERMINAL_PROMPT=0', 'GIT_OPTIONAL_LOCKS=0', 'GIT_NO_LAZY_FETCH=1', 'GIT_ALLOW_PROTOCOL=(none)', 'GIT_PAGER=cat']) {
        assert.ok(seen.includes(line), line);
      }
      assert.equal(seen.find((line) => line.startsWith('GIT_DIR=')), undefined);
    } finally {
      rmSync(repo, { recursive: true, force: true });
      rmSync(bin, { recursive: true, force: true });
    }
  });

  it('fetches nothing for a partial clone whose .git/config names a core.sshCommand (POSIX: a shell command)', { skip: ON_WINDOWS }, async () => {
    const repo = repository('promisor', { 'bot.py': BOT, 'prompt.txt': 'Answer briefly.' });
    const marker = path.join(repo, 'ssh-command-ran');
    try {
      commit(repo);
      // The blobs are missing, as in a blobless clone, so git would fetch them from the promisor remote.
      for (const file of ['bot.py', 'prompt.txt']) {
        const object = git(repo, 'rev-parse', `HEAD:${file}`);
        unlinkSync(path.join(repo, '.git', 'objects', object.slice(0, 2), object.slice(2)));
      }
      git(repo, 'config', 'core.repositoryformatversion', '1');
      git(repo, 'config', 'extensions.partialClone', 'origin');
      git(repo, 'config', 'remote.origin.promisor', 'true');
      git(repo, 'config', 'remote.origin.url', 'ssh://example.invalid/repo.git');
      git(repo, 'config', 'core.sshCommand', `echo ran > '${marker}'; false`);
      // git reports the blob's size as BAD (the file is left out) or fails; either way nothing runs.
      await sourceFiles(repo).catch((error: unknown) => assert.ok(error instanceof GitError, String(error)));
      assert.equal(existsSync(marker), false, 'core.sshCommand ran for ls-tree');
      assert.deepEqual(gitPromptFileReader(repo, 'HEAD', 'bot.py')('prompt.txt'), { ok: false, reason: 'not found' });
      assert.equal(existsSync(marker), false, 'core.sshCommand ran for the prompt file');
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });
});

describe('prompt files from a commit', () => {
  const SYSTEM = 'You answer questions about invoices.';
  let repo: string;
  let app: string;

  before(() => {
    repo = repository('prompt-files', {
      'secret.txt': 'TOP SECRET above the compared folder',
      'app/bot.py': BOT,
      'app/prompts/system.txt': SYSTEM,
      'app/big.txt': 'x'.repeat(300 * 1024),
      'app/binary.txt': Buffer.from([0x61, 0x62, 0x63, 0x00, 0x64]),
    });
    app = path.join(repo, 'app');
    if (!ON_WINDOWS) symlinkSync('/etc/passwd', path.join(app, 'link.txt'));
    commit(repo);
  });

  after(() => rmSync(repo, { recursive: true, force: true }));

  it('reads a file inside the compared folder, relative to the source file', () => {
    assert.deepEqual(gitPromptFileReader(app, 'HEAD', 'bot.py')('prompts/system.txt'), { ok: true, text: SYSTEM });
    assert.deepEqual(gitPromptFileReader(app, 'HEAD', 'prompts/bot.py')('system.txt'), { ok: true, text: SYSTEM });
    assert.deepEqual(gitPromptFileReader(app, 'HEAD', 'sub/bot.py')('../prompts/./system.txt'), { ok: true, text: SYSTEM });
  });

  it('says why it read nothing, for each path a hostile repository could name', () => {
    const read = gitPromptFileReader(app, 'HEAD', 'bot.py');
    const expected: Record<string, string> = {
      '/etc/passwd': 'an absolute path, not read',
      'C:\\Windows\\win.ini': 'an absolute path, not read',
      '../secret.txt': 'outside the workspace, not read',
      'prompts/../../secret.txt': 'outside the workspace, not read',
      '../../../../etc/passwd': 'outside the workspace, not read',
      '..': 'outside the workspace, not read',
      // Pathspec magic for the top of the repository, taken as a name.
      ':(top)secret.txt': 'not found',
      ':/secret.txt': 'not found',
      'missing.txt': 'not found',
      prompts: 'not a regular file: not read',
      'big.txt': 'larger than 256 KB, not read',
      'binary.txt': 'not text (NUL byte at offset 3), not read',
    };
    const results = Object.keys(expected).map((file) => ({ file, result: read(file) }));
    for (const { file, result } of results) assert.ok(!JSON.stringify(result).includes('TOP SECRET'), `${file}: read from above the compared folder`);
    for (const { file, result } of results) assert.deepEqual(result, { ok: false, reason: expected[file] }, file);
  });

  it('does not follow a committed symbolic link to /etc/passwd (POSIX: symbolic links and /etc/passwd)', { skip: ON_WINDOWS }, () => {
    assert.match(git(repo, 'ls-files', '-s', 'app/link.txt'), /^120000 /);
    const passwd = readFileSync('/etc/passwd', 'utf8');
    const read = gitPromptFileReader(app, 'HEAD', 'bot.py');
    const results = ['link.txt', '/etc/passwd', '../../../../../../etc/passwd', 'link.txt/'].map((file) => read(file));
    assert.deepEqual(results[0], { ok: false, reason: 'a symbolic link in the commit, not followed' });
    for (const result of results) {
      const text = result.ok ? result.text : result.reason;
      assert.ok(!passwd.split('\n').some((line) => line.length > 0 && text.includes(line)), JSON.stringify(result));
    }
  });
});
