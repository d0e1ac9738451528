import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type * as vscode from 'vscode';
import packageJson from '../../package.json';
import schema from '../../schemas/promptmeter.schema.json';
import { describeProblem, type ConfigLayer } from '../../src/core/config/config';
import { RULES } from '../../src/core/rules';
import { ENGINE_KEYS, readSettings, userSettings, type ExtensionSettings } from '../../src/extension/settings';

/**
 * `promptmeter.*` settings with every kind of wrong value, through the accessor's
 * seam (a `{ get(key) }` of the values the user set). Each case sets one wrong
 * value among GOOD ones and expects one message, the default for that setting
 * only, and every other setting applied.
 */

const GOOD: Record<string, unknown> = {
  enable: false,
  languages: ['python', 'typescript'],
  include: ['src/**'],
  exclude: ['src/generated/**'],
  'inline.codeLens': false,
  'inline.tokenHints': 'decorations',
  'inline.tokenHintMinimum': 10,
  'inline.costHighlights': false,
  'inline.statusBar': false,
  'thresholds.moderateMonthly': 20,
  'thresholds.expensiveMonthly': 200,
  configFile: 'config/promptmeter.json',
  maxFileSize: 5000,
  callsPerDay: 5000,
  loopMultiplier: 4,
  expectedOutputFraction: 0.25,
  defaultOutputLimit: 2048,
  defaultSlotTokens: 300,
  slotTokens: { docs: 3000 },
  defaultModel: 'gpt-4o-mini',
  azureDeployments: { 'prod-chat': 'gpt-4o' },
  rules: { 'unknown-model': 'off' },
  budgets: { perCall: 0.05, monthly: 250 },
  pricing: { aliases: { 'prod-gpt4o': 'gpt-4o' } },
};

const GOOD_ENGINE: ConfigLayer = {
  callsPerDay: 5000,
  loopMultiplier: 4,
  expectedOutputFraction: 0.25,
  defaultOutputLimit: 2048,
  defaultSlotTokens: 300,
  slotTokens: { docs: 3000 },
  defaultModel: 'gpt-4o-mini',
  azureDeployments: { 'prod-chat': 'gpt-4o' },
  rules: { 'unknown-model': 'off' },
  budgets: { perCall: 0.05, monthly: 250 },
  pricing: { aliases: { 'prod-gpt4o': 'gpt-4o' } },
};

const GOOD_SETTINGS: ExtensionSettings = {
  enable: false,
  languages: ['python', 'typescript'],
  include: ['src/**'],
  exclude: ['src/generated/**'],
  codeLens: false,
  tokenHints: 'decorations',
  tokenHintMinimum: 10,
  costHighlights: false,
  statusBar: false,
  moderateMonthly: 20,
  expensiveMonthly: 200,
  configFile: 'config/promptmeter.json',
  maxFileSize: 5000,
  engineLayer: GOOD_ENGINE,
  problems: [],
};

/** What each editor-only setting falls back to (package.json's defaults). */
const DEFAULTS: Partial<ExtensionSettings> = {
  enable: true,
  languages: ['python', 'typescript', 'typescriptreact', 'javascript', 'javascriptreact'],
  include: [],
  exclude: [],
  codeLens: true,
  tokenHints: 'inlayHints',
  tokenHintMinimum: 50,
  costHighlights: true,
  statusBar: true,
  moderateMonthly: 50,
  expensiveMonthly: 500,
  configFile: '.promptmeter.json',
  maxFileSize: 1_000_000,
};

const FIELDS: Record<string, keyof ExtensionSettings> = {
  enable: 'enable',
  languages: 'languages',
  include: 'include',
  exclude: 'exclude',
  'inline.codeLens': 'codeLens',
  'inline.tokenHints': 'tokenHints',
  'inline.tokenHintMinimum': 'tokenHintMinimum',
  'inline.costHighlights': 'costHighlights',
  'inline.statusBar': 'statusBar',
  'thresholds.moderateMonthly': 'moderateMonthly',
  'thresholds.expensiveMonthly': 'expensiveMonthly',
  configFile: 'configFile',
  maxFileSize: 'maxFileSize',
};

interface Case {
  name: string;
  key: string;
  value: unknown;
  message: string | RegExp;
  /** What the settings read instead of GOOD_SETTINGS; by default, the setting's default. */
  applies?: Partial<ExtensionSettings>;
}

/** The setting falls back to its default; an engine setting is simply not in the layer. */
function fallback(key: string): Partial<ExtensionSettings> {
  const field = FIELDS[key];
  if (field) return { [field]: DEFAULTS[field] };
  const engineLayer: Record<string, unknown> = { ...GOOD_ENGINE };
  delete engineLayer[key];
  return { engineLayer };
}

const TYPES: [key: string, type: string][] = [
  ['enable', 'true or false'],
  ['languages', 'a list ([ … ])'],
  ['include', 'a list ([ … ])'],
  ['exclude', 'a list ([ … ])'],
  ['inline.codeLens', 'true or false'],
  ['inline.tokenHintMinimum', 'a whole number'],
  ['inline.costHighlights', 'true or false'],
  ['inline.statusBar', 'true or false'],
  ['thresholds.moderateMonthly', 'a number'],
  ['thresholds.expensiveMonthly', 'a number'],
  ['configFile', 'a string'],
  ['maxFileSize', 'a whole number'],
  ['callsPerDay', 'a number'],
  ['loopMultiplier', 'a number'],
  ['expectedOutputFraction', 'a number'],
  ['defaultOutputLimit', 'a whole number'],
  ['defaultSlotTokens', 'a whole number'],
  ['slotTokens', 'an object ({ … })'],
  ['defaultModel', 'a string'],
  ['azureDeployments', 'an object ({ … })'],
  ['rules', 'an object ({ … })'],
  ['budgets', 'an object ({ … })'],
  ['pricing', 'an object ({ … })'],
];

const WRONG_VALUES: unknown[] = ['lots', 42, 2.5, { a: 1 }, ['x'], null, true];

function accepts(type: string, value: unknown): boolean {
  switch (type) {
    case 'true or false':
      return typeof value === 'boolean';
    case 'a number':
      return typeof value === 'number';
    case 'a whole number':
      return Number.isInteger(value);
    case 'a string':
      return typeof value === 'string';
    case 'a list ([ … ])':
      return Array.isArray(value);
    default:
      return typeof value === 'object' && value !== null && !Array.isArray(value);
  }
}

function shown(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

const TYPE_CASES: Case[] = TYPES.flatMap(([key, type]) =>
  WRONG_VALUES.filter((value) => !accepts(type, value)).map((value) => ({
    name: `${key} = ${JSON.stringify(value)}`,
    key,
    value,
    message: `settings: promptmeter.${key} must be ${type}, not ${shown(value)} (ignored)`,
  })),
);

const LANGUAGES = '"python", "typescript", "typescriptreact", "javascript", "javascriptreact"';

const VALUE_CASES: Case[] = [
  { name: 'an unknown language', key: 'languages', value: ['python', 'rust'], message: `settings: promptmeter.languages[1] must be one of ${LANGUAGES}; not "rust" (ignored)`, applies: { languages: ['python'] } },
  { name: 'a language in capitals', key: 'languages', value: ['Python'], message: `settings: promptmeter.languages[0] must be one of ${LANGUAGES}; not "Python" (ignored)`, applies: { languages: [] } },
  { name: 'an unknown token hint style', key: 'inline.tokenHints', value: 'hover', message: 'settings: promptmeter.inline.tokenHints must be one of "inlayHints", "decorations", "off"; not "hover" (ignored)' },
  { name: 'a boolean token hint style', key: 'inline.tokenHints', value: false, message: 'settings: promptmeter.inline.tokenHints must be a string, not false (ignored)' },
  { name: 'a negative hint minimum', key: 'inline.tokenHintMinimum', value: -1, message: 'settings: promptmeter.inline.tokenHintMinimum must be at least 0, not -1 (ignored)' },
  { name: 'a negative threshold', key: 'thresholds.expensiveMonthly', value: -500, message: 'settings: promptmeter.thresholds.expensiveMonthly must be at least 0, not -500 (ignored)' },
  {
    name: 'a moderate threshold above the expensive one',
    key: 'thresholds.moderateMonthly',
    value: 600,
    message: 'settings: promptmeter.thresholds.moderateMonthly (600) must not be above thresholds.expensiveMonthly (200) (ignored: the defaults 50 and 500 are used)',
    applies: { moderateMonthly: 50, expensiveMonthly: 500 },
  },
  { name: 'an empty settings file name', key: 'configFile', value: '', message: 'settings: promptmeter.configFile must not be empty (ignored)' },
  { name: 'a zero size limit', key: 'maxFileSize', value: 0, message: 'settings: promptmeter.maxFileSize must be at least 1, not 0 (ignored)' },
  { name: 'a size limit in quotes', key: 'maxFileSize', value: '5000', message: 'settings: promptmeter.maxFileSize must be a whole number, not "5000"; write 5000 without quotes (ignored)' },
  { name: 'an empty glob', key: 'include', value: ['src/**', ''], message: 'settings: promptmeter.include[1] must not be empty (ignored)', applies: { include: ['src/**'] } },
  { name: 'an absolute glob', key: 'exclude', value: ['/home/me/app/dist/**'], message: 'settings: promptmeter.exclude[0] is an absolute path; globs match paths relative to the folder, e.g. "src/**" (ignored)', applies: { exclude: [] } },
  { name: 'a glob with Windows separators', key: 'exclude', value: ['dist\\**', 'build/**'], message: 'settings: promptmeter.exclude[0] uses \\ between folders; write / instead: "dist/**" (ignored)', applies: { exclude: ['build/**'] } },
  { name: 'NaN as text', key: 'callsPerDay', value: 'NaN', message: 'settings: promptmeter.callsPerDay must be a number, not "NaN" (ignored)' },
  { name: 'negative traffic', key: 'callsPerDay', value: -1, message: 'settings: promptmeter.callsPerDay must be at least 0, not -1 (ignored)' },
  { name: 'absurd traffic', key: 'callsPerDay', value: 1e15, message: 'settings: promptmeter.callsPerDay must be at most 1,000,000,000, not 1,000,000,000,000,000 (ignored)' },
  { name: 'a percentage for a fraction', key: 'expectedOutputFraction', value: 80, message: 'settings: promptmeter.expectedOutputFraction must be at most 1, not 80 (a fraction: 0.8 for 80%) (ignored)' },
  { name: 'a zero output limit', key: 'defaultOutputLimit', value: 0, message: 'settings: promptmeter.defaultOutputLimit must be at least 1, not 0 (ignored)' },
  {
    name: 'an unknown severity',
    key: 'rules',
    value: { 'unknown-model': 'off', 'missing-max-tokens': 'critical' },
    message: 'settings: promptmeter.rules.missing-max-tokens must be one of "error", "warning", "info", "hint", "off"; not "critical" (ignored)',
    applies: { engineLayer: GOOD_ENGINE },
  },
  {
    name: 'a mistyped rule id',
    key: 'rules',
    value: { 'unknown-model': 'off', 'llm-call-in-loops': 'error' },
    message: 'settings: promptmeter.rules.llm-call-in-loops is not a Promptmeter rule; did you mean "llm-call-in-loop"? (ignored)',
    applies: { engineLayer: GOOD_ENGINE },
  },
  {
    name: 'a zero budget',
    key: 'budgets',
    value: { perCall: 0, monthly: 250 },
    message: 'settings: promptmeter.budgets.perCall must be more than 0, not 0 (ignored)',
    applies: { engineLayer: { ...GOOD_ENGINE, budgets: { monthly: 250 } } },
  },
  {
    name: 'a negative price',
    key: 'pricing',
    value: { aliases: { 'prod-gpt4o': 'gpt-4o' }, models: { 'gpt-4o': { inputPerMTok: -2.5 } } },
    message: 'settings: promptmeter.pricing.models.gpt-4o.inputPerMTok must be at least 0, not -2.5 (ignored)',
    applies: { engineLayer: GOOD_ENGINE },
  },
  {
    name: 'a list of prices',
    key: 'pricing',
    value: { aliases: { 'prod-gpt4o': 'gpt-4o' }, models: [] },
    message: 'settings: promptmeter.pricing.models must be an object ({ … }), not a list (ignored)',
    applies: { engineLayer: GOOD_ENGINE },
  },
];

function fakeSource(values: Record<string, unknown>): { get(key: string): unknown } {
  return { get: (key) => values[key] };
}

describe('promptmeter.* settings: one message per wrong value, its default used, the rest applied', () => {
  it('nothing set: every default, no messages', () => {
    const settings = readSettings(fakeSource({}));
    assert.deepEqual(settings, { ...DEFAULTS, engineLayer: {}, problems: [] });
  });

  it('all good: everything applies, no messages', () => {
    assert.deepEqual(readSettings(fakeSource(GOOD)), GOOD_SETTINGS);
  });

  for (const testCase of [...TYPE_CASES, ...VALUE_CASES]) {
    it(testCase.name, () => {
      const settings = readSettings(fakeSource({ ...GOOD, [testCase.key]: testCase.value }));
      const messages = settings.problems.map(describeProblem);
      assert.equal(messages.length, 1, messages.join('\n'));
      if (typeof testCase.message === 'string') assert.equal(messages[0], testCase.message);
      else assert.match(messages[0] ?? '', testCase.message);
      const { problems: _problems, ...rest } = settings;
      const { problems: _expected, ...expected } = { ...GOOD_SETTINGS, ...(testCase.applies ?? fallback(testCase.key)) };
      assert.deepEqual(rest, expected);
    });
  }

  it('every setting wrong at once: exactly one message each', () => {
    const wrong = Object.fromEntries(Object.keys(GOOD).map((key) => [key, null]));
    const settings = readSettings(fakeSource(wrong));
    assert.deepEqual(settings.problems.map((problem) => problem.key).sort(), Object.keys(GOOD).map((key) => `promptmeter.${key}`).sort());
    assert.deepEqual(settings, { ...DEFAULTS, engineLayer: {}, problems: settings.problems });
  });

  it('covers every declared setting', () => {
    const declared = Object.keys(packageJson.contributes.configuration.properties).map((key) => key.replace(/^promptmeter\./, ''));
    const covered = new Set([...TYPE_CASES, ...VALUE_CASES].map((testCase) => testCase.key));
    assert.deepEqual(declared.filter((key) => !covered.has(key)), []);
    assert.deepEqual(Object.keys(GOOD).sort(), [...declared].sort());
  });
});

describe('userSettings', () => {
  it('reads what the user set, the folder over the workspace over the user, and never the default', () => {
    const inspected: Record<string, Record<string, unknown>> = {
      callsPerDay: { defaultValue: 1000, globalValue: 10, workspaceValue: 20, workspaceFolderValue: 30 },
      loopMultiplier: { defaultValue: 10, globalValue: 3, workspaceValue: 4 },
      enable: { defaultValue: true, globalValue: false },
      languages: { defaultValue: ['python'] },
    };
    const section = { inspect: (key: string) => inspected[key] } as unknown as vscode.WorkspaceConfiguration;
    const source = userSettings(section);
    assert.deepEqual(['callsPerDay', 'loopMultiplier', 'enable', 'languages', 'missing'].map((key) => source.get(key)), [30, 4, false, undefined, undefined]);
  });
});

describe('package.json settings and schemas/promptmeter.schema.json', () => {
  type Node = Record<string, unknown>;
  const definitions = (schema as unknown as { definitions: Record<string, Node> }).definitions;
  /** A schema as a validator sees it: references inlined, documentation left out. */
  const normalized = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(normalized);
    if (typeof node !== 'object' || node === null) return node;
    const { $ref, description: _d, markdownDescription: _m, default: _default, ...rest } = node as Node;
    if (typeof $ref === 'string') return normalized(definitions[$ref.replace('#/definitions/', '')]);
    return Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, normalized(value)]));
  };

  it('declare the shared settings alike, so the editor flags what the engine rejects', () => {
    const declared = packageJson.contributes.configuration.properties as Record<string, unknown>;
    const properties = (schema as unknown as { properties: Record<string, unknown> }).properties;
    // `pricing` is declared loosely in package.json (VS Code settings cannot use definitions); the engine checks it in full.
    for (const key of ENGINE_KEYS.filter((name) => name !== 'pricing')) {
      assert.deepEqual(normalized(declared[`promptmeter.${key}`]), normalized(properties[key]), key);
    }
  });

  it('list exactly the rules there are', () => {
    const ids = RULES.map((rule) => rule.meta.id).sort();
    const properties = (schema as unknown as { properties: { rules: { properties: Node } } }).properties;
    assert.deepEqual(Object.keys(properties.rules.properties).sort(), ids);
    const declared = packageJson.contributes.configuration.properties['promptmeter.rules'].properties;
    assert.deepEqual(Object.keys(declared).sort(), ids);
  });
});
