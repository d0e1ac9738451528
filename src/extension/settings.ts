import type * as vscode from 'vscode';
import { contributes } from '../../package.json';
import { validateConfig, type ConfigLayer, type ConfigProblem } from '../core/config/config';
import { globProblem } from '../core/config/globs';
import { keepValid, type SchemaNode } from '../core/config/schema-walk';

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
  /** One per wrong value; that value is replaced by its default, the rest apply. */
  problems: ConfigProblem[];
}

/** The value the user set for a key under `promptmeter.` (e.g. `inline.codeLens`), or undefined. */
export interface SettingsSource {
  get(key: string): unknown;
}

/** The user's own values (folder, then workspace, then user settings); defaults come from package.json, once. */
export function userSettings(section: vscode.WorkspaceConfiguration): SettingsSource {
  return {
    get(key) {
      const inspected = section.inspect(key);
      return inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
    },
  };
}

type EditorSettings = Omit<ExtensionSettings, 'engineLayer' | 'problems'>;

/** Settings only the editor uses, by field, with their key under `promptmeter.`. */
const EDITOR_KEYS = {
  enable: 'enable',
  languages: 'languages',
  include: 'include',
  exclude: 'exclude',
  codeLens: 'inline.codeLens',
  tokenHints: 'inline.tokenHints',
  tokenHintMinimum: 'inline.tokenHintMinimum',
  costHighlights: 'inline.costHighlights',
  statusBar: 'inline.statusBar',
  moderateMonthly: 'thresholds.moderateMonthly',
  expensiveMonthly: 'thresholds.expensiveMonthly',
  configFile: 'configFile',
  maxFileSize: 'maxFileSize',
} as const satisfies Record<keyof EditorSettings, string>;

/** Settings shared with `.promptmeter.json`; their names are the same there. */
export const ENGINE_KEYS = [
  'callsPerDay',
  'loopMultiplier',
  'expectedOutputFraction',
  'defaultOutputLimit',
  'defaultSlotTokens',
  'slotTokens',
  'defaultModel',
  'azureDeployments',
  'rules',
  'budgets',
  'pricing',
] as const;

/** `contributes.configuration`: the schema VS Code shows is the one the values are checked against. */
const DECLARED = contributes.configuration.properties as unknown as Record<string, SchemaNode & { default?: unknown }>;

export function readSettings(source: SettingsSource): ExtensionSettings {
  const problems: ConfigProblem[] = [];
  const report = (key: string, message: string) => problems.push({ source: 'settings', key: `promptmeter.${key}`, message });
  const editor: Record<string, unknown> = {};
  for (const [field, key] of Object.entries(EDITOR_KEYS)) {
    const declared = DECLARED[`promptmeter.${key}`];
    const value = source.get(key);
    const valid = value === undefined ? undefined : keepValid(declared, value, key, report, { formats: { glob: globProblem } });
    editor[field] = valid ?? declared.default;
  }
  const settings = editor as EditorSettings;
  if (settings.moderateMonthly > settings.expensiveMonthly) {
    const moderate = DECLARED['promptmeter.thresholds.moderateMonthly'].default as number;
    const expensive = DECLARED['promptmeter.thresholds.expensiveMonthly'].default as number;
    report(
      'thresholds.moderateMonthly',
      `(${settings.moderateMonthly}) must not be above thresholds.expensiveMonthly (${settings.expensiveMonthly}) (ignored: the defaults ${moderate} and ${expensive} are used)`,
    );
    settings.moderateMonthly = moderate;
    settings.expensiveMonthly = expensive;
  }
  const explicit = Object.fromEntries(ENGINE_KEYS.map((key) => [key, source.get(key)]).filter(([, value]) => value !== undefined));
  const engine = validateConfig(explicit, 'settings', 'promptmeter.');
  return { ...settings, engineLayer: engine.layer, problems: [...problems, ...engine.problems] };
}
