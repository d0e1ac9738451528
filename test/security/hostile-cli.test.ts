import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promptFileCases, SECRET_MARKER, writeHostileWorkspace, type HostileWorkspace } from './hostile-workspace';

/** The built CLI (`npm test` builds first), run as CI runs it on a contributor's branch. */
const CLI = path.join(__dirname, '..', '..', 'dist', 'cli.js');
/** Only a hang reaches this; the scan itself takes about a second (the time is printed). */
const HANG_GUARD_MS = 30_000;
const OUTSIDE_LINK = 'a symbolic link to a place outside the scan root, not followed (--follow-symlinks follows it)';

interface ScanJson {
  calls: { path: string; prompts: { parts: { kind: string; reason?: string; text?: string }[] }[] }[];
  skipped: { path: string; reason: string; detail?: string }[];
}

function run(cwd: string, args: string[], status = 0): { stdout: string; stderr: string; ms: number } {
  const started = performance.now();
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: HANG_GUARD_MS, maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - started;
  assert.equal(result.signal, null, `promptmeter ${args.join(' ')} was killed after ${HANG_GUARD_MS} ms: it hung`);
  assert.equal(result.status, status, result.stderr);
  return { stdout: result.stdout, stderr: result.stderr, ms };
}

describe('the CLI on a hostile workspace', () => {
  let hostile: HostileWorkspace;
  before(() => {
    hostile = writeHostileWorkspace();
  });
  after(() => rmSync(hostile.base, { recursive: true, force: true }));

  it('scan --format json: finishes, valid JSON, nothing from outside, every refusal listed with its reason', (t) => {
    const { stdout, ms } = run(hostile.workspace, ['scan', '--format', 'json', '.']);
    t.diagnostic(`scan of the hostile workspace: ${Math.round(ms)} ms`);
    assert.equal(stdout.includes(SECRET_MARKER), false, 'a byte of a file outside the workspace is in the output');
    const json = JSON.parse(stdout) as ScanJson;
    const app = json.calls.find((call) => call.path === 'app.py');
    const refusals = app?.prompts.flatMap((prompt) => prompt.parts.flatMap((part) => part.reason ?? []));
    assert.deepEqual(refusals, promptFileCases(hostile.secret).map((entry) => entry.reason));
    assert.deepEqual(
      json.skipped.filter((skip) => skip.reason === 'outside-root'),
      [
        { path: 'leaked.py', reason: 'outside-root', detail: OUTSIDE_LINK },
        { path: 'shared', reason: 'outside-root', detail: OUTSIDE_LINK },
      ],
    );
  });

  it('scan (text): each refusal is a note at the line that names the file', () => {
    const { stdout } = run(hostile.workspace, ['scan', 'app.py', '--no-color']);
    for (const entry of promptFileCases(hostile.secret)) assert.ok(stdout.includes(`note  ${entry.reason}`), `no note for ${entry.name}`);
    assert.equal(stdout.includes(SECRET_MARKER), false);
  });

  for (const format of ['json', 'md', 'html', 'sarif', 'text']) {
    it(`report --format ${format}: finishes, and nothing from outside the workspace is in it`, () => {
      const { stdout } = run(hostile.workspace, ['report', '--format', format, '.']);
      assert.equal(stdout.includes(SECRET_MARKER), false);
      if (format === 'json' || format === 'sarif') JSON.parse(stdout);
    });
  }

  it('run from the folder above the workspace: the boundary is the workspace, not the working directory', () => {
    const { stdout } = run(hostile.base, ['scan', '--format', 'json', 'workspace']);
    assert.equal(stdout.includes(SECRET_MARKER), false, 'a byte of a file outside the workspace is in the output');
    const json = JSON.parse(stdout) as ScanJson;
    const app = json.calls.find((call) => call.path === 'workspace/app.py');
    const refusals = app?.prompts.flatMap((prompt) => prompt.parts.flatMap((part) => part.reason ?? [])) ?? [];
    assert.ok(refusals.includes('prompt file ../outside/secret.txt: outside the workspace, not read'), refusals.join('\n'));
  });

  it('a path named on the command line that is a link out of the project is an error, not an empty scan', () => {
    const { stderr } = run(hostile.workspace, ['scan', 'shared'], 2);
    assert.match(stderr, /^promptmeter: shared: a symbolic link out of the project; scan the place it points to, or pass --follow-symlinks\n$/);
  });

  it('a file name that reads as a URL scheme makes no javascript: link in the HTML report', () => {
    const name = 'javascript:alert(document.domain).py';
    writeFileSync(path.join(hostile.workspace, name), 'from openai import OpenAI\nOpenAI().chat.completions.create(model="gpt-4o", messages=[])\n');
    try {
      const { stdout } = run(hostile.workspace, ['report', '--format', 'html', '.']);
      assert.ok(stdout.includes('javascript%3Aalert'), 'the file is not in the report');
      assert.doesNotMatch(stdout, /href="\s*javascript:/i);
    } finally {
      rmSync(path.join(hostile.workspace, name));
    }
  });

  it('control characters in a model name and a file name never reach the terminal', () => {
    const model = 'gpt-4o\u001b[2J\u001b]0;owned\u0007\u001b]8;;https://example.test\u0007link';
    writeFileSync(path.join(hostile.workspace, 'term\u001b[31m.py'), `from openai import OpenAI\nOpenAI().chat.completions.create(model="${model}", messages=[])\n`);
    for (const args of [['scan', '--no-color', '.'], ['report', '--format', 'text', '--no-color', '.']]) {
      const { stdout } = run(hostile.workspace, args);
      assert.ok(stdout.includes('gpt-4o\uFFFD[2J'), `the model is not shown: ${stdout}`);
      assert.equal(/[\u0000-\u0008\u000b-\u001f\u007f]/.test(stdout), false, `promptmeter ${args.join(' ')} printed a control character`);
    }
    // A settings key is the workspace's text too, in the warning on stderr.
    const settings = mkdtempSync(path.join(tmpdir(), 'promptmeter-settings-key-'));
    try {
      writeFileSync(path.join(settings, '.promptmeter.json'), '{ "\\u001b]0;owned\\u0007\\u001b[2J": 1 }');
      const { stderr } = run(settings, ['scan', '.']);
      assert.match(stderr, /warning: .*is not a Promptmeter setting/);
      assert.equal(/[\u0000-\u0008\u000b-\u001f\u007f]/.test(stderr), false, 'a control character in the warning');
    } finally {
      rmSync(settings, { recursive: true, force: true });
    }
  });

  it('--follow-symlinks opts in: the links are walked, and what they lead to counts as inside', () => {
    const { stdout } = run(hostile.workspace, ['scan', '--format', 'json', '--follow-symlinks', '.']);
    const json = JSON.parse(stdout) as ScanJson;
    assert.deepEqual(json.skipped.filter((skip) => skip.reason === 'outside-root'), []);
    assert.ok(json.calls.some((call) => call.path === 'shared/leaked.py'), 'the linked folder was not walked');
    assert.ok(json.calls.some((call) => call.path === 'leaked.py'), 'the linked file was not read');
    // An absolute path names a place on one machine: never read, whatever the walk follows.
    const app = json.calls.find((call) => call.path === 'app.py');
    const refusals = app?.prompts.flatMap((prompt) => prompt.parts.flatMap((part) => part.reason ?? [])) ?? [];
    assert.ok(refusals.includes(`prompt file ${hostile.secret}: an absolute path, not read`), refusals.join('\n'));
  });
});
