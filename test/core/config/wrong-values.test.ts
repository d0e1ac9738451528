import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeProblem, parseConfigText, type ConfigLayer } from '../../../src/core/config/config';
import { checkPricing } from '../../../src/core/config/pricing-check';

/**
 * Every kind of wrong value in `.promptmeter.json`. Each case adds one wrong
 * entry to a file that also holds VALID, and expects exactly its messages
 * (schema and price checks together), and everything of VALID it did not touch
 * still applied: nothing else lost.
 */

const FILE = '/work/app/.promptmeter.json';

const VALID = {
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
  pricing: {
    models: { 'acme-7b': { inputPerMTok: 0.3, outputPerMTok: 1.2 } },
    aliases: { 'prod-gpt4o': 'gpt-4o' },
  },
  include: ['src/**'],
  exclude: ['src/generated/**'],
  scenarios: [{ name: 'mini first', mode: 'cascade', tiers: [{ model: 'gpt-4o-mini', share: 0.2 }, { model: 'gpt-4o', share: 0 }] }],
};

interface Case {
  name: string;
  /** Merged into VALID: objects key by key, lists appended, anything else replaced. */
  wrong: Record<string, unknown>;
  /** Each problem as `key message`, in order. */
  problems: (string | RegExp)[];
  /** What of `wrong` is still applied, when something is (merged like `wrong`). */
  keeps?: Record<string, unknown>;
}

const NUMBER = 'a number';
const WHOLE = 'a whole number';
const OBJECT = 'an object ({ … })';
const LIST = 'a list ([ … ])';
const STRING = 'a string';

/** Wrong types: each key given each JSON type it does not take. */
const TYPED_KEYS: [path: string[], type: string][] = [
  [['callsPerDay'], NUMBER],
  [['loopMultiplier'], NUMBER],
  [['expectedOutputFraction'], NUMBER],
  [['defaultOutputLimit'], WHOLE],
  [['defaultSlotTokens'], WHOLE],
  [['slotTokens'], OBJECT],
  [['slotTokens', 'history'], WHOLE],
  [['rules'], OBJECT],
  [['budgets'], OBJECT],
  [['budgets', 'perCall'], NUMBER],
  [['budgets', 'monthly'], NUMBER],
  [['defaultModel'], STRING],
  [['azureDeployments'], OBJECT],
  [['azureDeployments', 'prod-chat'], STRING],
  [['pricing'], OBJECT],
  [['pricing', 'models'], OBJECT],
  [['pricing', 'models', 'gpt-4o'], OBJECT],
  [['pricing', 'models', 'gpt-4o', 'inputPerMTok'], NUMBER],
  [['pricing', 'models', 'gpt-4o', 'contextWindow'], WHOLE],
  [['pricing', 'aliases'], OBJECT],
  [['pricing', 'aliases', 'prod-claude'], STRING],
  [['include'], LIST],
  [['exclude'], LIST],
  [['scenarios'], LIST],
];

const WRONG_VALUES: unknown[] = ['lots', 42, 2.5, { a: 1 }, [1], null, true];

function acceptedBy(type: string, value: unknown): boolean {
  if (type === NUMBER) return typeof value === 'number';
  if (type === WHOLE) return Number.isInteger(value);
  if (type === STRING) return typeof value === 'string';
  if (type === OBJECT) return typeof value === 'object' && value !== null && !Array.isArray(value);
  return Array.isArray(value);
}

function shown(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

const TYPE_CASES: Case[] = TYPED_KEYS.flatMap(([path, type]) =>
  WRONG_VALUES.filter((value) => !acceptedBy(type, value)).map((value) => ({
    name: `${path.join('.')} = ${JSON.stringify(value)}`,
    wrong: nest(path, value),
    problems: [`${path.join('.')} must be ${type}, not ${shown(value)} (ignored)`],
  })),
);

const SEVERITIES = '"error", "warning", "info", "hint", "off"';

const VALUE_CASES: Case[] = [
  // Numbers as text, and out of range.
  { name: 'a number in quotes', wrong: { callsPerDay: '5000' }, problems: ['callsPerDay must be a number, not "5000"; write 5000 without quotes (ignored)'] },
  { name: 'NaN as text', wrong: { callsPerDay: 'NaN' }, problems: ['callsPerDay must be a number, not "NaN" (ignored)'] },
  { name: 'Infinity as text', wrong: { loopMultiplier: 'Infinity' }, problems: ['loopMultiplier must be a number, not "Infinity" (ignored)'] },
  { name: 'negative traffic', wrong: { callsPerDay: -5 }, problems: ['callsPerDay must be at least 0, not -5 (ignored)'] },
  { name: 'absurd traffic', wrong: { callsPerDay: 1e12 }, problems: ['callsPerDay must be at most 1,000,000,000, not 1,000,000,000,000 (ignored)'] },
  { name: 'a loop that runs less', wrong: { loopMultiplier: 0.5 }, problems: ['loopMultiplier must be at least 1, not 0.5 (ignored)'] },
  { name: 'no output at all', wrong: { expectedOutputFraction: 0 }, problems: ['expectedOutputFraction must be more than 0, not 0 (ignored)'] },
  { name: 'a percentage for a fraction', wrong: { expectedOutputFraction: 50 }, problems: ['expectedOutputFraction must be at most 1, not 50 (a fraction: 0.5 for 50%) (ignored)'] },
  { name: 'a zero output limit', wrong: { defaultOutputLimit: 0 }, problems: ['defaultOutputLimit must be at least 1, not 0 (ignored)'] },
  { name: 'a fractional output limit', wrong: { defaultOutputLimit: 512.5 }, problems: ['defaultOutputLimit must be a whole number, not 512.5 (ignored)'] },
  { name: 'an absurd output limit', wrong: { defaultOutputLimit: 1e9 }, problems: ['defaultOutputLimit must be at most 10,000,000, not 1,000,000,000 (ignored)'] },
  { name: 'a negative slot size', wrong: { defaultSlotTokens: -1 }, problems: ['defaultSlotTokens must be at least 0, not -1 (ignored)'] },
  { name: 'one bad slot among good ones', wrong: { slotTokens: { history: -100, query: 50 } }, problems: ['slotTokens.history must be at least 0, not -100 (ignored)'], keeps: { slotTokens: { query: 50 } } },
  { name: 'a zero budget', wrong: { budgets: { perCall: 0 } }, problems: ['budgets.perCall must be more than 0, not 0 (ignored)'] },
  { name: 'a negative budget', wrong: { budgets: { monthly: -100 } }, problems: ['budgets.monthly must be more than 0, not -100 (ignored)'] },
  { name: 'an absurd budget', wrong: { budgets: { monthly: 1e13 } }, problems: ['budgets.monthly must be at most 1,000,000,000,000, not 10,000,000,000,000 (ignored)'] },

  // Rules: severities and ids.
  { name: 'an unknown severity', wrong: { rules: { 'missing-max-tokens': 'critical' } }, problems: [`rules.missing-max-tokens must be one of ${SEVERITIES}; not "critical" (ignored)`] },
  { name: 'a severity in capitals', wrong: { rules: { 'missing-max-tokens': 'ERROR' } }, problems: [`rules.missing-max-tokens must be one of ${SEVERITIES}; not "ERROR" (ignored)`] },
  { name: 'a boolean severity', wrong: { rules: { 'missing-max-tokens': false } }, problems: [`rules.missing-max-tokens must be one of ${SEVERITIES}; not false (ignored)`] },
  { name: 'a mistyped rule id', wrong: { rules: { 'missing-max-token': 'error' } }, problems: ['rules.missing-max-token is not a Promptmeter rule; did you mean "missing-max-tokens"? (ignored)'] },
  { name: 'an unknown rule id', wrong: { rules: { 'no-such-rule': 'error' } }, problems: [/^rules\.no-such-rule is not a Promptmeter rule \(known: missing-max-tokens, .*expensive-model-for-simple-task, retired-model\) \(ignored\)$/] },

  // Unknown keys: reported, skipped, never fatal (a newer file still applies what this version knows).
  { name: 'a key in the wrong case', wrong: { callsperday: 10 }, problems: ['callsperday is not a Promptmeter setting; did you mean "callsPerDay"? (ignored)'] },
  { name: 'a mistyped key', wrong: { loopMultiplyer: 3 }, problems: ['loopMultiplyer is not a Promptmeter setting; did you mean "loopMultiplier"? (ignored)'] },
  { name: 'a key from VS Code settings', wrong: { 'promptmeter.defaultSlotTokens': 10 }, problems: ['promptmeter.defaultSlotTokens is not a Promptmeter setting; did you mean "defaultSlotTokens"? (ignored)'] },
  { name: 'a nested key at the top', wrong: { aliases: { prod: 'gpt-4o' } }, problems: ['aliases is not a Promptmeter setting; did you mean "pricing.aliases"? (ignored)'] },
  { name: 'a rule at the top', wrong: { 'missing-max-tokens': 'off' }, problems: ['missing-max-tokens is not a Promptmeter setting; did you mean "rules.missing-max-tokens"? (ignored)'] },
  { name: 'a key from a later version', wrong: { telemetry: false }, problems: [/^telemetry is not a Promptmeter setting \(known: callsPerDay, loopMultiplier, .*, scenarios\) \(ignored\)$/] },
  { name: 'an unknown budget', wrong: { budgets: { daily: 5 } }, problems: ['budgets.daily is not a known field (known: perCall, monthly) (ignored)'] },
  { name: 'an unknown pricing section', wrong: { pricing: { currency: 'EUR' } }, problems: ['pricing.currency is not a known field (known: models, aliases) (ignored)'] },

  // Price overrides.
  { name: 'a negative price', wrong: { pricing: { models: { 'gpt-4o': { inputPerMTok: -1 } } } }, problems: ['pricing.models.gpt-4o.inputPerMTok must be at least 0, not -1 (ignored)'] },
  { name: 'an absurd price', wrong: { pricing: { models: { 'gpt-4o': { outputPerMTok: 1e6 } } } }, problems: ['pricing.models.gpt-4o.outputPerMTok must be at most 10,000, not 1,000,000 (ignored)'] },
  {
    name: 'a price per token',
    wrong: { pricing: { models: { 'gpt-4o': { inputPerMTok: 0.0000025 } } } },
    problems: ['pricing.models.gpt-4o inputPerMTok 0.0000025 looks like a price per token; prices here are USD per 1M tokens (2.5) (ignored)'],
    keeps: { pricing: { models: { 'gpt-4o': { inputPerMTok: 0.0000025 } } } },
  },
  {
    name: 'a new model with one price',
    wrong: { pricing: { models: { 'my-finetune': { inputPerMTok: 3 } } } },
    problems: ['pricing.models.my-finetune is not in the catalog, so it needs both inputPerMTok and outputPerMTok (ignored)'],
    keeps: { pricing: { models: { 'my-finetune': { inputPerMTok: 3 } } } },
  },
  {
    name: 'a new model with a bad price',
    wrong: { pricing: { models: { 'my-finetune': { inputPerMTok: 3, outputPerMTok: -12 } } } },
    problems: [
      'pricing.models.my-finetune.outputPerMTok must be at least 0, not -12 (ignored)',
      'pricing.models.my-finetune is not in the catalog, so it needs both inputPerMTok and outputPerMTok (ignored)',
    ],
    keeps: { pricing: { models: { 'my-finetune': { inputPerMTok: 3 } } } },
  },
  { name: 'a mistyped price field', wrong: { pricing: { models: { 'gpt-4o': { inputPerMtok: 2 } } } }, problems: ['pricing.models.gpt-4o.inputPerMtok is not a known field; did you mean "inputPerMTok"? (ignored)'] },
  { name: 'an unknown mode', wrong: { pricing: { models: { 'gpt-4o': { mode: 'image' } } } }, problems: ['pricing.models.gpt-4o.mode must be one of "chat", "embedding", "completion"; not "image" (ignored)'] },
  { name: 'an unknown tier', wrong: { pricing: { models: { 'gpt-4o': { tier: 'premium' } } } }, problems: ['pricing.models.gpt-4o.tier must be one of "frontier", "mid", "small"; not "premium" (ignored)'] },
  {
    name: 'long-context prices without an output price',
    wrong: { pricing: { models: { 'gpt-4o': { longContext: { aboveInputTokens: 200000, inputPerMTok: 5 } } } } },
    problems: ['pricing.models.gpt-4o.longContext needs "outputPerMTok" (ignored)'],
  },
  { name: 'an alias to an unknown model', wrong: { pricing: { aliases: { 'prod-mini': 'gpt-4o-mni' } } }, problems: [/^pricing\.aliases\.prod-mini points to "gpt-4o-mni", which is not a known model; did you mean "gpt-4o-mini"/], keeps: { pricing: { aliases: { 'prod-mini': 'gpt-4o-mni' } } } },
  { name: 'an alias to nothing', wrong: { pricing: { aliases: { 'prod-mini': '' } } }, problems: ['pricing.aliases.prod-mini must not be empty (ignored)'] },

  // Globs.
  { name: 'an empty glob', wrong: { include: [''] }, problems: ['include[1] must not be empty (ignored)'] },
  { name: 'a glob that is not text', wrong: { exclude: [42] }, problems: ['exclude[1] must be a string, not 42 (ignored)'] },
  { name: 'an absolute path', wrong: { include: ['/home/me/app/src/**'] }, problems: ['include[1] is an absolute path; globs match paths relative to the folder, e.g. "src/**" (ignored)'] },
  { name: 'a Windows absolute path', wrong: { include: ['C:\\app\\src\\**'] }, problems: ['include[1] is an absolute path; globs match paths relative to the folder, e.g. "src/**" (ignored)'] },
  { name: 'Windows separators', wrong: { exclude: ['src\\vendor\\**'] }, problems: ['exclude[1] uses \\ between folders; write / instead: "src/vendor/**" (ignored)'] },
  { name: 'a glob that is a comment', wrong: { exclude: ['#drafts/**'] }, problems: ['exclude[1] starts with #, which makes it a comment that matches nothing; write [#] for a literal # (ignored)'] },
  { name: 'a glob too long for minimatch', wrong: { exclude: ['a'.repeat(70_000)] }, problems: ['exclude[1] is not a usable glob: pattern is too long (ignored)'] },

  // Scenarios: each one is kept or dropped whole; unknown fields in it are skipped.
  { name: 'a scenario that is not an object', wrong: { scenarios: [5] }, problems: ['scenarios[1] must be an object ({ … }), not 5 (ignored)'] },
  { name: 'a scenario without tiers', wrong: { scenarios: [{ name: 'b', mode: 'split' }] }, problems: ['scenarios[1] needs "tiers" (ignored)'] },
  { name: 'a scenario with no tiers', wrong: { scenarios: [{ name: 'b', mode: 'split', tiers: [] }] }, problems: ['scenarios[1].tiers needs at least 1 entry (scenarios[1] is ignored)'] },
  { name: 'an unknown scenario mode', wrong: { scenarios: [{ name: 'b', mode: 'fanout', tiers: [{ model: 'gpt-4o', share: 1 }] }] }, problems: ['scenarios[1].mode must be one of "split", "cascade"; not "fanout" (scenarios[1] is ignored)'] },
  { name: 'a share as a percentage', wrong: { scenarios: [{ name: 'b', mode: 'split', tiers: [{ model: 'gpt-4o', share: 80 }] }] }, problems: ['scenarios[1].tiers[0].share must be at most 1, not 80 (a fraction: 0.8 for 80%) (scenarios[1] is ignored)'] },
  { name: 'a share in quotes', wrong: { scenarios: [{ name: 'b', mode: 'split', tiers: [{ model: 'gpt-4o', share: '1' }] }] }, problems: ['scenarios[1].tiers[0].share must be a number, not "1"; write 1 without quotes (scenarios[1] is ignored)'] },
  { name: 'a scenario without a name', wrong: { scenarios: [{ name: '', mode: 'split', tiers: [{ model: 'gpt-4o', share: 1 }] }] }, problems: ['scenarios[1].name must not be empty (scenarios[1] is ignored)'] },
  {
    name: 'a scenario with a field from a later version',
    wrong: { scenarios: [{ name: 'b', mode: 'split', tiers: [{ model: 'gpt-4o', share: 1 }], baseline: 'gpt-4o' }] },
    problems: ['scenarios[1].baseline is not a known field (known: name, mode, tiers) (ignored)'],
    keeps: { scenarios: [{ name: 'b', mode: 'split', tiers: [{ model: 'gpt-4o', share: 1 }] }] },
  },
];

describe('.promptmeter.json: each wrong value is reported, ignored alone, and the rest applies', () => {
  for (const testCase of [...TYPE_CASES, ...VALUE_CASES]) {
    it(testCase.name, () => {
      const text = JSON.stringify(merge(VALID, testCase.wrong), null, 2);
      const { layer, problems: schemaProblems } = parseConfigText(text, FILE);
      const problems = [...schemaProblems, ...checkPricing([{ source: FILE, layer }])];
      assert.ok(problems.every((problem) => problem.source === FILE), 'every message names the file');
      const lines = problems.map((problem) => `${problem.key} ${problem.message}`);
      assert.equal(lines.length, testCase.problems.length, lines.join('\n'));
      testCase.problems.forEach((expected, index) => {
        if (typeof expected === 'string') assert.equal(lines[index], expected);
        else assert.match(lines[index] ?? '', expected);
      });
      assert.deepEqual(layer, merge(untouched(VALID, testCase.wrong), testCase.keeps ?? {}) as ConfigLayer);
    });
  }

  it('covers every top-level setting of the schema', () => {
    const covered = new Set([...TYPE_CASES, ...VALUE_CASES].flatMap((testCase) => Object.keys(testCase.wrong)));
    for (const key of Object.keys(VALID)) assert.ok(covered.has(key), key);
  });
});

describe('price checks across layers', () => {
  it('charge each problem to the layer that set the entry, named as the user wrote it', () => {
    const problems = checkPricing([
      { source: 'settings', keyPrefix: 'promptmeter.', layer: { pricing: { aliases: { 'prod-acme': 'acme-7b', 'prod-x': 'no-such-model' } } } },
      { source: FILE, layer: { pricing: { models: { 'acme-7b': { inputPerMTok: 0.3, outputPerMTok: 1.2 } }, aliases: { 'eu-x': 'no-such-model' } } } },
    ]);
    // `prod-acme` names a model the file adds: fine together.
    assert.deepEqual(problems.map(describeProblem), [
      'settings: promptmeter.pricing.aliases.prod-x points to "no-such-model", which is not a known model (ignored)',
      `${FILE}: pricing.aliases.eu-x points to "no-such-model", which is not a known model (ignored)`,
    ]);
  });
});

function nest(path: string[], value: unknown): Record<string, unknown> {
  const [head, ...rest] = path;
  return { [head as string]: rest.length > 0 ? nest(rest, value) : value };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Objects merge key by key, lists are appended, anything else replaces. */
function merge(base: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const merged = structuredClone(base);
  for (const [key, value] of Object.entries(patch)) {
    const current = merged[key];
    if (isPlainObject(current) && isPlainObject(value)) merged[key] = merge(current, value);
    else if (Array.isArray(current) && Array.isArray(value)) merged[key] = [...current, ...structuredClone(value)];
    else merged[key] = structuredClone(value);
  }
  return merged;
}

/** What of `base` a patch leaves alone: a replaced value is gone, a map emptied by it is gone too. */
function untouched(base: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(base)) {
    if (!(key in patch)) kept[key] = value;
    else if (isPlainObject(value) && isPlainObject(patch[key])) {
      const inner = untouched(value, patch[key] as Record<string, unknown>);
      if (Object.keys(inner).length > 0) kept[key] = inner;
    } else if (Array.isArray(value) && Array.isArray(patch[key])) kept[key] = value;
  }
  return kept;
}
