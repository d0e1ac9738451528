// The two VS Code sessions of the integration run. `trusted` opens a copy of
// test/integration/workspace with Workspace Trust off, as most users have it.
// `restricted` opens a hostile workspace in Restricted Mode, with two spies
// the tests read afterwards: inotify on the folder beside the workspace (any
// open or read of a file there, by any code path, is logged by the kernel)
// and a git on PATH that logs each run before handing over to the real one.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { WORKSPACE_SRC } from './paths';

export interface PhaseSession {
  /** The folder VS Code opens. */
  folder: string;
  /** Extra environment for code-server, and so for the extension host and the suite. */
  env: Record<string, string>;
  stop(): void;
}

export interface Phase {
  name: 'trusted' | 'restricted';
  /** User settings on top of the runner's own. */
  settings: Record<string, unknown>;
  /** Off: code-server runs with --disable-workspace-trust. */
  workspaceTrust: boolean;
  prepare(runDir: string): Promise<PhaseSession>;
}

export const TRUSTED: Phase = {
  name: 'trusted',
  settings: {},
  workspaceTrust: false,
  async prepare(runDir) {
    const folder = path.join(runDir, 'workspace');
    fs.cpSync(WORKSPACE_SRC, folder, { recursive: true });
    return { folder, env: {}, stop: () => undefined };
  },
};

export const RESTRICTED: Phase = {
  name: 'restricted',
  settings: {
    'security.workspace.trust.enabled': true,
    // No modal at start: the folder opens in Restricted Mode, as after "Don't Trust".
    'security.workspace.trust.startupPrompt': 'never',
    'security.workspace.trust.emptyWindow': false,
    // VS Code's own Git extension would run git in the workspace once trusted; the git spy is for Promptmeter.
    'git.enabled': false,
  },
  workspaceTrust: true,
  async prepare(runDir) {
    const base = path.join(runDir, 'restricted');
    const folder = path.join(base, 'workspace');
    const outside = path.join(base, 'outside');
    writeRestrictedWorkspace(folder, outside);
    const spyLog = path.join(base, 'inotify.log');
    const gitLog = path.join(base, 'git-runs.log');
    const shim = writeGitShim(path.join(base, 'bin'), gitLog);
    const inotify = await watchFolder(outside, spyLog);
    await proveSpyWorks(outside, spyLog);
    return {
      folder,
      env: {
        PATH: `${shim}${path.delimiter}${process.env.PATH ?? ''}`,
        PROMPTMETER_IT_OUTSIDE: outside,
        PROMPTMETER_IT_READ_SPY: spyLog,
        PROMPTMETER_IT_GIT_LOG: gitLog,
      },
      stop: () => inotify.kill(),
    };
  },
};

/**
 * app.py sends a prompt file that is inside the workspace, and four that are not:
 * by absolute path, by `..`, through a committed link, and a link to /dev/zero.
 * `.vscode/settings.json` points promptmeter.configFile at team.json, which sets
 * 7 calls a day: a restricted setting, applied only once the workspace is trusted.
 */
function writeRestrictedWorkspace(folder: string, outside: string): void {
  fs.mkdirSync(path.join(folder, 'prompts'), { recursive: true });
  fs.mkdirSync(path.join(folder, '.vscode'), { recursive: true });
  fs.mkdirSync(outside, { recursive: true });
  const secret = path.join(outside, 'secret.txt');
  fs.writeFileSync(secret, 'PROMPTMETER-SECRET-7f3a9c root:x:0:0:root:/root:/bin/bash\n');
  fs.writeFileSync(path.join(folder, 'prompts', 'system.txt'), `${'You are a careful support agent. Answer briefly and cite the policy. '.repeat(20)}\n`);
  fs.symlinkSync(secret, path.join(folder, 'notes.txt'));
  fs.symlinkSync('/dev/zero', path.join(folder, 'zero.txt'));
  fs.writeFileSync(path.join(folder, '.vscode', 'settings.json'), JSON.stringify({ 'promptmeter.configFile': 'team.json' }, null, 2));
  fs.writeFileSync(path.join(folder, 'team.json'), JSON.stringify({ callsPerDay: 7 }, null, 2));
  const reads = ['prompts/system.txt', secret, '../outside/secret.txt', 'notes.txt', 'zero.txt'];
  fs.writeFileSync(
    path.join(folder, 'app.py'),
    [
      'from openai import OpenAI',
      '',
      'client = OpenAI()',
      ...reads.map((file, index) => `P${index} = open(${JSON.stringify(file)}).read()`),
      '',
      'def answer(question):',
      '    return client.chat.completions.create(',
      '        model="gpt-4o",',
      '        max_tokens=300,',
      '        messages=[',
      ...reads.map((_, index) => `            {"role": "system", "content": P${index}},`),
      '            {"role": "user", "content": question},',
      '        ],',
      '    )',
      '',
    ].join('\n'),
  );
}

/** A `git` first on PATH that appends its arguments to `log`, then runs the real git. */
function writeGitShim(dir: string, log: string): string {
  const real = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();
  fs.mkdirSync(dir, { recursive: true });
  const script = `#!/bin/sh\nprintf '%s\\n' "$*" >> ${JSON.stringify(log)}\n${real ? `exec ${JSON.stringify(real)} "$@"` : 'exit 127'}\n`;
  fs.writeFileSync(path.join(dir, 'git'), script, { mode: 0o755 });
  return dir;
}

/**
 * An empty log proves nothing unless the spy would have logged: read a file there and
 * wait for the kernel's word. The tests leave out the lines of this canary.
 */
async function proveSpyWorks(folder: string, log: string): Promise<void> {
  const canary = path.join(folder, 'canary.txt');
  fs.writeFileSync(canary, 'canary');
  fs.readFileSync(canary);
  const deadline = Date.now() + 10_000;
  while (!fs.readFileSync(log, 'utf8').includes('canary.txt')) {
    if (Date.now() > deadline) throw new Error(`inotifywait logged no read of ${canary}: the spy on reads outside the workspace does not work`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  fs.rmSync(canary);
}

/** inotifywait on a folder, logging every open and read below it; resolves once the watches are in place. */
function watchFolder(folder: string, log: string): Promise<ChildProcess> {
  fs.writeFileSync(log, '');
  const child = spawn('inotifywait', ['-m', '-r', '-e', 'open,access', '--format', '%w%f %e', '-o', log, folder], { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      if (stderr.includes('Watches established')) resolve(child);
    });
    child.on('error', (error) => reject(new Error(`inotifywait: ${error.message} (scripts/integration/setup.sh installs inotify-tools)`)));
    child.on('exit', (code) => reject(new Error(`inotifywait exited (${code}): ${stderr.trim()}`)));
  });
}
