import * as vscode from 'vscode';
import { confidenceMark, formatTokens } from '../core/report/format';
import type { AnalysisClient } from './analysis-client';
import type { AnalysisService, DocumentResult } from './analysis-service';
import { version } from '../../package.json';
import { ComparisonPanel } from './comparison-panel';
import { showReportPanel } from './report-panel';
import { toRange } from './convert';

export function registerCommands(extensionUri: vscode.Uri, service: AnalysisService, client: AnalysisClient, output: vscode.LogOutputChannel): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('promptmeter.compareModels', (uri?: vscode.Uri, index?: number) => compareModels(extensionUri, service, uri, index)),
    vscode.commands.registerCommand('promptmeter.countSelectionTokens', () => countSelection(service, client)),
    vscode.commands.registerCommand('promptmeter.openSettings', () => vscode.commands.executeCommand('workbench.action.openSettings', '@ext:promptmeter.promptmeter')),
    vscode.commands.registerCommand('promptmeter.reloadPricing', () => {
      service.reload();
      void vscode.window.showInformationMessage('Promptmeter: settings and prices reloaded.');
    }),
    vscode.commands.registerCommand('promptmeter.fixAllInFile', () => fixAll(service, client)),
    vscode.commands.registerCommand('promptmeter.showReport', () => showReport(service, client, output)),
  ];
}

async function callAt(service: AnalysisService, uri?: vscode.Uri, index?: number): Promise<{ document: vscode.TextDocument; result: DocumentResult; index: number } | undefined> {
  const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!document) return undefined;
  const result = await service.resultFor(document);
  if (!result) return undefined;
  if (index !== undefined) return { document, result, index };
  const cursor = vscode.window.activeTextEditor?.selection.active;
  const found = cursor ? result.evaluation.analysis.calls.findIndex((call) => toRange(call.range).contains(cursor)) : -1;
  return found >= 0 ? { document, result, index: found } : undefined;
}

/** Opens the comparison panel for the call at the cursor (or the one given), or for a blank scenario. */
async function compareModels(extensionUri: vscode.Uri, service: AnalysisService, uri?: vscode.Uri, index?: number): Promise<void> {
  const target = await callAt(service, uri, index);
  ComparisonPanel.show(extensionUri, service, target ? { uri: target.document.uri, index: target.index } : undefined);
}

async function countSelection(service: AnalysisService, client: AnalysisClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.selection.isEmpty) {
    void vscode.window.showInformationMessage('Promptmeter: select some text to count its tokens.');
    return;
  }
  const result = service.current(editor.document);
  const call = result?.evaluation.analysis.calls.find((candidate) => toRange(candidate.range).contains(editor.selection.active));
  const model = call?.model ?? null;
  const count = await client.count({ text: editor.document.getText(editor.selection), model });
  void vscode.window.showInformationMessage(
    `Promptmeter: ${confidenceMark(count.confidence)}${formatTokens(count.tokens)} tokens (${count.confidence}, ${count.method}${model ? `, for ${model}` : ''}).`,
  );
}

/** Every safe fix at once, as one undoable edit; the worker checks that the result parses. */
async function fixAll(service: AnalysisService, client: AnalysisClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const document = editor?.document;
  const result = document ? await service.resultFor(document) : undefined;
  if (!document || !result) return;
  const language = result.evaluation.analysis.language;
  const version = document.version;
  const text = document.getText();
  const fixed = await client.fix({ text, language, config: result.config });
  if (document.version !== version || fixed.output === text) return;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(text.length)), fixed.output);
  await vscode.workspace.applyEdit(edit);
  void vscode.window.setStatusBarMessage(`Promptmeter: applied ${fixed.applied.length} fix${fixed.applied.length === 1 ? '' : 'es'}`, 4000);
}

/** Scans each workspace folder in the worker, with a progress notification whose Cancel stops the scan. */
async function showReport(service: AnalysisService, client: AnalysisClient, output: vscode.LogOutputChannel): Promise<void> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file');
  if (folders.length === 0) {
    void vscode.window.showInformationMessage('Promptmeter: open a folder to get a workspace cost report.');
    return;
  }
  const settings = service.currentSettings;
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Promptmeter: scanning the workspace…', cancellable: true },
    async (_progress, token) => {
      for (const folder of folders) {
        if (token.isCancellationRequested) break;
        const report = await client.report(
          {
            roots: [folder.uri.fsPath],
            cwd: folder.uri.fsPath,
            include: settings.include,
            exclude: settings.exclude,
            maxFileSize: settings.maxFileSize,
            config: service.configFor(folder.uri),
            ...service.readingFor(folder.uri),
            tool: { name: 'promptmeter', version },
          },
          token,
        );
        if (token.isCancellationRequested) break;
        showReportPanel(report, folder, output);
      }
      if (token.isCancellationRequested) output.info('Workspace report cancelled.');
    },
  );
}
