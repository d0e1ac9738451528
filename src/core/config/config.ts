import Ajv, { type ValidateFunction } from 'ajv';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { Severity } from '../model';
import type { ModelPriceOverride } from '../pricing';
import schema from '../../../schemas/promptmeter.schema.json';

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
  /** Dotted key, e.g. `slotTokens.retrieved_docs`. */
  key: string;
  message: string;
}

export const DEFAULT_CONFIG: PromptmeterConfig = {
  callsPerDay: 1000,
  loopMultiplier: 10,
  expectedOutputFraction: 0.5,
  defaultOutputLimit: 1024,
  defaultSlotTokens: 200,
  slotTokens: {},
  rules: {},
  budgets: {},
  pricing: { models: {}, aliases: {} },
  include: [],
  exclude: [],
  scenarios: [],
};

interface SchemaNode {
  type?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  $ref?: string;
  [keyword: string]: unknown;
}

const ROOT = schema as unknown as SchemaNode & { definitions: Record<string, SchemaNode> };
const ajv = new Ajv({ allErrors: false, strict: false });
const leafValidators = new Map<SchemaNode, ValidateFunction>();

function resolveRef(node: SchemaNode): SchemaNode {
  if (!node.$ref) return node;
  const name = node.$ref.replace('#/definitions/', '');
  const target = ROOT.definitions[name];
  if (!target) throw new Error(`Unknown schema reference ${node.$ref}`);
  return target;
}

function leafValidator(node: SchemaNode): ValidateFunction {
  let validate = leafValidators.get(node);
  if (!validate) {
    validate = ajv.compile(node);
    leafValidators.set(node, validate);
  }
  return validate;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? `"${value}"` : typeof value === 'object' ? 'an object' : String(value);
}

/** Keeps what is valid under `node`, reporting each invalid or unknown entry. */
function keepValid(node: SchemaNode, value: unknown, key: string, source: string, problems: ConfigProblem[]): unknown {
  const resolved = resolveRef(node);
  const isRecord = typeof value === 'object' && value !== null && !Array.isArray(value);
  if (resolved.type === 'object' && (resolved.properties || typeof resolved.additionalProperties === 'object')) {
    if (!isRecord) {
      problems.push({ source, key: key || '(root)', message: `must be an object, not ${describeType(value)}` });
      return undefined;
    }
    const kept: Record<string, unknown> = {};
    for (const [name, entry] of Object.entries(value as Record<string, unknown>)) {
      const childKey = key ? `${key}.${name}` : name;
      const child = resolved.properties?.[name] ?? (typeof resolved.additionalProperties === 'object' ? resolved.additionalProperties : undefined);
      if (!child) {
        problems.push({ source, key: childKey, message: 'is not a Promptmeter setting' });
        continue;
      }
      const valid = keepValid(child, entry, childKey, source, problems);
      if (valid !== undefined) kept[name] = valid;
    }
    return kept;
  }
  const validate = leafValidator(resolved);
  if (validate(value)) return value;
  const error = validate.errors?.[0];
  const where = error?.instancePath ? ` (at ${error.instancePath})` : '';
  problems.push({ source, key, message: `${error?.message ?? 'is invalid'}${where}; got ${describeType(value)}` });
  return undefined;
}

/** Validates a settings object (from the editor or a parsed file). */
export function validateConfig(value: unknown, source: string): { layer: ConfigLayer; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const kept = (keepValid(ROOT, value, '', source, problems) ?? {}) as ConfigLayer & { $schema?: string };
  // `$schema` is allowed for editor support; it is not a setting.
  delete kept.$schema;
  return { layer: kept, problems };
}

/** Parses `.promptmeter.json` (JSON with comments and trailing commas). */
export function parseConfigText(text: string, source: string): { layer: ConfigLayer; problems: ConfigProblem[] } {
  const errors: ParseError[] = [];
  const value: unknown = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    const first = errors[0];
    const line = first ? text.slice(0, first.offset).split('\n').length : 1;
    const message = `is not valid JSON: ${first ? printParseErrorCode(first.error) : 'unknown error'} on line ${line}; the file is ignored`;
    return { layer: {}, problems: [{ source, key: '(file)', message }] };
  }
  return validateConfig(value ?? {}, source);
}

/** Later layers win; maps (slot sizes, rules, prices, aliases) merge key by key. */
export function resolveConfig(layers: ConfigLayer[]): PromptmeterConfig {
  const config: PromptmeterConfig = structuredClone(DEFAULT_CONFIG);
  for (const layer of layers) {
    const { slotTokens, rules, budgets, pricing, ...scalars } = layer;
    Object.assign(config, scalars);
    Object.assign(config.slotTokens, slotTokens);
    Object.assign(config.rules, rules);
    Object.assign(config.budgets, budgets);
    Object.assign(config.pricing.models, pricing?.models);
    Object.assign(config.pricing.aliases, pricing?.aliases);
  }
  return config;
}
