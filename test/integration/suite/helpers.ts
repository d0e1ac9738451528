// Helpers for integration tests (test/integration/suite/**/*.test.ts).
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as util from 'node:util';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'promptmeter.promptmeter';

/**
 * Prints a line with the suite's output (console.log from a test only reaches
 * the code-server runner's output with PROMPTMETER_IT_VERBOSE=1).
 */
export function log(...args: unknown[]): void {
  const line = util.format(...args);
  console.log(line);
  const logFile = process.env.PROMPTMETER_IT_LOG;
  if (logFile) fs.appendFileSync(logFile, `${line}\n`);
}

/** Polls `condition` until it is truthy, or fails after `timeoutMs` with `message`. */
export async function waitFor<T>(
  condition: () => T | Promise<T>,
  message: string,
  timeoutMs = 10_000,
  intervalMs = 50,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${message}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** The (only) workspace folder the runner opens: a temp copy of test/integration/workspace/. */
export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return folder;
}

/** Opens a file of the workspace folder in an editor and returns that editor. */
export async function openWorkspaceFile(relativePath: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceFolder().uri, relativePath));
  return vscode.window.showTextDocument(document);
}

/**
 * Saves a PNG screenshot of the whole VS Code window to test-results/<name>.png
 * and resolves with its path. Only the code-server runner (npm run
 * test:integration) can take screenshots: it serves PROMPTMETER_IT_CONTROL for
 * that. Elsewhere (npm run test:electron) this resolves with undefined.
 */
export async function screenshot(name: string): Promise<string | undefined> {
  const control = process.env.PROMPTMETER_IT_CONTROL;
  if (!control) return undefined;
  // Let the workbench paint what the test just did (editors open, decorations).
  await new Promise((resolve) => setTimeout(resolve, 500));
  const url = `${control}/screenshot?name=${encodeURIComponent(name)}`;
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', timeout: 30_000 }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () =>
        response.statusCode === 200 ? resolve(body) : reject(new Error(`screenshot ${name} failed: ${body}`)),
      );
    });
    request.on('timeout', () => request.destroy(new Error(`screenshot ${name} timed out`)));
    request.on('error', reject);
    request.end();
  });
}

/**
 * Clicks, as a user would, the first element matching a Playwright selector in
 * any frame of the VS Code page (webview contents included). Only the
 * code-server runner can do this; elsewhere it throws.
 */
export async function clickInPage(selector: string): Promise<void> {
  await actInPage(`click?selector=${encodeURIComponent(selector)}`);
}

/** Types `value` into the first input matching a Playwright selector in any frame, as `clickInPage` clicks. */
export async function fillInPage(selector: string, value: string): Promise<void> {
  await actInPage(`fill?selector=${encodeURIComponent(selector)}&value=${encodeURIComponent(value)}`);
}

/** The text the page renders in the first element matching a Playwright selector, in any frame (a hover, say). */
export function textInPage(selector: string): Promise<string> {
  return actInPage(`text?selector=${encodeURIComponent(selector)}`);
}

/** The HTML inside the first element matching a Playwright selector, in any frame. */
export function htmlInPage(selector: string): Promise<string> {
  return actInPage(`html?selector=${encodeURIComponent(selector)}`);
}

async function actInPage(action: string): Promise<string> {
  const control = process.env.PROMPTMETER_IT_CONTROL;
  if (!control) throw new Error('acting in the page needs the code-server runner (npm run test:integration)');
  return new Promise<string>((resolve, reject) => {
    const request = http.request(`${control}/${action}`, { method: 'POST', timeout: 30_000 }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => (response.statusCode === 200 ? resolve(body) : reject(new Error(`${action} failed: ${body}`))));
    });
    request.on('timeout', () => request.destroy(new Error(`${action} timed out`)));
    request.on('error', reject);
    request.end();
  });
}
