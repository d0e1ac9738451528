import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { clickInPage, openWorkspaceFile, screenshot, waitFor } from '../helpers';

// Run by the runner's `restricted` phase: a hostile workspace opened in Restricted Mode
// (scripts/integration/phases.ts writes it, and the two spies this file reads).
const READ_SPY = process.env.PROMPTMETER_IT_READ_SPY ?? '';
const GIT_LOG = process.env.PROMPTMETER_IT_GIT_LOG ?? '';
const RESTRICTED_REASON = 'not read in Restricted Mode (trust the workspace to count it)';

async function codeLensTitle(uri: vscode.Uri): Promise<string> {
  return waitFor(async () => {
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
    return lenses.map((lens) => lens.command?.title ?? '').find((title) => title.includes('gpt-4o'));
  }, 'the CodeLens of the call');
}

/** Markdown source as it reads: workspace text in a hover is backslash-escaped. */
function unescaped(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** The hover on the call, as Markdown source without escapes, once `ready` says it is the one awaited. */
async function callHover(document: vscode.TextDocument, ready: (text: string) => boolean, what: string): Promise<string> {
  const position = document.positionAt(document.getText().indexOf('create('));
  return waitFor(async () => {
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position)) ?? [];
    const text = unescaped(hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n'));
    return ready(text) ? text : undefined;
  }, what);
}

/** Nothing was opened or read below the folder beside the workspace, by anything: the kernel's word (inotify). */
function assertNothingOutsideOpened(): void {
  assert.ok(READ_SPY && fs.existsSync(READ_SPY), `the inotify log ${READ_SPY} is missing: the runner's spy did not start`);
  const lines = fs.readFileSync(READ_SPY, 'utf8').split('\n').filter(Boolean);
  // The runner reads canary.txt there before VS Code starts, to prove the spy logs.
  assert.ok(lines.some((line) => line.includes('canary.txt')), 'the spy logged not even the canary');
  assert.deepEqual(lines.filter((line) => !line.includes('canary.txt')), [], 'files outside the workspace were opened');
}

function assertNoGitRun(): void {
  assert.ok(GIT_LOG, 'PROMPTMETER_IT_GIT_LOG is not set');
  assert.equal(fs.existsSync(GIT_LOG) ? fs.readFileSync(GIT_LOG, 'utf8') : '', '', 'git ran');
}

suite('Restricted Mode, on a hostile workspace', () => {
  test('tokens and costs for the open file, but no prompt file read, no git run, nothing outside opened', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the workspace should open in Restricted Mode');
    const editor = await openWorkspaceFile('app.py');
    const title = await codeLensTitle(editor.document.uri);
    assert.match(title, /^gpt-4o · [\d,]+ in \([\d,]+ assumed\) \+ 150 \(≤300\) out tok · \$[\d.]+\/call · \$[\d.,]+\/mo$/);

    const hover = await callHover(editor.document, (text) => text.includes('calls/day'), 'the hover of the call');
    assert.equal(hover.split(RESTRICTED_REASON).length - 1, 5, hover);
    // The workspace's promptmeter.configFile (team.json: 7 calls a day) is a restricted setting: ignored.
    assert.match(hover, /at 1,000 calls\/day/);
    await screenshot('restricted-mode');
    assertNothingOutsideOpened();
    assertNoGitRun();
  });

  test('trusting the workspace reads the prompt file inside and its settings, without a reload; still nothing outside', async () => {
    const editor = await openWorkspaceFile('app.py');
    await vscode.commands.executeCommand('workbench.trust.manage');
    await clickInPage('.workspace-trust-buttons-row .monaco-button');
    await waitFor(() => vscode.workspace.isTrusted, 'the workspace to be trusted');
    await vscode.window.showTextDocument(editor.document);

    const hover = await callHover(editor.document, (text) => text.includes('at 7 calls/day') && !text.includes(RESTRICTED_REASON), 'the hover after trust');
    assert.match(hover, /outside the workspace, not read/);
    assert.match(hover, /an absolute path, not read/);
    const staticTokens = /\| static prompt text \| (\d[\d,]*) \|/.exec(hover)?.[1];
    assert.ok(staticTokens && Number(staticTokens.replace(/,/g, '')) > 200, `prompts/system.txt is not counted: ${hover}`);
    assertNothingOutsideOpened();
    assertNoGitRun();
  });
});
