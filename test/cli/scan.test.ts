import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';

/** Runs the built CLI (`npm test` builds first), as a user or CI would. */
const CLI = path.join(__dirname, '..', '..', 'dist', 'cli.js');
const ROOT = path.join(__dirname, '..', '..');

function run(args: string[], cwd = ROOT): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonCall {
  path: string;
  line: number;
  provider: string;
  api: string;
  model: string | null;
  maxTokensParam: string | null;
}

describe('promptmeter scan', () => {
  let workspace: string;

  before(() => {
    workspace = mkdtempSync(path.join(tmpdir(), 'promptmeter-cli-'));
    mkdirSync(path.join(workspace, 'src'));
    mkdirSync(path.join(workspace, 'generated'));
    mkdirSync(path.join(workspace, 'node_modules', 'openai'), { recursive: true });
    writeFileSync(path.join(workspace, 'src', 'ok.py'), 'from openai import OpenAI\nOpenAI().chat.completions.create(model="gpt-4o", messages=[])\n');
    writeFileSync(
      path.join(workspace, 'src', 'broken.py'),
      'import anthropic\nanthropic.Anthropic().messages.create(model="claude-haiku-4-5", max_tokens=5, messages=[])\ndef f(:\n',
    );
    writeFileSync(path.join(workspace, 'generated', 'g.ts'), "import OpenAI from 'openai';\nnew OpenAI().responses.create({ model: 'gpt-5.6', input: 'x' });\n");
    writeFileSync(path.join(workspace, 'ignored.ts'), "import OpenAI from 'openai';\nnew OpenAI().responses.create({ model: 'gpt-5.6', input: 'x' });\n");
    writeFileSync(path.join(workspace, '.gitignore'), 'ignored.ts\n');
    writeFileSync(path.join(workspace, 'node_modules', 'openai', 'index.js'), "require('openai')\n");
  });

  after(() => rmSync(workspace, { recursive: true, force: true }));

  it('prints the JSON contract with relative POSIX paths and 1-based lines', () => {
    const { status, stdout } = run(['scan', 'examples/python', '--format', 'json']);
    assert.equal(status, 0);
    const report = JSON.parse(stdout);
    assert.equal(report.schemaVersion, 1);
    assert.equal(report.tool.name, 'promptmeter');
    assert.match(report.tool.version, /^\d+\.\d+\.\d+/);
    for (const key of ['filesSeen', 'filesParsed', 'filesSkipped', 'ms']) assert.equal(typeof report.stats[key], 'number', key);
    const call = report.calls.find((candidate: JsonCall) => candidate.path === 'examples/python/app/support_bot.py' && candidate.maxTokensParam === null);
    assert.ok(call, 'the support bot call without a limit is reported');
    for (const key of ['path', 'line', 'column', 'endLine', 'language', 'provider', 'api', 'kind', 'model', 'maxTokensParam', 'maxTokens', 'openArguments', 'prompts']) {
      assert.ok(key in call, `calls[].${key}`);
    }
    assert.equal(call.language, 'python');
    const finding = report.findings.find((candidate: { line: number; path: string }) => candidate.path === call.path && candidate.line === call.line);
    assert.equal(finding?.ruleId, 'missing-max-tokens');
    assert.equal(finding?.severity, 'warning');
  });

  // Binary, non-UTF-8, unreadable and other bad files: test/robustness/pathological.test.ts.
  it('reports syntax errors, skips ignored and vendored paths with reasons, and keeps going', () => {
    const { status, stdout } = run(['scan', '.', '--format', 'json'], workspace);
    assert.equal(status, 0);
    const report = JSON.parse(stdout);
    const paths = report.calls.map((call: JsonCall) => `${call.path}:${call.line}`).sort();
    assert.deepEqual(paths, ['generated/g.ts:2', 'src/broken.py:2', 'src/ok.py:2']);
    assert.deepEqual(report.syntaxErrors.map((error: { path: string }) => error.path), ['src/broken.py']);
    const reasons = Object.fromEntries(report.skipped.map((skip: { path: string; reason: string }) => [skip.path, skip.reason]));
    assert.equal(reasons['ignored.ts'], 'ignored');
    assert.equal(reasons.node_modules, 'vendored');
  });

  it('applies --include and --exclude globs', () => {
    const excluded = JSON.parse(run(['scan', '.', '--format', 'json', '--exclude', 'generated/**'], workspace).stdout);
    assert.deepEqual(excluded.calls.map((call: JsonCall) => call.path).sort(), ['src/broken.py', 'src/ok.py']);
    const included = JSON.parse(run(['scan', '.', '--format', 'json', '--include', '**/*.ts'], workspace).stdout);
    assert.deepEqual(included.calls.map((call: JsonCall) => call.path), ['generated/g.ts']);
  });

  it('prints a readable text report with a summary line', () => {
    const { status, stdout } = run(['scan', 'src'], workspace);
    assert.equal(status, 0);
    // gpt-4o at $2.50/$10 per 1M: 6 input tokens (chat overhead) and 512 expected output tokens (half of the default 1,024).
    assert.match(stdout, /src\/ok\.py\n {2}2:27 +openai chat\.completions\.create {2}gpt-4o · ≈6 in \+ 512 \(≤16,384\) out tok · \$0\.00514\/call · \$154\.05\/mo · no output limit/);
    assert.match(stdout, /warning {2}No max_completion_tokens on gpt-4o: worst case \$0\.164\/call \(16,384 output tokens\)\. Add max_completion_tokens=1024\?  missing-max-tokens/);
    assert.match(stdout, /2 LLM calls in 2 files · ≈\$154\.50\/mo \(prices as of \d{4}-\d{2}-\d{2}\) · 1 finding \(0 errors, 1 warning, 0 notes\) · 2 source files seen, 2 parsed, 0 skipped · \d+ ms/);
    assert.doesNotMatch(stdout, /\x1b\[/, 'no colour when not a terminal');
  });

  it('fails with one clear line and exit code 2 on bad usage', () => {
    const missing = run(['scan', 'no/such/dir']);
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr, 'promptmeter: path not found: no/such/dir\n');
    const badFormat = run(['scan', '--format', 'xml']);
    assert.equal(badFormat.status, 2);
    assert.match(badFormat.stderr, /^promptmeter: --format must be text or json, not 'xml'\n$/);
    const unknownFlag = run(['scan', '--frobnicate']);
    assert.equal(unknownFlag.status, 2);
    assert.match(unknownFlag.stderr, /^promptmeter: .*frobnicate/);
    const unknownCommand = run(['deploy']);
    assert.equal(unknownCommand.status, 2);
  });

  it('adds token counts and costs to each call, with confidence, assumptions and the price date', () => {
    const report = JSON.parse(run(['scan', 'src/ok.py', '--format', 'json'], workspace).stdout);
    const [call] = report.calls;
    assert.deepEqual(call.inputTokens, { static: 0, dynamicSlots: [], assumed: 0, overhead: 6, total: 6, confidence: 'heuristic', tokenizer: 'o200k_base' });
    assert.deepEqual(call.outputTokens, { expected: 512, max: 16384, maxSource: 'model-maximum' });
    assert.deepEqual(call.traffic, { callsPerDay: 1000, source: 'setting' });
    assert.equal(call.cost.currency, 'USD');
    assert.match(call.cost.pricingAsOf, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(Math.abs(call.cost.perCall - (6 * 2.5 + 512 * 10) / 1e6) < 1e-12);
    assert.ok(Math.abs(call.cost.perCallMax - (6 * 2.5 + 16384 * 10) / 1e6) < 1e-12);
  });

  it('reads .promptmeter.json, warns about wrong entries on stderr and keeps the rest', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'promptmeter-config-'));
    try {
      writeFileSync(path.join(folder, 'a.py'), 'import litellm\nlitellm.completion(model="gpt-4o", messages=[], max_tokens=100)\n');
      writeFileSync(path.join(folder, '.promptmeter.json'), '{\n  // doubled traffic\n  "callsPerDay": 2000,\n  "loopMultiplier": "many",\n}\n');
      const { status, stdout, stderr } = run(['scan', '.', '--format', 'json'], folder);
      assert.equal(status, 0);
      assert.match(stderr, /promptmeter: warning: .*\.promptmeter\.json: loopMultiplier must be a number, not "many" \(ignored\)/);
      assert.equal(JSON.parse(stdout).calls[0].traffic.callsPerDay, 2000);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('a broken .promptmeter.json: one warning per problem on stderr, the rest applied, defaults for the rest, exit 0', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'promptmeter-config-'));
    try {
      writeFileSync(path.join(folder, 'a.py'), 'import litellm\nlitellm.completion(model="prod-4o", messages=[])\n');
      const config = [
        '{',
        '  "callsPerDay": 2000,',
        '  "loopMultiplier": "many",',
        '  "rules": { "missing-max-token": "off" },',
        '  "pricing": { "aliases": { "prod-4o": "gpt-4o", "eu-4o": "no-such-model" } },',
        '  "defaultOutputLimit": 512',
        '  "defaultSlotTokens": 50',
        '}',
      ];
      writeFileSync(path.join(folder, '.promptmeter.json'), config.join('\n'));
      const file = path.join(folder, '.promptmeter.json');
      for (const command of [['scan', '.', '--format', 'json'], ['report', '.', '--format', 'json']]) {
        const { status, stdout, stderr } = run(command, folder);
        assert.equal(status, 0, 'settings problems never fail the run');
        assert.deepEqual(stderr.trimEnd().split('\n'), [
          `promptmeter: warning: ${file}: is not valid JSON at line 7, column 3: a comma is expected (the settings before it are used, the rest of the file is ignored)`,
          `promptmeter: warning: ${file}: loopMultiplier must be a number, not "many" (ignored)`,
          `promptmeter: warning: ${file}: rules.missing-max-token is not a Promptmeter rule; did you mean "missing-max-tokens"? (ignored)`,
          `promptmeter: warning: ${file}: pricing.aliases.eu-4o points to "no-such-model", which is not a known model (ignored)`,
        ]);
        const { calls, findings } = JSON.parse(stdout);
        assert.equal(calls.length, 1, 'the scan completes');
        if (command[0] === 'report') continue;
        const [call] = calls;
        assert.equal(call.traffic.callsPerDay, 2000, 'kept: before the syntax error');
        assert.equal(call.outputTokens.expected, 256, 'kept: defaultOutputLimit 512, at the default fraction 0.5');
        assert.ok(call.cost.perCall > 0, 'kept: the good alias prices prod-4o as gpt-4o');
        assert.deepEqual(findings.map((finding: { ruleId: string }) => finding.ruleId), ['missing-max-tokens'], 'the mistyped rule id changes nothing');
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('counts tokens of standard input or a file', () => {
    const exact = spawnSync(process.execPath, [CLI, 'count', '--model', 'gpt-4o', '--format', 'json'], { input: 'Hello, world!', encoding: 'utf8' });
    assert.equal(exact.status, 0);
    assert.deepEqual(JSON.parse(exact.stdout), { model: 'gpt-4o', tokens: 4, confidence: 'exact', method: 'o200k_base', characters: 13 });
    const claude = spawnSync(process.execPath, [CLI, 'count', '--model', 'claude-sonnet-4-6'], { input: 'Hello, world!', encoding: 'utf8' });
    assert.match(claude.stdout, /^≈\d+ tokens \(calibrated, /);
    const missing = run(['count', 'no-such-file.txt']);
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr, 'promptmeter: cannot read no-such-file.txt: ENOENT\n');
  });

  it('--fix --dry-run prints a diff and writes nothing; --fix writes and reports what is left', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'promptmeter-fix-'));
    try {
      const file = path.join(folder, 'bot.py');
      const source = 'from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(\n    model="gpt-4o",\n    messages=[],\n)\n';
      writeFileSync(file, source);
      const dry = run(['scan', '.', '--fix', '--dry-run'], folder);
      assert.equal(dry.status, 0);
      assert.match(dry.stdout, /^-{3} a\/bot\.py$/m);
      assert.match(dry.stdout, /^\+ {4}max_completion_tokens=1024,$/m);
      assert.match(dry.stderr, /Would fix 1 issue\(s\) in 1 file\(s\)/);
      assert.equal(readFileSync(file, 'utf8'), source, 'a dry run writes nothing');
      const fixed = run(['scan', '.', '--fix', '--format', 'json'], folder);
      assert.equal(fixed.status, 0);
      assert.equal(readFileSync(file, 'utf8'), source.replace('    messages=[],\n', '    messages=[],\n    max_completion_tokens=1024,\n'));
      assert.deepEqual(JSON.parse(fixed.stdout).findings, []);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('--rule runs only the named rules, --disable turns rules off, unknown ids are usage errors', () => {
    const only = JSON.parse(run(['scan', 'src', '--format', 'json', '--rule', 'unknown-model'], workspace).stdout);
    assert.deepEqual(only.findings, []);
    const off = JSON.parse(run(['scan', 'src', '--format', 'json', '--disable', 'missing-max-tokens'], workspace).stdout);
    assert.deepEqual(off.findings.map((finding: { ruleId: string }) => finding.ruleId), []);
    const on = JSON.parse(run(['scan', 'src', '--format', 'json'], workspace).stdout);
    assert.deepEqual(on.findings.map((finding: { ruleId: string }) => finding.ruleId), ['missing-max-tokens']);
    const bad = run(['scan', 'src', '--rule', 'no-such-rule'], workspace);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /^promptmeter: --rule: unknown rule 'no-such-rule'/);
  });

  it('prints help and version', () => {
    const help = run(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Usage: promptmeter <command>/);
    assert.match(run(['--version']).stdout, /^\d+\.\d+\.\d+\n$/);
  });
});
