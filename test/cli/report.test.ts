import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { formatUsd } from '../../src/core/report/format';

/** Runs the built CLI (`npm test` builds first), as a user or CI would. */
const CLI = path.join(__dirname, '..', '..', 'dist', 'cli.js');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], cwd: string): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** git with a fixed identity and none of the user's settings. */
function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
  });
  assert.equal(result.status, 0, `git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

const LIMITED_MINI = 'from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o-mini", messages=[], max_tokens=100)\n';
// The same call on a dearer model, and a second call without an output limit (a missing-max-tokens warning).
const CHANGED =
  'from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o", messages=[], max_tokens=100)\nclient.chat.completions.create(model="gpt-4o", messages=[])\n';

interface JsonCall {
  id: string;
  line: number;
  model: string | null;
  monthly: number | null;
  perCall: number | null;
}

describe('promptmeter report', () => {
  let workspace: string;

  before(() => {
    workspace = mkdtempSync(path.join(tmpdir(), 'promptmeter-report-'));
    writeFileSync(path.join(workspace, 'bot.py'), CHANGED);
  });

  after(() => rmSync(workspace, { recursive: true, force: true }));

  it('writes every format to standard output and to --output, deterministically and without a progress line', () => {
    const json = run(['report', '--format', 'json'], workspace);
    assert.equal(json.status, 0);
    assert.equal(json.stderr, '');
    const report = JSON.parse(json.stdout);
    assert.equal(report.schemaVersion, 1);
    assert.equal(report.totals.callSites, 2);
    assert.deepEqual(report.calls.map((call: JsonCall) => call.id).sort(), ['bot.py:chat.completions.create:0', 'bot.py:chat.completions.create:1']);
    assert.equal(run(['report', '--format', 'json'], workspace).stdout, json.stdout, 'no timestamps or timings');

    const text = run(['report'], workspace);
    assert.equal(text.status, 0);
    assert.match(text.stdout, /per month across 2 LLM call sites in 1 file/);
    assert.doesNotMatch(text.stdout, /\x1b\[/, 'no colour when not a terminal');

    const checks: Record<string, (output: string) => void> = {
      text: (output) => assert.match(output, /Promptmeter cost report/),
      md: (output) => assert.match(output, /^# .*\n/),
      html: (output) => assert.match(output, /^<!DOCTYPE html>/i),
      json: (output) => assert.equal(JSON.parse(output).totals.callSites, 2),
      sarif: (output) => {
        const sarif = JSON.parse(output);
        assert.equal(sarif.version, '2.1.0');
        assert.deepEqual(sarif.runs[0].results.map((result: { ruleId: string }) => result.ruleId), ['missing-max-tokens']);
      },
    };
    for (const [format, check] of Object.entries(checks)) {
      const stdout = run(['report', '--format', format], workspace);
      assert.equal(stdout.status, 0, `${format}: ${stdout.stderr}`);
      check(stdout.stdout);
      const file = path.join(workspace, `out.${format}`);
      const written = run(['report', '--format', format, '--output', file], workspace);
      assert.equal(written.status, 0, `${format} --output: ${written.stderr}`);
      assert.equal(written.stdout, '', `${format}: nothing on stdout with --output`);
      assert.equal(readFileSync(file, 'utf8'), stdout.stdout, `${format}: the file holds what stdout shows`);
      rmSync(file);
    }
  });

  it('--fail-on exits 1 for a finding at or above the severity, with one line on stderr', () => {
    const failed = run(['report', '--fail-on', 'warning'], workspace);
    assert.equal(failed.status, 1);
    assert.match(failed.stderr, /^promptmeter: 1 finding at warning or above \(--fail-on warning\), first bot\.py:4:\d+ missing-max-tokens\n$/);
    assert.match(failed.stdout, /Promptmeter cost report/, 'the report is still written');
    assert.equal(run(['report', '--fail-on', 'hint'], workspace).status, 1);
    const passed = run(['report', '--fail-on', 'error'], workspace);
    assert.equal(passed.status, 0);
    assert.equal(passed.stderr, '');
    const bad = run(['report', '--fail-on', 'fatal'], workspace);
    assert.equal(bad.status, 2);
    assert.equal(bad.stderr, "promptmeter: --fail-on must be error, warning, info, hint, not 'fatal'\n");
  });

  it('--budget-monthly and --budget-per-call exit 1 when exceeded, one line per reason', () => {
    const report = JSON.parse(run(['report', '--format', 'json'], workspace).stdout);
    const total: number = report.totals.monthly;
    const dearest = Math.max(...report.calls.map((call: JsonCall) => call.perCall ?? 0));

    const monthly = run(['report', '--budget-monthly', String(Math.floor(total))], workspace);
    assert.equal(monthly.status, 1);
    assert.equal(monthly.stderr, `promptmeter: monthly cost ≈${formatUsd(total)} is over the budget of ${formatUsd(Math.floor(total))} (--budget-monthly)\n`);
    assert.equal(run(['report', '--budget-monthly', String(Math.ceil(total))], workspace).status, 0);

    const perCall = run(['report', '--budget-per-call', String(dearest / 2)], workspace);
    assert.equal(perCall.status, 1);
    assert.match(perCall.stderr, /^promptmeter: 1 call site over the budget of \$[\d.]+ per call \(--budget-per-call\), the most expensive bot\.py:4:\d+ at \$[\d.]+\n$/);
    assert.equal(run(['report', '--budget-per-call', String(dearest * 2)], workspace).status, 0);

    const both = run(['report', '--budget-monthly', '1', '--budget-per-call', '0.000001', '--fail-on', 'warning'], workspace);
    assert.equal(both.status, 1);
    assert.equal(both.stderr.trimEnd().split('\n').length, 3);

    for (const [flag, value] of [['--budget-monthly', 'lots'], ['--budget-per-call', '-1'], ['--budget-monthly', '']]) {
      const bad = run(['report', `${flag}=${value}`], workspace);
      assert.equal(bad.status, 2, `${flag} ${value}`);
      assert.match(bad.stderr, new RegExp(`^promptmeter: ${flag} must be an amount of US dollars such as 250 or 0\\.05, not '${value}'\\n$`));
    }
  });

  it('fails with one clear line and exit code 2 on bad usage', () => {
    const cases: [string[], RegExp][] = [
      [['report', '--format', 'xml'], /^promptmeter: --format must be text, md, html, json, sarif, not 'xml'\n$/],
      [['report', 'no/such/dir'], /^promptmeter: path not found: no\/such\/dir\n$/],
      [['report', '--fail-on-increase', '10%'], /^promptmeter: --fail-on-increase needs --baseline\n$/],
      [['report', '--baseline', 'HEAD', '--fail-on-increase', 'ten'], /^promptmeter: --fail-on-increase must be US dollars a month \(100\) or a percentage \(10%\), not 'ten'\n$/],
      [['report', '--baseline', 'missing.json'], /^promptmeter: --baseline missing\.json: no such file\n$/],
      [['report', '--output', path.join('no', 'such', 'dir', 'r.md')], /^promptmeter: cannot write no\/such\/dir\/r\.md: ENOENT\n$/],
      [['report', '--fix'], /^promptmeter: .*--fix.*\n$/],
      [['report', '--budget-per-call', '-1'], /^promptmeter: Option '--budget-per-call' argument is ambiguous\.\n$/],
    ];
    for (const [args, stderr] of cases) {
      const result = run(args, workspace);
      assert.equal(result.status, 2, args.join(' '));
      assert.match(result.stderr, stderr, args.join(' '));
    }
  });

  describe('--baseline', () => {
    let repo: string;

    before(() => {
      repo = mkdtempSync(path.join(tmpdir(), 'promptmeter-baseline-'));
      git(repo, 'init', '-q');
      writeFileSync(path.join(repo, 'bot.py'), LIMITED_MINI);
      writeFileSync(path.join(repo, 'README.md'), '# not source\n');
      git(repo, 'add', '.');
      git(repo, 'commit', '-q', '-m', 'one call');
      writeFileSync(path.join(repo, 'bot.py'), CHANGED);
      git(repo, 'commit', '-q', '-a', '-m', 'dearer model, one more call');
    });

    after(() => rmSync(repo, { recursive: true, force: true }));

    it('compares with a git ref: added cost per call and in total, new findings, in JSON and Markdown', () => {
      const json = run(['report', '--baseline', 'HEAD~1', '--format', 'json'], repo);
      assert.equal(json.status, 0, json.stderr);
      const { report, diff } = JSON.parse(json.stdout);
      assert.equal(report.totals.callSites, 2, 'report is the work tree');
      assert.equal(diff.totals.callSites.before, 1);
      assert.equal(diff.totals.after, report.totals.monthly);
      assert.ok(diff.totals.delta > 0);
      assert.ok(Math.abs(diff.totals.after - diff.totals.before - diff.totals.delta) < 1e-9);

      const [added] = diff.calls.added;
      assert.equal(diff.calls.added.length, 1);
      assert.equal(added.id, 'bot.py:chat.completions.create:1');
      assert.equal(added.before, null);
      assert.equal(added.after.model, 'gpt-4o');
      assert.equal(added.monthlyDelta, report.calls.find((call: JsonCall) => call.id === added.id).monthly);
      const [changed] = diff.calls.changed;
      assert.equal(changed.id, 'bot.py:chat.completions.create:0');
      assert.deepEqual([changed.before.model, changed.after.model], ['gpt-4o-mini', 'gpt-4o']);
      assert.ok(changed.monthlyDelta > 0);
      assert.deepEqual(diff.calls.removed, []);
      assert.deepEqual(diff.findings.new.map((finding: { ruleId: string; line: number }) => `${finding.ruleId}:${finding.line}`), ['missing-max-tokens:4']);
      assert.deepEqual(diff.findings.fixed, []);

      const markdown = run(['report', '--baseline', 'HEAD~1', '--format', 'md'], repo);
      assert.equal(markdown.status, 0, markdown.stderr);
      const headline = `### LLM cost: +${formatUsd(diff.totals.delta)}/mo (+${diff.totals.percent.toFixed(1)}%)`;
      assert.equal(markdown.stdout.split('\n')[0], headline);
      assert.ok(markdown.stdout.includes(`| \`bot.py:4\` \`chat.completions.create\` (new) | gpt-4o |`));
      assert.ok(markdown.stdout.includes(`| +${formatUsd(added.monthlyDelta)} |`));
      assert.ok(markdown.stdout.includes('| gpt-4o-mini → gpt-4o |'));
      assert.match(markdown.stdout, /\*\*1 new finding\*\*\n\n- \*\*warning\*\* `missing-max-tokens` at `bot\.py:4`/);

      const text = run(['report', '--baseline', 'HEAD~1'], repo);
      assert.equal(text.status, 0);
      assert.equal(text.stdout.split('\n')[0], headline.replace('### ', ''));
    });

    it('reads the ref with git alone: the work tree, index and HEAD stay as they were', () => {
      const head = git(repo, 'rev-parse', 'HEAD');
      writeFileSync(path.join(repo, 'bot.py'), `${CHANGED}# uncommitted\n`);
      try {
        assert.equal(run(['report', '--baseline', 'HEAD~1', '--format', 'md'], repo).status, 0);
        assert.equal(readFileSync(path.join(repo, 'bot.py'), 'utf8'), `${CHANGED}# uncommitted\n`);
        assert.equal(git(repo, 'rev-parse', 'HEAD'), head);
        assert.equal(git(repo, 'status', '--porcelain'), ' M bot.py\n');
      } finally {
        writeFileSync(path.join(repo, 'bot.py'), CHANGED);
      }
    });

    it('compares with a report.json from --format json, or with a { report, diff } file', () => {
      git(repo, 'checkout', '-q', 'HEAD~1', '--', 'bot.py');
      const base = path.join(repo, 'base.json');
      try {
        assert.equal(run(['report', '--format', 'json', '--output', base], repo).status, 0);
      } finally {
        git(repo, 'checkout', '-q', 'HEAD', '--', 'bot.py');
      }
      const fromFile = run(['report', '--baseline', 'base.json', '--format', 'json'], repo);
      assert.equal(fromFile.status, 0, fromFile.stderr);
      const fromRef = run(['report', '--baseline', 'HEAD~1', '--format', 'json'], repo);
      assert.deepEqual(JSON.parse(fromFile.stdout).diff, JSON.parse(fromRef.stdout).diff);

      writeFileSync(path.join(repo, 'both.json'), fromRef.stdout);
      const same = run(['report', '--baseline', 'both.json', '--format', 'md'], repo);
      assert.match(same.stdout, /^### LLM cost: no change \(\$[\d.,]+\/mo\)\n/);
      assert.match(same.stdout, /No call site changed cost\./);

      writeFileSync(path.join(repo, 'other.json'), '{"hello": "world"}');
      const other = run(['report', '--baseline', 'other.json'], repo);
      assert.equal(other.status, 2);
      assert.equal(other.stderr, "promptmeter: --baseline other.json: not a report written by 'promptmeter report --format json'\n");
    });

    it('--fail-on-increase takes US dollars a month or a percentage of the base total', () => {
      const { diff } = JSON.parse(run(['report', '--baseline', 'HEAD~1', '--format', 'json'], repo).stdout);
      const over = run(['report', '--baseline', 'HEAD~1', '--format', 'md', '--fail-on-increase', String(Math.floor(diff.totals.delta))], repo);
      assert.equal(over.status, 1);
      assert.match(over.stderr, /^promptmeter: monthly cost rose by \+\$[\d.,]+\/mo \(\+[\d.]+%\), more than the allowed \$[\d.,]+\/mo \(--fail-on-increase\)\n$/);
      assert.match(over.stdout, /^### LLM cost/, 'the diff is still written');
      assert.equal(run(['report', '--baseline', 'HEAD~1', '--fail-on-increase', String(Math.ceil(diff.totals.delta))], repo).status, 0);
      const percent = diff.totals.percent as number;
      assert.equal(run(['report', '--baseline', 'HEAD~1', '--fail-on-increase', `${Math.floor(percent)}%`], repo).status, 1);
      assert.equal(run(['report', '--baseline', 'HEAD~1', '--fail-on-increase', `${Math.ceil(percent)}%`], repo).status, 0);
      assert.equal(run(['report', '--baseline', 'HEAD', '--fail-on-increase', '0'], repo).status, 0, 'no change is no increase');
    });

    it('reads prompt files from the same commit, from a subfolder of the repository', () => {
      const folder = mkdtempSync(path.join(tmpdir(), 'promptmeter-prompts-'));
      try {
        mkdirSync(path.join(folder, 'app', 'prompts'), { recursive: true });
        const source = 'from openai import OpenAI\nSYSTEM = open("prompts/system.txt").read()\nOpenAI().chat.completions.create(model="gpt-4o", max_tokens=100, messages=[{"role": "system", "content": SYSTEM}])\n';
        writeFileSync(path.join(folder, 'app', 'bot.py'), source);
        writeFileSync(path.join(folder, 'app', 'prompts', 'system.txt'), 'You answer questions about invoices. '.repeat(300));
        git(folder, 'init', '-q');
        git(folder, 'add', '.');
        git(folder, 'commit', '-q', '-m', 'prompt');
        writeFileSync(path.join(folder, 'app', 'prompts', 'system.txt'), 'You answer questions about invoices. '.repeat(100));
        const result = run(['report', '.', '--baseline', 'HEAD', '--format', 'json'], path.join(folder, 'app'));
        assert.equal(result.status, 0, result.stderr);
        const { diff } = JSON.parse(result.stdout);
        assert.deepEqual(diff.calls.changed.map((change: { id: string }) => change.id), ['bot.py:chat.completions.create:0']);
        const [change] = diff.calls.changed;
        // Unread, the committed prompt would count as a 200-token slot and cost less than the current one.
        assert.ok(change.before.perCall > change.after.perCall, 'the committed, longer prompt costs more per call');
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });

    it('reports a ref git does not know, or a folder outside any repository, as bad usage', () => {
      const unknown = run(['report', '--baseline', 'no-such-branch'], repo);
      assert.equal(unknown.status, 2);
      assert.match(unknown.stderr, /^promptmeter: --baseline no-such-branch: not a report file, and git cannot read it as a ref: fatal: .*no-such-branch.*\n$/);
      const option = run(['report', '--baseline', '--output=x'], repo);
      assert.equal(option.status, 2);
      assert.equal(existsSync(path.join(repo, 'x')), false);
    });
  });

  describe('a workspace with files that cannot be analysed', () => {
    let odd: string;

    before(() => {
      odd = mkdtempSync(path.join(tmpdir(), 'promptmeter-odd-'));
      mkdirSync(path.join(odd, 'src'));
      writeFileSync(path.join(odd, 'src', 'bot.py'), LIMITED_MINI);
      writeFileSync(path.join(odd, 'src', 'secret.py'), LIMITED_MINI);
      writeFileSync(path.join(odd, 'src', 'blob.py'), Buffer.from([0x6f, 0x70, 0x65, 0x6e, 0x61, 0x69, 0x00, 0xff, 0x10, 0x02]));
      const line = 'client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "generated"}])\n';
      writeFileSync(path.join(odd, 'src', 'generated.py'), `from openai import OpenAI\nclient = OpenAI()\n${line.repeat(Math.ceil((5 * 1024 * 1024) / line.length))}`);
      symlinkSync('..', path.join(odd, 'src', 'loop'));
      git(odd, 'init', '-q');
      git(odd, 'add', '.');
      git(odd, 'commit', '-q', '-m', 'odd files');
      chmodSync(path.join(odd, 'src', 'secret.py'), 0o000);
    });

    after(() => {
      chmodSync(path.join(odd, 'src', 'secret.py'), 0o644);
      rmSync(odd, { recursive: true, force: true });
    });

    it('reports what it skipped and why, and exits 0 in every format', () => {
      const json = run(['report', '--format', 'json'], odd);
      assert.equal(json.status, 0, json.stderr);
      const report = JSON.parse(json.stdout);
      const reasons = Object.fromEntries(report.skipped.map((skip: { path: string; reason: string }) => [skip.path, skip.reason]));
      assert.equal(reasons['src/blob.py'], 'binary');
      assert.equal(reasons['src/generated.py'], 'too-large');
      assert.equal(reasons['src/loop'], 'symlink-loop');
      // root reads any file, whatever its mode.
      if (process.getuid?.() !== 0) assert.equal(reasons['src/secret.py'], 'unreadable');
      assert.ok(report.calls.some((call: { path: string }) => call.path === 'src/bot.py'));
      for (const format of ['text', 'md', 'html', 'sarif']) {
        const result = run(['report', '--format', format], odd);
        assert.equal(result.status, 0, `${format}: ${result.stderr}`);
        assert.ok(result.stdout.length > 0);
      }
    });

    it('skips the same files at a git ref, so the unchanged tree shows no change', () => {
      const result = run(['report', '--baseline', 'HEAD', '--format', 'json'], odd);
      assert.equal(result.status, 0, result.stderr);
      const { diff } = JSON.parse(result.stdout);
      assert.deepEqual(diff.calls, { added: [], removed: [], changed: [] });
      assert.equal(diff.totals.delta, 0);
    });
  });
});
