// Runs the mocha suite of test/integration/suite inside a real VS Code:
// code-server (VS Code's own server and web workbench) installed by setup.sh,
// rendered by Debian's headless Chromium, driven with playwright-core.
//
//   npm run test:integration          setup.sh + build + this runner
//   node --import tsx scripts/integration/run.ts   (after setup.sh and npm run build)
//
// Env: PROMPTMETER_IT_TIMEOUT_MS (each of the two phases, default 240000),
//      PROMPTMETER_IT_GREP (mocha grep), PROMPTMETER_IT_KEEP=1 (keep the temp dir),
//      PROMPTMETER_IT_VERBOSE=1 (print the workbench's own log lines too).
//
// How it works: code-server does not take --extensionDevelopmentPath, but its
// web workbench reads the same options from the `payload` URL parameter when
// VS Code's `enable-smoke-test-driver` option is on. The workbench then loads
// the extension from the repo, runs the suite in the (server-side, Node)
// extension host, forwards the extension host's console to
// window.codeAutomationLog and reports its exit code to
// window.codeAutomationExit: both are exposed to the page here. The suite
// writes its pass/fail counts to PROMPTMETER_IT_RESULTS, the extension host
// inheriting code-server's environment. Tests reach back to this runner over
// PROMPTMETER_IT_CONTROL to take screenshots (helpers.ts: screenshot()).
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { buildSuite } from './build-suite';
import { CHROMIUM, CHROMIUM_ARGS, CODE_SERVER_ENTRY, NODE24, RESULTS_DIR, ROOT } from './paths';
import { RESTRICTED, TRUSTED, type Phase, type PhaseSession } from './phases';
import type { SuiteResults } from '../../test/integration/suite/index';

const TOTAL_TIMEOUT_MS = Number(process.env.PROMPTMETER_IT_TIMEOUT_MS ?? 240_000);
const VERBOSE = process.env.PROMPTMETER_IT_VERBOSE === '1';

const USER_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'security.workspace.trust.enabled': false,
};
const PHASES: Phase[] = [TRUSTED, RESTRICTED];

const started = Date.now();
function log(message: string): void {
  console.log(`[integration +${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);
}

/**
 * Saves a PNG screenshot of the VS Code page to test-results/<name>.png and
 * returns its path. Tests call it through helpers.ts `screenshot(name)`.
 */
export async function takeScreenshot(page: Page, name: string): Promise<string> {
  if (!/^[\w.-]+$/.test(name)) throw new Error(`screenshot name must match [\\w.-]+: ${JSON.stringify(name)}`);
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, timeout: 15_000 });
  return file;
}

function requireFile(file: string, hint: string): void {
  if (!fs.existsSync(file)) throw new Error(`missing ${path.relative(ROOT, file) || file}: ${hint}`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealthy(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited early (${child.exitCode ?? child.signalCode})`);
    }
    const ok = await new Promise<boolean>((resolve) => {
      const request = http.get({ host: '127.0.0.1', port, path: '/healthz', timeout: 1000 }, (response) => {
        response.resume();
        resolve(response.statusCode === 200);
      });
      request.on('timeout', () => request.destroy());
      request.on('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`code-server did not answer on 127.0.0.1:${port} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Clicks (or, given a value, fills) the first element matching a Playwright
 * selector in any frame of the page: webviews live in nested iframes the
 * extension host cannot reach.
 */
async function actInFrames(page: Page, selector: string, action: 'click' | 'text' | 'html' | { fill: string }, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      const target = frame.locator(selector).first();
      if ((await target.count().catch(() => 0)) > 0) {
        if (action === 'text') return target.innerText({ timeout: 5_000 });
        if (action === 'html') return target.innerHTML({ timeout: 5_000 });
        if (action === 'click') await target.click({ timeout: 5_000 });
        else await target.fill(action.fill, { timeout: 5_000 });
        return frame.url();
      }
    }
    if (Date.now() > deadline) throw new Error(`no element matches ${selector} in any frame`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Serves POST /screenshot?name=NAME, /click?selector=SELECTOR, /fill?selector=SELECTOR&value=VALUE
 * and /text or /html?selector=SELECTOR (the rendered text or the HTML of the first match) for the tests.
 */
function startControlServer(page: () => Page | undefined): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const current = page();
    if (request.method === 'POST' && ['/click', '/fill', '/text', '/html'].includes(url.pathname) && current) {
      const action = url.pathname === '/fill' ? { fill: url.searchParams.get('value') ?? '' } : url.pathname === '/text' ? 'text' : url.pathname === '/html' ? 'html' : 'click';
      actInFrames(current, url.searchParams.get('selector') ?? '', action).then(
        (frame) => response.writeHead(200).end(frame),
        (error: unknown) => response.writeHead(500).end(String(error)),
      );
      return;
    }
    if (request.method !== 'POST' || url.pathname !== '/screenshot' || !current) {
      response.writeHead(404).end('not found');
      return;
    }
    takeScreenshot(current, url.searchParams.get('name') ?? '').then(
      (file) => {
        log(`screenshot: ${path.relative(ROOT, file)}`);
        response.writeHead(200).end(file);
      },
      (error: unknown) => response.writeHead(500).end(String(error)),
    );
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

/** Prints what is appended to `file` (the suite's output) as it comes. */
function tailFile(file: string): { stop(): void } {
  let position = 0;
  const flush = () => {
    const size = fs.statSync(file).size;
    if (size <= position) return;
    const buffer = Buffer.alloc(size - position);
    const fd = fs.openSync(file, 'r');
    fs.readSync(fd, buffer, 0, buffer.length, position);
    fs.closeSync(fd);
    position = size;
    process.stdout.write(buffer);
  };
  const timer = setInterval(flush, 100);
  return {
    stop() {
      clearInterval(timer);
      flush();
    },
  };
}

function killGroup(child: ChildProcess | undefined, signal: NodeJS.Signals): void {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal); // the whole group: code-server, its extension host, pty host…
  } catch {
    /* already gone */
  }
}

async function stopCodeServer(child: ChildProcess | undefined): Promise<void> {
  if (!child?.pid) return;
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  killGroup(child, 'SIGTERM');
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
  // Children of the group that outlive code-server itself.
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    /* none left */
  }
}

interface Outcome {
  exitCode: number;
  results?: SuiteResults;
  problem?: string;
}

async function main(phase: Phase, suite: string): Promise<Outcome> {
  // Every wait below races this deadline, so that a hung run still gets its
  // failure screenshot and its cleanup (the finally block) before it fails.
  let deadlineTimer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    deadlineTimer = setTimeout(
      () => reject(new Error(`TIMEOUT: the run did not finish within ${TOTAL_TIMEOUT_MS / 1000} s (PROMPTMETER_IT_TIMEOUT_MS)`)),
      TOTAL_TIMEOUT_MS,
    );
  });
  deadline.catch(() => undefined);
  const bounded = <T>(promise: Promise<T>): Promise<T> => Promise.race([promise, deadline]);

  requireFile(NODE24, 'run scripts/integration/setup.sh');
  requireFile(CODE_SERVER_ENTRY, 'run scripts/integration/setup.sh');
  requireFile(CHROMIUM, 'run scripts/integration/setup.sh (Debian package chromium)');
  requireFile(path.join(ROOT, 'dist/extension.js'), 'run npm run build');

  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'promptmeter-it-'));
  const dirs = {
    userData: path.join(runDir, 'user-data'),
    extensions: path.join(runDir, 'extensions'),
    browser: path.join(runDir, 'chromium-profile'),
    xdg: path.join(runDir, 'xdg'),
  };
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
  const resultsFile = path.join(runDir, 'results.json');
  const suiteLog = path.join(runDir, 'suite.log');
  fs.writeFileSync(suiteLog, '');
  // Per-run user settings: nothing that reaches for the network or opens extra editors.
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs.userData, 'User/settings.json'), JSON.stringify({ ...USER_SETTINGS, ...phase.settings }, null, 2));
  const serverLog = path.join(runDir, 'code-server.log');

  let session: PhaseSession | undefined;
  let child: ChildProcess | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let control: http.Server | undefined;
  let ok = false;
  const cleanup = async () => {
    await context?.close().catch(() => undefined);
    await stopCodeServer(child);
    control?.close();
    session?.stop();
  };
  const onSignal = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping`);
    void cleanup().finally(() => process.exit(1));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    session = await phase.prepare(runDir);
    control = await startControlServer(() => page);
    const controlUrl = `http://127.0.0.1:${(control.address() as net.AddressInfo).port}`;

    const port = await freePort();
    const config = path.join(runDir, 'config.yaml');
    fs.writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
    const env: NodeJS.ProcessEnv = {};
    for (const [key, value] of Object.entries(process.env)) {
      // Not the variables of a VS Code this may be run from: they would reach the extension host.
      if (!key.startsWith('VSCODE_') && key !== 'ELECTRON_RUN_AS_NODE') env[key] = value;
    }
    Object.assign(env, {
      XDG_CONFIG_HOME: path.join(dirs.xdg, 'config'),
      XDG_DATA_HOME: path.join(dirs.xdg, 'data'),
      XDG_CACHE_HOME: path.join(dirs.xdg, 'cache'),
      // No extension gallery (code-server's default is open-vsx.org, unreachable here).
      EXTENSIONS_GALLERY: '{}',
      PROMPTMETER_IT_RESULTS: resultsFile,
      PROMPTMETER_IT_LOG: suiteLog,
      PROMPTMETER_IT_CONTROL: controlUrl,
      PROMPTMETER_IT_PHASE: phase.name,
      ...session.env,
    });
    const out = fs.openSync(serverLog, 'a');
    child = spawn(
      NODE24,
      [
        CODE_SERVER_ENTRY,
        '--config', config,
        '--user-data-dir', dirs.userData,
        '--extensions-dir', dirs.extensions,
        '--disable-telemetry',
        '--disable-update-check',
        ...(phase.workspaceTrust ? [] : ['--disable-workspace-trust']),
        '--ignore-last-opened',
        '--vscode-option', 'enable-smoke-test-driver',
      ],
      { cwd: runDir, env, detached: true, stdio: ['ignore', out, out] },
    );
    fs.closeSync(out);
    child.on('error', (error) => log(`code-server: ${error.message}`));
    await bounded(waitForHealthy(port, child, 60_000));
    log(`code-server up on 127.0.0.1:${port}`);

    context = await bounded(chromium.launchPersistentContext(dirs.browser, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 800 },
      // Chromium keeps crash reports under XDG_CONFIG_HOME whatever its --user-data-dir.
      env: { ...process.env, XDG_CONFIG_HOME: path.join(dirs.xdg, 'chromium-config'), XDG_CACHE_HOME: path.join(dirs.xdg, 'chromium-cache') },
      timeout: 60_000,
    }));
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => VERBOSE && log(`page error: ${error.message}`));

    let resolveExit!: (code: number) => void;
    let rejectExit!: (error: Error) => void;
    const exited = new Promise<number>((resolve, reject) => ((resolveExit = resolve), (rejectExit = reject)));
    // Fail fast, not at the deadline, when a side dies.
    child.once('exit', (code, signal) => rejectExit(new Error(`code-server exited (${code ?? signal}) during the run`)));
    page.once('crash', () => rejectExit(new Error('the VS Code page crashed')));
    page.once('close', () => rejectExit(new Error('the VS Code page closed')));
    // The workbench's log, the extension host's console included (unformatted).
    await page.exposeFunction('codeAutomationLog', (level: string, message: unknown) => {
      if (VERBOSE) log(`workbench ${level}: ${String(message)}`);
    });
    await page.exposeFunction('codeAutomationExit', (code: number, logs?: { relativePath: string; contents: string }[]) => {
      for (const entry of logs ?? []) {
        const file = path.join(runDir, 'workbench-logs', entry.relativePath);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, entry.contents);
      }
      resolveExit(code);
    });

    const remote = (file: string) => `vscode-remote://127.0.0.1:${port}${file}`;
    const payload = [
      ['extensionDevelopmentPath', remote(ROOT)],
      ['extensionTestsPath', remote(suite)],
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
    ];
    const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(session.folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await bounded(page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 }));
    log(`workbench loading; running the ${phase.name} suite`);

    const tail = tailFile(suiteLog);
    const exitCode = await bounded(exited).finally(() => tail.stop());
    log(`extension host exited with code ${exitCode}`);
    let results: SuiteResults | undefined;
    if (fs.existsSync(resultsFile)) results = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as SuiteResults;
    ok = exitCode === 0 && !!results && results.failed === 0 && (results.passed > 0 || !!process.env.PROMPTMETER_IT_GREP);
    if (!ok) await takeScreenshot(page, `failure-${phase.name}`).catch(() => undefined);
    return {
      exitCode,
      results,
      problem: results ? undefined : 'the suite wrote no results: it failed to load or the extension host died (see above, and the kept dir)',
    };
  } catch (error) {
    if (page) await takeScreenshot(page, `failure-${phase.name}`).catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(deadlineTimer);
    await cleanup();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (ok && process.env.PROMPTMETER_IT_KEEP !== '1') fs.rmSync(runDir, { recursive: true, force: true });
    else log(`kept ${runDir} (code-server.log, workbench-logs/, user-data/logs/)`);
  }
}

/** Builds the suite once and runs each phase in a VS Code of its own; failures of one phase do not stop the next. */
async function runPhases(): Promise<{ passed: number; failed: number; pending: number }> {
  for (const phase of PHASES) fs.rmSync(path.join(RESULTS_DIR, `failure-${phase.name}.png`), { force: true });
  const suite = await buildSuite();
  log(`suite built: ${path.relative(ROOT, suite)}.js`);
  const totals = { passed: 0, failed: 0, pending: 0 };
  for (const phase of PHASES) {
    try {
      const { exitCode, results, problem } = await main(phase, suite);
      for (const failure of results?.failures ?? []) console.log(`FAILED (${phase.name}): ${failure.title}`);
      if (problem) console.error(`[integration] ${phase.name}: ${problem}`);
      totals.passed += results?.passed ?? 0;
      totals.pending += results?.pending ?? 0;
      // A run that failed before or outside mocha counts as one failure.
      totals.failed += results ? results.failed + (exitCode !== 0 && results.failed === 0 ? 1 : 0) : 1;
    } catch (error) {
      console.error(`[integration] ${phase.name}: ${error instanceof Error ? error.message : String(error)}`);
      totals.failed++;
    }
  }
  return totals;
}

if (require.main === module) {
  const hardStopMs = TOTAL_TIMEOUT_MS * PHASES.length + 30_000;
  // A hard stop in case the cleanup itself hangs.
  setTimeout(() => {
    console.error(`[integration] TIMEOUT: hard stop after ${hardStopMs / 1000} s`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }, hardStopMs); // not unref'd: it also keeps a stalled run from exiting 0 silently

  runPhases().then(
    ({ passed, failed, pending }) => {
      log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      console.log(`${passed} passed, ${failed} failed${pending ? `, ${pending} skipped` : ''}`);
      process.exit(failed === 0 && passed > 0 ? 0 : 1);
    },
    (error: unknown) => {
      console.error(`[integration] ${error instanceof Error ? error.message : String(error)}`);
      log(`failed after ${((Date.now() - started) / 1000).toFixed(1)} s`);
      console.log('0 passed, 1 failed');
      process.exit(1);
    },
  );
}
