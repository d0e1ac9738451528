import * as vscode from 'vscode';
import { validateConfig, type ConfigLayer, type ConfigProblem } from '../core/config/config';

export type TokenHintStyle = 'inlayHints' | 'decorations' | 'off';

/** Everything the extension reads from `promptmeter.*` settings, read in one place. */
export interface ExtensionSettings {
  enable: boolean;
  languages: string[];
  include: string[];
  exclude: string[];
  codeLens: boolean;
  tokenHints: TokenHintStyle;
  tokenHintMinimum: number;
  costHighlights: boolean;
  statusBar: boolean;
  moderateMonthly: number;
  expensiveMonthly: number;
  configFile: string;
  maxFileSize: number;
  /** The settings shared with the CLI, validated like `.promptmeter.json`. */
  engineLayer: ConfigLayer;
  problems: ConfigProblem[];
}

/** Settings shared with `.promptmeter.json`; their names are the same there. */
const ENGINE_KEYS = [
  'callsPerDay',
  'loopMultiplier',
  'expectedOutputFraction',
  'defaultOutputLimit',
  'defaultSlotTokens',
  'slotTokens',
  'rules',
  'budgets',
  'pricing',
] as const;

export function readSettings(scope?: vscode.ConfigurationScope): ExtensionSettings {
  const section = vscode.workspace.getConfiguration('promptmeter', scope);
  const explicit: Record<string, unknown> = {};
  for (const key of ENGINE_KEYS) {
    const inspected = section.inspect(key);
    // Only values the user set: defaults live in the engine, once.
    const value = inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
    if (value !== undefined) explicit[key] = value;
  }
  const { layer, problems } = validateConfig(explicit, 'settings');
  return {
    enable: section.get<boolean>('enable', true),
    languages: section.get<string[]>('languages', ['python', 'typescript', 'typescriptreact', 'javascript', 'javascriptreact']),
    include: section.get<string[]>('include', []),
    exclude: section.get<string[]>('exclude', []),
    codeLens: section.get<boolean>('inline.codeLens', true),
    tokenHints: section.get<TokenHintStyle>('inline.tokenHints', 'inlayHints'),
    tokenHintMinimum: section.get<number>('inline.tokenHintMinimum', 50),
    costHighlights: section.get<boolean>('inline.costHighlights', true),
    statusBar: section.get<boolean>('inline.statusBar', true),
    moderateMonthly: section.get<number>('thresholds.moderateMonthly', 50),
    expensiveMonthly: section.get<number>('thresholds.expensiveMonthly', 500),
    configFile: section.get<string>('configFile', '.promptmeter.json'),
    maxFileSize: section.get<number>('maxFileSize', 1_000_000),
    engineLayer: layer,
    problems,
  };
}
