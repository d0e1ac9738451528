// Bundles the extension and the CLI, and copies the tree-sitter runtime and
// grammars beside them (they are loaded at run time, relative to __dirname).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { webviewBuildOptions } from './scripts/webview/build-options.mjs';

const require = createRequire(import.meta.url);
const outdir = 'dist';
const production = process.argv.includes('--production');

const shared = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // web-tree-sitter's CommonJS build is the one that runs after bundling.
  mainFields: ['main', 'module'],
  // jsonc-parser's UMD build hides its requires from the bundler; its ESM build does not.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
};

await build({ ...shared, entryPoints: { cli: 'src/cli/main.ts' }, outdir, banner: { js: '#!/usr/bin/env node' } });
await build({
  ...shared,
  entryPoints: {
    extension: 'src/extension/extension.ts',
    'analysis-worker': 'src/extension/worker/analysis-worker.ts',
    // The workspace scan's parsing threads, for the CLI and the editor's report alike.
    'scan-worker': 'src/core/scan/scan-worker.ts',
  },
  outdir,
  external: ['vscode'],
});
// The comparison panel's webview: a browser bundle in media/ (no vscode import there).
await build({ ...webviewBuildOptions() });

mkdirSync(outdir, { recursive: true });
copyFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm'), join(outdir, 'web-tree-sitter.wasm'));
const grammarDir = dirname(require.resolve('@vscode/tree-sitter-wasm/wasm/tree-sitter-python.wasm'));
for (const language of ['python', 'typescript', 'tsx', 'javascript']) {
  copyFileSync(join(grammarDir, `tree-sitter-${language}.wasm`), join(outdir, `tree-sitter-${language}.wasm`));
}
// The price catalog is read at run time beside the bundles (loadBundledCatalog), never parsed at activation.
copyFileSync('src/core/pricing/catalog.json', join(outdir, 'catalog.json'));
// Tokenizer ranks are megabytes: loaded at run time, the first time a model needs them.
for (const encoding of ['o200k_base', 'cl100k_base']) {
  copyFileSync(require.resolve(`js-tiktoken/ranks/${encoding}`), join(outdir, `${encoding}.cjs`));
}
