// Entry point that VS Code's extension host loads as `extensionTestsPath`
// (bundled by scripts/integration/build-suite.ts into .vscode-test/suite/).
// It runs mocha over every `*.test.js` bundled beside it, i.e. over every
// test/integration/suite/**/*.test.ts: to add tests, add such a file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import Mocha from 'mocha';

/** Written where PROMPTMETER_IT_RESULTS says, for the runner's `N passed, N failed` line. */
export interface SuiteResults {
  passed: number;
  failed: number;
  pending: number;
  failures: { title: string; error: string }[];
}

/**
 * The runner opens VS Code twice: a trusted workspace for most tests, and a
 * hostile one in Restricted Mode for the tests under `restricted/`
 * (PROMPTMETER_IT_PHASE=restricted). Each run takes only its own files.
 */
function testFiles(dir: string): string[] {
  const restricted = process.env.PROMPTMETER_IT_PHASE === 'restricted';
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.test.js') && file.split(path.sep)[0] === 'restricted' === restricted)
    .sort()
    .map((file) => path.join(dir, file));
}

/**
 * mocha's reporters print through Base.consoleLog: this copies what they print,
 * formatted, to the file PROMPTMETER_IT_LOG names, which the code-server runner
 * prints as it grows (the extension host's console reaches the runner only
 * through the workbench's log, unformatted and mixed with the workbench's own
 * lines; and VS Code's extension host does not let console.log be replaced).
 * Tests print there with helpers.ts log().
 */
export async function run(): Promise<void> {
  const logFile = process.env.PROMPTMETER_IT_LOG;
  const original = Mocha.reporters.Base.consoleLog;
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => {
    const line = util.format(...args);
    original(line);
    if (logFile) fs.appendFileSync(logFile, `${line}\n`);
  };
  try {
    await runMocha();
  } catch (error) {
    // E.g. a test file that throws while loading: say so where the runner looks.
    if (logFile) fs.appendFileSync(logFile, `${error instanceof Error ? error.stack : String(error)}\n`);
    throw error;
  } finally {
    Mocha.reporters.Base.consoleLog = original;
  }
}

async function runMocha(): Promise<void> {
  const mocha = new Mocha({
    ui: 'tdd',
    reporter: 'spec',
    color: false,
    timeout: Number(process.env.PROMPTMETER_IT_TEST_TIMEOUT_MS ?? 30_000),
    grep: process.env.PROMPTMETER_IT_GREP || undefined,
  });
  const files = testFiles(__dirname);
  if (files.length === 0) throw new Error(`no *.test.js files in ${__dirname}`);
  for (const file of files) mocha.addFile(file);

  const results: SuiteResults = { passed: 0, failed: 0, pending: 0, failures: [] };
  await new Promise<void>((resolve, reject) => {
    try {
      const runner = mocha.run(() => resolve());
      runner.on('pass', () => results.passed++);
      runner.on('pending', () => results.pending++);
      runner.on('fail', (test, error: Error) => {
        results.failed++;
        results.failures.push({ title: test.fullTitle(), error: String(error?.stack ?? error) });
      });
    } catch (error) {
      reject(error);
    }
  });

  const resultsFile = process.env.PROMPTMETER_IT_RESULTS;
  if (resultsFile) fs.writeFileSync(resultsFile, JSON.stringify(results, null, 2));
  if (results.failed > 0) throw new Error(`${results.failed} integration test(s) failed`);
  // With a grep, a phase may hold none of the chosen tests; the runner checks that some ran in all.
  if (results.passed === 0 && !process.env.PROMPTMETER_IT_GREP) throw new Error('no integration test passed (none ran?)');
}
