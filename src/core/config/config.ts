import type { Severity } from '../model';
import type { ModelPriceOverride } from '../pricing';
import schema from '../../../schemas/promptmeter.schema.json';
import { readConfigText } from './config-text';
import { globProblem } from './globs';
import { describeUnknownKey, describeValue, keepValid, type SchemaNode, type WalkOptions } from './schema-walk';

/**
 * Settings shared by the CLI and the extension. They come in layers (defaults,
 * editor settings, the workspace's `.promptmeter.json`), each validated against
 * `schemas/promptmeter.schema.json` entry by entry: a wrong value is reported
 * with its source and key and dropped, and everything else still applies.
 */
export type SeverityOverride = Severity | 'off';

/** A routing scenario saved from the comparison panel. */
export interface RoutingScenario {
  name: string;
  mode: 'split' | 'cascade';
  /** split: share of traffic per model (sums to 1); cascade: share escalated from this step to the next. */
  tiers: { model: string; share: number }[];
}

export interface PromptmeterConfig {
  callsPerDay: number;
  loopMultiplier: number;
  expectedOutputFraction: number;
  defaultOutputLimit: number;
  defaultSlotTokens: number;
  slotTokens: Record<string, number>;
  /** Priced in place of a model the code does not name; null: such a call's cost is a range. */
  defaultModel: string | null;
  /** Azure OpenAI deployment name → the model it runs. */
  azureDeployments: Record<string, string>;
  rules: Record<string, SeverityOverride>;
  budgets: { perCall?: number; monthly?: number };
  pricing: { models: Record<string, ModelPriceOverride>; aliases: Record<string, string> };
  include: string[];
  exclude: string[];
  scenarios: RoutingScenario[];
}

export type ConfigLayer = Partial<Omit<PromptmeterConfig, 'budgets' | 'pricing'>> & {
  budgets?: PromptmeterConfig['budgets'];
  pricing?: Partial<PromptmeterConfig['pricing']>;
};

export interface ConfigProblem {
  /** Where the value came from: a file path, or `settings`. */
  source: string;
  /** Dotted key, e.g. `slotTokens.retrieved_docs`; empty for the file as a whole. */
  key: string;
  /** What is wrong and what happens instead, e.g. `must be at least 0, not -5 (ignored)`. */
  message: string;
}

export const DEFAULT_CONFIG: PromptmeterConfig = {
  callsPerDay: 1000,
  loopMultiplier: 10,
  expectedOutputFraction: 0.5,
  defaultOutputLimit: 1024,
  defaultSlotTokens: 200,
  slotTokens: {},
  defaultModel: null,
  azureDeployments: {},
  rules: {},
  budgets: {},
  pricing: { models: {}, aliases: {} },
  include: [],
  exclude: [],
  scenarios: [],
};

const ROOT = schema as unknown as SchemaNode & { definitions: Record<string, SchemaNode> };

const WALK: WalkOptions = {
  definitions: ROOT.definitions,
  formats: { glob: globProblem },
  unknownKey: unknownSetting,
};

/** Settings that live one level down (`pricing.aliases`, `rules.unknown-model`), for "did you mean" on a key written at the top. */
const NESTED_KEYS = Object.entries(ROOT.properties ?? {}).flatMap(([key, node]) => Object.keys(node.properties ?? {}).map((child) => `${key}.${child}`));

function unknownSetting(name: string, parentKey: string, known: readonly string[]): string {
  if (parentKey === 'rules') return describeUnknownKey(name, known, 'is not a Promptmeter rule');
  if (parentKey !== '') return describeUnknownKey(name, known, 'is not a known field');
  // Keys copied from VS Code settings carry its `promptmeter.` prefix; the file does not.
  const bare = name.replace(/^promptmeter\./, '');
  const nested = NESTED_KEYS.find((key) => key.slice(key.indexOf('.') + 1).toLowerCase() === bare.toLowerCase());
  if (nested) return `is not a Promptmeter setting; did you mean "${nested}"?`;
  return describeUnknownKey(bare, known, 'is not a Promptmeter setting');
}

/**
 * Validates a settings object (from the editor or a parsed file). `keyPrefix`
 * names the keys as the user sees them (`promptmeter.` for editor settings).
 */
export function validateConfig(value: unknown, source: string, keyPrefix = ''): { layer: ConfigLayer; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const report = (key: string, message: string) => problems.push({ source, key: key ? `${keyPrefix}${key}` : '', message });
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    report('', `must hold a JSON object ({ "callsPerDay": 5000, … }), not ${describeValue(value)} (ignored)`);
    return { layer: {}, problems };
  }
  const kept = (keepValid(ROOT, value, '', report, WALK) ?? {}) as ConfigLayer & { $schema?: string };
  // `$schema` is allowed for editor support; it is not a setting.
  delete kept.$schema;
  return { layer: kept, problems };
}

/** Parses `.promptmeter.json` (JSON with comments and trailing commas), keeping what is valid. */
export function parseConfigText(text: string, source: string): { layer: ConfigLayer; problems: ConfigProblem[] } {
  const { value, problems: syntax } = readConfigText(text);
  const { layer, problems } = validateConfig(value, source);
  return { layer, problems: [...syntax.map((problem) => ({ source, ...problem })), ...problems] };
}

/** One line for a problem: `.promptmeter.json: callsPerDay must be at least 0, not -5 (ignored)`. */
export function describeProblem(problem: ConfigProblem): string {
  return problem.key ? `${problem.source}: ${problem.key} ${problem.message}` : `${problem.source}: ${problem.message}`;
}

/** Later layers win; maps (slot sizes, rules, prices, aliases) merge key by key. */
export function resolveConfig(layers: ConfigLayer[]): PromptmeterConfig {
  const config: PromptmeterConfig = structuredClone(DEFAULT_CONFIG);
  for (const layer of layers) {
    const { slotTokens, azureDeployments, rules, budgets, pricing, ...scalars } = layer;
    Object.assign(config, scalars);
    Object.assign(config.slotTokens, slotTokens);
    Object.assign(config.azureDeployments, azureDeployments);
    Object.assign(config.rules, rules);
    Object.assign(config.budgets, budgets);
    Object.assign(config.pricing.models, pricing?.models);
    Object.assign(config.pricing.aliases, pricing?.aliases);
  }
  return config;
}
