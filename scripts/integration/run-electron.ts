// npm run test:electron: the same mocha suite (test/integration/suite) in a
// desktop VS Code that @vscode/test-electron downloads and starts.
//
// NEEDS INTERNET: runTests downloads VS Code (into .vscode-test/) from
// Microsoft's update servers, which the Promptmeter development and CI
// machines cannot reach (they only reach the npm registry and Debian's
// mirror), so it cannot run there; use `npm run test:integration` (real VS
// Code through code-server, see run.ts). This is for people with internet.
// On Linux without a display, run it under Xvfb: xvfb-run -a npm run test:electron
//
// Env: VSCODE_TEST_VERSION (default 'stable'; e.g. 1.96.0, the oldest this
// extension supports), PROMPTMETER_IT_GREP (mocha grep).
// Screenshots (helpers.ts screenshot()) are skipped here: no runner page to shoot.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildSuite } from './build-suite';
import { ROOT, WORKSPACE_SRC } from './paths';
import type { SuiteResults } from '../../test/integration/suite/index';

async function main(): Promise<number> {
  if (!fs.existsSync(path.join(ROOT, 'dist/extension.js'))) throw new Error('missing dist/extension.js: run npm run build');
  const suite = await buildSuite();
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'promptmeter-electron-'));
  const workspace = path.join(runDir, 'workspace');
  fs.cpSync(WORKSPACE_SRC, workspace, { recursive: true });
  const resultsFile = path.join(runDir, 'results.json');

  let exitCode = 0;
  try {
    exitCode = await runTests({
      version: process.env.VSCODE_TEST_VERSION ?? 'stable',
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: suite,
      // runTests adds --extensionDevelopmentPath/--extensionTestsPath, --skip-welcome,
      // --disable-workspace-trust, --disable-updates and --no-sandbox itself.
      launchArgs: [
        workspace,
        '--disable-extensions', // other installed extensions; not the one under development
        '--disable-telemetry',
        `--user-data-dir=${path.join(runDir, 'user-data')}`,
        `--extensions-dir=${path.join(runDir, 'extensions')}`,
      ],
      extensionTestsEnv: { PROMPTMETER_IT_RESULTS: resultsFile },
    });
  } catch (error) {
    console.error(`[electron] ${error instanceof Error ? error.message : String(error)}`);
    exitCode = 1;
  }

  const results: SuiteResults | undefined = fs.existsSync(resultsFile)
    ? (JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as SuiteResults)
    : undefined;
  fs.rmSync(runDir, { recursive: true, force: true });
  const passed = results?.passed ?? 0;
  const failed = results ? results.failed + (exitCode !== 0 && results.failed === 0 ? 1 : 0) : 1;
  const skipped = results?.pending ? `, ${results.pending} skipped` : '';
  console.log(`${passed} passed, ${failed} failed${skipped}`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[electron] ${error instanceof Error ? error.message : String(error)}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
