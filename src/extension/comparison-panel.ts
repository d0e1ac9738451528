import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { compressParts } from '../core/compress';
import type { RoutingScenario } from '../core/config/config';
import { withScenario } from '../core/config/scenario-file';
import { workspaceConfigForUpdate } from '../core/config/workspace-file';
import { compressionEdits } from '../core/fix/compress-prompt';
import { replaceStringContent } from '../core/fix/replace';
import type { LlmCall, TextEdit } from '../core/model';
import { loadBundledCatalog, PriceBook } from '../core/pricing';
import type { HostMessage, PanelCall, PanelMessage, PanelState } from '../webview/protocol';
import type { AnalysisService, DocumentResult } from './analysis-service';
import { toRange, toWorkspaceEdit } from './convert';
import { panelHtml } from '../webview/html';
import { parsePanelMessage } from './panel-messages';

interface Target {
  uri: vscode.Uri;
  index: number;
}

/**
 * The comparison panel: one at a time, for the call at the cursor (it follows
 * the cursor unless told not to) or a blank scenario. Everything it changes in
 * the code goes through workspace edits, so undo restores it.
 */
export class ComparisonPanel implements vscode.Disposable {
  static readonly viewType = 'promptmeter.comparison';
  private static current: ComparisonPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private follow = true;

  static show(extensionUri: vscode.Uri, service: AnalysisService, target?: Target): ComparisonPanel {
    if (ComparisonPanel.current) {
      ComparisonPanel.current.panel.reveal(vscode.ViewColumn.Beside, true);
      if (target) ComparisonPanel.current.setTarget(target);
      return ComparisonPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(ComparisonPanel.viewType, 'Promptmeter: Compare Models', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, webviewOptions(extensionUri));
    ComparisonPanel.current = new ComparisonPanel(panel, extensionUri, service, target);
    return ComparisonPanel.current;
  }

  /** Restores the panel after a reload; its inputs come back from the webview's own saved state. */
  static registerSerializer(extensionUri: vscode.Uri, service: AnalysisService): vscode.Disposable {
    return vscode.window.registerWebviewPanelSerializer(ComparisonPanel.viewType, {
      deserializeWebviewPanel: async (panel) => {
        panel.webview.options = webviewOptions(extensionUri);
        ComparisonPanel.current?.dispose();
        ComparisonPanel.current = new ComparisonPanel(panel, extensionUri, service, undefined);
      },
    });
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly service: AnalysisService,
    private target: Target | undefined,
  ) {
    panel.webview.html = html(panel.webview, extensionUri);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((value: unknown) => {
        const message = parsePanelMessage(value);
        if (message) void this.handle(message);
      }),
      service.onDidChange((uri) => {
        if (this.target && uri.toString() === this.target.uri.toString()) void this.postState();
      }),
      vscode.window.onDidChangeTextEditorSelection((event) => this.followCursor(event.textEditor)),
    );
  }

  private setTarget(target: Target): void {
    this.target = target;
    void this.postState();
  }

  private followCursor(editor: vscode.TextEditor): void {
    if (!this.follow) return;
    const result = this.service.current(editor.document);
    const cursor = editor.selection.active;
    const index = result?.evaluation.analysis.calls.findIndex((call) => toRange(call.range).contains(cursor)) ?? -1;
    if (index >= 0 && (this.target?.uri.toString() !== editor.document.uri.toString() || this.target.index !== index)) {
      this.setTarget({ uri: editor.document.uri, index });
    }
  }

  private async handle(message: PanelMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        return this.postState();
      case 'followCursor':
        this.follow = message.follow;
        return;
      case 'selectModel':
        return this.reply('model', await this.changeModel(message.model));
      case 'applyCompression':
        return this.reply('compression', await this.applyCompression(message.options.removeExamples === true));
      case 'saveScenario':
        return this.reply('scenario', await this.saveScenario(message.scenario));
    }
  }

  private reply(what: 'model' | 'compression' | 'scenario', outcome: { ok: boolean; detail: string }): void {
    void this.post({ type: 'applied', what, ...outcome });
  }

  private async resolved(): Promise<{ document: vscode.TextDocument; result: DocumentResult; call: LlmCall } | undefined> {
    if (!this.target) return undefined;
    const document = await vscode.workspace.openTextDocument(this.target.uri);
    const result = await this.service.resultFor(document);
    const call = result?.evaluation.analysis.calls[this.target.index];
    return result && call ? { document, result, call } : undefined;
  }

  private async changeModel(model: string): Promise<{ ok: boolean; detail: string }> {
    const target = await this.resolved();
    if (!target?.call.modelRange) return { ok: false, detail: 'No call with a model in the code is selected.' };
    const edit = replaceStringContent(target.document.getText(), target.call.modelRange, model);
    if (!edit) return { ok: false, detail: 'The model is not a plain string literal here; change it by hand.' };
    const ok = await vscode.workspace.applyEdit(toWorkspaceEdit(target.document, [edit]));
    return { ok, detail: ok ? `Changed the model to ${model}.` : 'The edit was not applied.' };
  }

  private async applyCompression(removeExamples: boolean): Promise<{ ok: boolean; detail: string }> {
    const target = await this.resolved();
    if (!target) return { ok: false, detail: 'No call is selected.' };
    const text = target.document.getText();
    const edits = new Map<number, TextEdit>();
    for (const prompt of target.call.prompts) {
      const compressed = compressParts(prompt.parts, { removeExamples }).parts;
      const promptEdits = compressionEdits(prompt.parts, compressed, text, target.result.evaluation.analysis.language);
      if (!promptEdits) return { ok: false, detail: 'This prompt cannot be rewritten safely (escapes, slots or text from a file); edit it by hand.' };
      for (const edit of promptEdits) edits.set(edit.start, edit);
    }
    if (edits.size === 0) return { ok: true, detail: 'Nothing to compress.' };
    const ok = await vscode.workspace.applyEdit(toWorkspaceEdit(target.document, [...edits.values()]));
    return { ok, detail: ok ? 'Compressed the prompt (undo restores it).' : 'The edit was not applied.' };
  }

  /** Adds or replaces the scenario in `.promptmeter.json`, keeping the file's comments and layout. */
  private async saveScenario(scenario: RoutingScenario): Promise<{ ok: boolean; detail: string }> {
    const folder = this.target ? vscode.workspace.getWorkspaceFolder(this.target.uri) : vscode.workspace.workspaceFolders?.[0];
    if (!folder) return { ok: false, detail: 'Open a folder to save scenarios.' };
    const file = vscode.Uri.joinPath(folder.uri, this.service.currentSettings.configFile);
    let text = '{}\n';
    if (file.scheme === 'file') {
      // The name may come from settings: only a file inside the folder is read and written, and not through a link out of it.
      const current = workspaceConfigForUpdate(folder.uri.fsPath, this.service.currentSettings.configFile);
      if ('problem' in current) return { ok: false, detail: `Not saved: ${vscode.workspace.asRelativePath(file)} ${current.problem}.` };
      text = current.text ?? text;
    } else {
      try {
        text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
      } catch {
        // No file yet: start one.
      }
    }
    const updated = withScenario(text, scenario);
    if ('problem' in updated) return { ok: false, detail: `Not saved: ${vscode.workspace.asRelativePath(file)} ${updated.problem}.` };
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(updated.text));
    return { ok: true, detail: `Saved "${scenario.name}" to ${vscode.workspace.asRelativePath(file)}.` };
  }

  private async postState(): Promise<void> {
    const target = await this.resolved();
    const config = target?.result.config ?? this.service.configFor(this.target?.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file('/'));
    const prices = new PriceBook(loadBundledCatalog(), config.pricing);
    const state: PanelState = {
      call: target ? panelCall(target.document, target.result, this.target?.index ?? 0) : null,
      models: prices.list(),
      pricingAsOf: prices.asOf,
      scenarios: config.scenarios,
    };
    await this.post({ type: 'state', state });
  }

  private post(message: HostMessage): Thenable<boolean> {
    return this.panel.webview.postMessage(message);
  }

  dispose(): void {
    if (ComparisonPanel.current === this) ComparisonPanel.current = undefined;
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
    this.panel.dispose();
  }
}

function panelCall(document: vscode.TextDocument, result: DocumentResult, index: number): PanelCall | null {
  const call = result.evaluation.analysis.calls[index];
  const estimate = result.evaluation.estimates[index];
  if (!call || !estimate) return null;
  const text = document.getText();
  const language = result.evaluation.analysis.language;
  const promptEditable = call.prompts.every((prompt) => compressionEdits(prompt.parts, compressParts(prompt.parts).parts, text, language) !== null);
  return {
    location: `${vscode.workspace.asRelativePath(document.uri)}:${call.nameRange.start.line + 1}`,
    provider: call.provider,
    api: call.api,
    model: call.model,
    modelEditable: call.modelRange !== null && replaceStringContent(text, call.modelRange, 'model') !== null,
    inputTokens: estimate.input.total,
    inputConfidence: estimate.input.confidence,
    assumedTokens: estimate.input.assumed,
    outputTokens: { expected: estimate.output.expected, max: estimate.output.max },
    cacheablePrefixTokens: estimate.cacheablePrefixTokens,
    callsPerDay: estimate.traffic.callsPerDay,
    prompt: call.prompts.flatMap((prompt) => prompt.parts.map((part) => (part.kind === 'static' ? { kind: 'static' as const, text: part.text } : { kind: 'dynamic' as const, name: part.name }))),
    promptEditable,
  };
}

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')] };
}

/** The page and its strict CSP come from src/webview/html.ts, which the browser tests serve too. */
function html(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  return panelHtml({
    cspSource: webview.cspSource,
    // Letters and digits only, as the page expects.
    nonce: randomBytes(16).toString('hex'),
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'panel.js')).toString(),
    styleUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'panel.css')).toString(),
  });
}
