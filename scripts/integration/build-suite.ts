// Bundles the mocha suite (test/integration/suite) for VS Code's extension
// host: index.ts and every **/*.test.ts become one CommonJS file each in
// .vscode-test/suite/, with `vscode` (given by the host) and `mocha` (resolved
// from the repo's node_modules, so every file shares one instance) external.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { build } from 'esbuild';
import { SUITE_OUT, SUITE_SRC } from './paths';

export function suiteTestFiles(): string[] {
  return (fs.readdirSync(SUITE_SRC, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.test.ts'))
    .sort()
    .map((file) => path.join(SUITE_SRC, file));
}

/** Builds the suite; resolves with the extensionTestsPath to give VS Code (index, without .js). */
export async function buildSuite(): Promise<string> {
  const tests = suiteTestFiles();
  if (tests.length === 0) throw new Error(`no test files: ${SUITE_SRC}/**/*.test.ts`);
  fs.rmSync(SUITE_OUT, { recursive: true, force: true });
  await build({
    entryPoints: [path.join(SUITE_SRC, 'index.ts'), ...tests],
    outbase: SUITE_SRC,
    outdir: SUITE_OUT,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'linked',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return path.join(SUITE_OUT, 'index');
}
