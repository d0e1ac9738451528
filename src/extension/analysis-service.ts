import * as path from 'node:path';
import { minimatch } from 'minimatch';
import * as vscode from 'vscode';
import { describeProblem, resolveConfig, type ConfigLayer, type ConfigProblem, type PromptmeterConfig } from '../core/config/config';
import { checkPricing, type SourcedLayer } from '../core/config/pricing-check';
import { readWorkspaceConfig } from '../core/config/workspace-file';
import type { FileEvaluation } from '../core/engine/evaluate';
import type { SourceLanguage } from '../core/model';
import type { AnalysisClient } from './analysis-client';
import { readSettings, userSettings, type ExtensionSettings } from './settings';
import type { Reading } from './worker/protocol';

/** Beside a prompt-file slot in Restricted Mode: why its text is not counted, and how to change that. */
export const RESTRICTED_MODE_REASON = 'not read in Restricted Mode (trust the workspace to count it)';

const LANGUAGES: Record<string, SourceLanguage> = {
  python: 'python',
  typescript: 'typescript',
  typescriptreact: 'tsx',
  javascript: 'javascript',
  javascriptreact: 'javascript',
};

/** Waits after the last keystroke before analysing; short enough to feel instant. */
const DEBOUNCE_MS = 150;

export interface DocumentResult {
  version: number;
  evaluation: FileEvaluation;
  config: PromptmeterConfig;
  /** Time the worker took, for the output channel and the benchmark. */
  ms: number;
}

/**
 * Keeps one fresh evaluation per open document: analyses on open and (debounced)
 * on change, drops results that are stale by the time they arrive, and tells
 * the presentation layer when something new is ready.
 */
export class AnalysisService implements vscode.Disposable {
  private readonly results = new Map<string, DocumentResult>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly inFlight = new Map<string, Promise<DocumentResult | undefined>>();
  private readonly folderLayers = new Map<string, ConfigLayer>();
  private readonly reportedProblems = new Set<string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private settings: ExtensionSettings;
  /** The models the open files name, as of the last result: see refreshRangesIfModelsChanged. */
  private namedModelsKey = '';

  readonly onDidChange = this.changed.event;

  constructor(
    private readonly client: AnalysisClient,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.settings = this.loadSettings();
  }

  get currentSettings(): ExtensionSettings {
    return this.settings;
  }

  /** Settings or `.promptmeter.json` changed: drop everything cached and analyse the open files again. */
  reload(): void {
    this.folderLayers.clear();
    this.reportedProblems.clear();
    this.settings = this.loadSettings();
    this.results.clear();
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  private loadSettings(): ExtensionSettings {
    const settings = readSettings(userSettings(vscode.workspace.getConfiguration('promptmeter')));
    this.reportProblems([...settings.problems, ...checkPricing([this.settingsLayer(settings)])]);
    return settings;
  }

  private settingsLayer(settings = this.settings): SourcedLayer {
    return { source: 'settings', layer: settings.engineLayer, keyPrefix: 'promptmeter.' };
  }

  /** Whether this document is one Promptmeter analyses, and if not, why. */
  skipReason(document: vscode.TextDocument): string | null {
    if (!this.settings.enable) return 'Promptmeter is disabled (promptmeter.enable)';
    if (!LANGUAGES[document.languageId] || !this.settings.languages.includes(document.languageId)) return 'language not analysed';
    if (document.getText().length > this.settings.maxFileSize) return `larger than promptmeter.maxFileSize (${this.settings.maxFileSize} characters)`;
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    if (folder && document.uri.scheme === 'file') {
      const relative = path.relative(folder.uri.fsPath, document.uri.fsPath).split(path.sep).join('/');
      if (this.settings.exclude.some((glob) => minimatch(relative, glob, { dot: true }))) return 'excluded by promptmeter.exclude';
      if (this.settings.include.length > 0 && !this.settings.include.some((glob) => minimatch(relative, glob, { dot: true }))) {
        return 'not matched by promptmeter.include';
      }
    }
    return null;
  }

  /** The evaluation of the document's current version, if it is ready. */
  current(document: vscode.TextDocument): DocumentResult | undefined {
    const result = this.results.get(document.uri.toString());
    return result?.version === document.version ? result : undefined;
  }

  /** The evaluation of the current version, analysing now if needed; undefined when skipped or cancelled. */
  async resultFor(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<DocumentResult | undefined> {
    const ready = this.current(document);
    if (ready) return ready;
    const result = await this.analyze(document);
    if (token?.isCancellationRequested || result?.version !== document.version) return undefined;
    return result;
  }

  schedule(document: vscode.TextDocument, delay = DEBOUNCE_MS): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    if (this.skipReason(document)) {
      this.forget(document.uri);
      return;
    }
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.analyze(document);
      }, delay),
    );
  }

  forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.client.forget(key);
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    if (this.results.delete(key)) this.changed.fire(uri);
  }

  /**
   * Where the worker may read for a document: inside the workspace folders (and the
   * file's own folder when it is in none), and in Restricted Mode no prompt
   * file at all, so that an untrusted workspace gets nothing read but what is open.
   */
  readingFor(uri: vscode.Uri): Reading {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file').map((folder) => folder.uri.fsPath);
    // A file opened from outside every folder reads the prompt files beside it, as the user opened it there.
    const ownFolder = uri.scheme === 'file' && !vscode.workspace.getWorkspaceFolder(uri) ? [path.dirname(uri.fsPath)] : [];
    const boundary = [...folders, ...ownFolder];
    return vscode.workspace.isTrusted ? { boundary } : { boundary, promptFilesRefused: RESTRICTED_MODE_REASON };
  }

  /** Settings, then the `.promptmeter.json` of the folder holding `uri` (the file wins, as in the CLI). */
  configFor(uri: vscode.Uri): PromptmeterConfig {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return resolveConfig([this.settings.engineLayer, folder ? this.folderLayer(folder) : {}]);
  }

  private folderLayer(folder: vscode.WorkspaceFolder): ConfigLayer {
    const cached = this.folderLayers.get(folder.uri.toString());
    if (cached) return cached;
    if (folder.uri.scheme !== 'file') return {};
    const { layer, problems, file } = readWorkspaceConfig(folder.uri.fsPath, this.settings.configFile);
    // An alias may name a model the other layer adds, so prices are checked on both together.
    const pricing = file ? checkPricing([this.settingsLayer(), { source: file, layer }]) : [];
    this.reportProblems([...problems, ...pricing]);
    this.folderLayers.set(folder.uri.toString(), layer);
    return layer;
  }

  private analyze(document: vscode.TextDocument): Promise<DocumentResult | undefined> {
    const key = `${document.uri.toString()}@${document.version}`;
    const running = this.inFlight.get(key);
    if (running) return running;
    const promise = this.run(document).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, promise);
    return promise;
  }

  private async run(document: vscode.TextDocument): Promise<DocumentResult | undefined> {
    const language = LANGUAGES[document.languageId];
    if (!language || this.skipReason(document)) return undefined;
    const version = document.version;
    const config = this.configFor(document.uri);
    const started = performance.now();
    try {
      const evaluation = await this.client.evaluate({
        key: document.uri.toString(),
        text: document.getText(),
        language,
        config,
        directory: document.uri.scheme === 'file' ? path.dirname(document.uri.fsPath) : null,
        ...this.readingFor(document.uri),
      });
      // The document moved on while we worked: a newer analysis is on its way.
      if (document.version !== version || document.isClosed) return undefined;
      const result: DocumentResult = { version, evaluation, config, ms: performance.now() - started };
      this.results.set(document.uri.toString(), result);
      this.refreshRangesIfModelsChanged(document);
      this.output.trace(`Analysed ${vscode.workspace.asRelativePath(document.uri)} v${version}: ${evaluation.analysis.calls.length} calls, ${evaluation.findings.length} findings, ${result.ms.toFixed(1)} ms`);
      this.changed.fire(document.uri);
      return result;
    } catch (error) {
      this.output.error(`Analysis of ${document.uri.toString()} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return undefined;
    }
  }

  /**
   * A call without a model ranges over the models the open files name. When a result
   * changes that set, the other open files with such a call are analysed again, so that
   * their ranges do not lag behind the file that was just typed in.
   */
  private refreshRangesIfModelsChanged(changed: vscode.TextDocument): void {
    const named = new Set<string>();
    for (const result of this.results.values()) {
      result.evaluation.analysis.calls.forEach((call, index) => {
        const price = result.evaluation.estimates[index]?.price;
        if (price?.found) named.add(`${call.provider}\0${price.price.id}`);
      });
    }
    const key = [...named].sort().join('\n');
    if (key === this.namedModelsKey) return;
    this.namedModelsKey = key;
    for (const document of vscode.workspace.textDocuments) {
      const result = this.current(document);
      if (document !== changed && result?.evaluation.estimates.some((estimate) => estimate.cost.range?.basis === 'named-models' || estimate.cost.range?.basis === 'provider-models')) {
        this.schedule(document, 0);
      }
    }
  }

  /** Each problem once in the output channel, and one notification per batch. */
  private reportProblems(problems: readonly ConfigProblem[]): void {
    const fresh = [...new Set(problems.map(describeProblem))].filter((problem) => !this.reportedProblems.has(problem));
    if (fresh.length === 0) return;
    for (const problem of fresh) {
      this.reportedProblems.add(problem);
      this.output.warn(problem);
    }
    void vscode.window
      .showWarningMessage(`Promptmeter: ${fresh.length} problem${fresh.length === 1 ? '' : 's'} in settings: ${fresh[0]}`, 'Show Details')
      .then((choice) => {
        if (choice) this.output.show(true);
      });
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.changed.dispose();
  }
}
