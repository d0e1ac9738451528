import * as path from 'node:path';
import * as vscode from 'vscode';
import { AnalysisClient } from './analysis-client';
import { AnalysisService } from './analysis-service';
import { PromptmeterCodeActions } from './code-actions';
import { ComparisonPanel } from './comparison-panel';
import { CostCodeLensProvider } from './code-lens';
import { registerCommands } from './commands';
import { registerDecorations } from './decorations';
import { registerDiagnostics } from './diagnostics';
import { CostHoverProvider } from './hover';
import { registerStatusBar } from './status-bar';
import { TokenInlayHintsProvider } from './token-hints';

const SELECTOR: vscode.DocumentSelector = ['python', 'typescript', 'typescriptreact', 'javascript', 'javascriptreact'].flatMap((language) => [
  { language, scheme: 'file' },
  { language, scheme: 'untitled' },
]);

/**
 * Wires the providers to one analysis service. Activation only registers things:
 * the worker, grammars and tokenizer ranks load when the first file is analysed.
 */
/** What `activate` returns: read-only views for tests and other extensions. */
export interface PromptmeterApi {
  statusBarText(): string | undefined;
}

export function activate(context: vscode.ExtensionContext): PromptmeterApi {
  const started = performance.now();
  const output = vscode.window.createOutputChannel('Promptmeter', { log: true });
  const client = new AnalysisClient(path.join(context.extensionPath, 'dist'), (message) => output.error(message));
  const service = new AnalysisService(client, output);
  const statusBar = registerStatusBar(service);
  context.subscriptions.push(
    output,
    { dispose: () => client.dispose() },
    service,
    ...registerDiagnostics(service),
    ...registerDecorations(service),
    ...statusBar.disposables,
    ...registerCommands(context.extensionUri, service, client, output),
    ComparisonPanel.registerSerializer(context.extensionUri, service),
    vscode.languages.registerCodeLensProvider(SELECTOR, new CostCodeLensProvider(service)),
    vscode.languages.registerHoverProvider(SELECTOR, new CostHoverProvider(service)),
    vscode.languages.registerInlayHintsProvider(SELECTOR, new TokenInlayHintsProvider(service)),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new PromptmeterCodeActions(service), PromptmeterCodeActions.metadata),
    vscode.workspace.onDidOpenTextDocument((document) => service.schedule(document, 0)),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0) service.schedule(event.document);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => service.forget(document.uri)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('promptmeter')) service.reload();
    }),
    // Prompt files and the workspace's restricted settings apply from now on, without a reload of the window.
    vscode.workspace.onDidGrantWorkspaceTrust(() => service.reload()),
    watchWorkspaceConfig(service),
  );
  for (const document of vscode.workspace.textDocuments) service.schedule(document, 0);
  output.info(`Promptmeter activated in ${(performance.now() - started).toFixed(1)} ms.`);
  return { statusBarText: statusBar.text };
}

/** `.promptmeter.json` edits apply at once, like settings. */
function watchWorkspaceConfig(service: AnalysisService): vscode.Disposable {
  const watcher = vscode.workspace.createFileSystemWatcher(`**/${service.currentSettings.configFile}`);
  const reload = (): void => service.reload();
  watcher.onDidChange(reload);
  watcher.onDidCreate(reload);
  watcher.onDidDelete(reload);
  return watcher;
}

export function deactivate(): void {}
