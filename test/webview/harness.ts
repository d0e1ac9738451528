import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { panelHtml } from '../../src/webview/html';
import { CHROMIUM, CHROMIUM_ARGS, RESULTS_DIR, ROOT } from '../../scripts/integration/paths';

/**
 * Serves the panel as the extension host will (same skeleton and CSP, a fixed
 * nonce) from 127.0.0.1, with VS Code's dark theme variables and a stub of
 * acquireVsCodeApi, in Debian's Chromium. Nothing is downloaded.
 */

export { RESULTS_DIR, ROOT };
const NONCE = 'webviewTestNonce0123456789';

export interface Harness {
  page: Page;
  origin: string;
  close(): Promise<void>;
}

/** Builds media/panel.js and media/panel.css with the project's own build script. */
export function buildWebview(): void {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/webview/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
}

export async function startHarness(): Promise<Harness> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found. The webview tests use Debian's Chromium and never download a browser: run scripts/integration/setup.sh (or apt-get install chromium) first.`);
  }
  const server = await serve();
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const profile = mkdtempSync(path.join(tmpdir(), 'promptmeter-webview-'));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1180, height: 860 },
      colorScheme: 'dark',
    });
    await context.addInitScript(STUB_VSCODE_API);
    const page = context.pages()[0] ?? (await context.newPage());
    mkdirSync(RESULTS_DIR, { recursive: true });
    return {
      page,
      origin,
      async close() {
        await context?.close();
        await new Promise((resolve) => server.close(resolve));
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context?.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}

/** The host's page, with the dark theme's variables added the way VS Code adds its default styles. */
function testPage(origin: string): string {
  const page = panelHtml({ cspSource: origin, nonce: NONCE, scriptUri: `${origin}/media/panel.js`, styleUri: `${origin}/media/panel.css` });
  return page
    .replace('</head>', `<link rel="stylesheet" href="${origin}/theme.css" nonce="${NONCE}">\n</head>`)
    .replace('<body>', '<body class="vscode-dark">');
}

async function serve(): Promise<Server> {
  const files: Record<string, { path: string; type: string }> = {
    '/media/panel.js': { path: path.join(ROOT, 'media/panel.js'), type: 'text/javascript' },
    '/media/panel.css': { path: path.join(ROOT, 'media/panel.css'), type: 'text/css' },
    '/theme.css': { path: path.join(__dirname, 'dark-theme.css'), type: 'text/css' },
  };
  const server = createServer((request, response) => {
    const url = request.url ?? '/';
    const origin = `http://${request.headers.host ?? ''}`;
    if (url === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(testPage(origin));
      return;
    }
    // Chromium asks for one on its own; VS Code's webviews never do.
    if (url === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    const file = files[url];
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': `${file.type}; charset=utf-8` }).end(readFileSync(file.path));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/**
 * Runs in the page before its scripts. Posted messages and CSP violations are
 * recorded on window; the saved state lives in sessionStorage so it survives a
 * reload, as VS Code keeps it while a panel is hidden. A string, not a function:
 * tsx's compiled functions call a helper that does not exist in the page.
 */
const STUB_VSCODE_API = `
  window.posted = [];
  window.cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.cspViolations.push(event.violatedDirective + ' ' + event.blockedURI + ' ' + event.sourceFile + ':' + event.lineNumber);
  });
  window.acquireVsCodeApi = () => ({
    postMessage: (message) => window.posted.push(JSON.parse(JSON.stringify(message))),
    getState: () => JSON.parse(sessionStorage.getItem('vscodeState') ?? 'null'),
    setState: (state) => sessionStorage.setItem('vscodeState', JSON.stringify(state)),
  });
`;
