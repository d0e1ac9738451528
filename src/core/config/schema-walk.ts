import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { closestName } from './suggest';

/**
 * Keeps what is valid in a value under a JSON schema, entry by entry, and says
 * in plain words what was dropped and why. Objects whose entries are separate
 * settings (the root, `budgets`, `slotTokens`, a model's prices) are walked key
 * by key; anything else (a number, a list entry, a scenario) is one unit, kept
 * or dropped whole. Unknown keys are reported and skipped, never fatal, so a
 * file written for a newer version still applies everything this one knows.
 */

export interface SchemaNode {
  type?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode;
  required?: string[];
  $ref?: string;
  [keyword: string]: unknown;
}

export interface WalkOptions {
  /** Targets of `$ref: "#/definitions/…"`. */
  definitions?: Record<string, SchemaNode>;
  /** Checks for `"format": name` strings: undefined when fine, else what is wrong. */
  formats?: Record<string, (value: string) => string | undefined>;
  /** What to say about an unknown key, e.g. "is not a Promptmeter setting; did you mean …"; `known` are its siblings. */
  unknownKey?: (name: string, parentKey: string, known: readonly string[]) => string;
}

/** Receives each problem: the dotted key (`scenarios[1].tiers[0].share`) and a message that ends with its effect. */
export type Report = (key: string, message: string) => void;

const ajv = new Ajv({ allErrors: false, strict: false, verbose: true });
const compiled = new WeakMap<SchemaNode, ValidateFunction>();
const registeredFormats = new Set<string>();

export function keepValid(node: SchemaNode, value: unknown, key: string, report: Report, options: WalkOptions = {}): unknown {
  const schema = resolve(node, options);
  if (isEntryMap(schema)) return keepEntries(schema, value, key, report, options);
  if (schema.type === 'array' && schema.items) return keepItems(schema.items, value, key, report, options);
  const known = withoutUnknownKeys(schema, value, key, report, options);
  return checkUnit(schema, known, key, report, options) ? known : undefined;
}

/** An object whose entries stand alone: no `required`, so any subset of them is meaningful. */
function isEntryMap(schema: SchemaNode): boolean {
  return schema.type === 'object' && !schema.required && (schema.properties !== undefined || typeof schema.additionalProperties === 'object');
}

function keepEntries(schema: SchemaNode, value: unknown, key: string, report: Report, options: WalkOptions): Record<string, unknown> | undefined {
  if (!isRecord(value)) {
    report(key, `must be an object ({ … }), not ${describeValue(value)} (ignored)`);
    return undefined;
  }
  const kept: Record<string, unknown> = {};
  for (const [name, entry] of Object.entries(value)) {
    const childKey = key ? `${key}.${name}` : name;
    const child = childSchema(schema, name);
    if (!child) {
      report(childKey, unknownKeyMessage(schema, name, key, options));
      continue;
    }
    const valid = keepValid(child, entry, childKey, report, options);
    if (valid !== undefined) kept[name] = valid;
  }
  // Nothing left of a non-empty map: drop it, so that (say) a model with only bad prices is not marked overridden.
  return Object.keys(kept).length === 0 && Object.keys(value).length > 0 ? undefined : kept;
}

function keepItems(items: SchemaNode, value: unknown, key: string, report: Report, options: WalkOptions): unknown[] | undefined {
  if (!Array.isArray(value)) {
    report(key, `must be a list ([ … ]), not ${describeValue(value)} (ignored)`);
    return undefined;
  }
  const kept: unknown[] = [];
  value.forEach((item, index) => {
    const valid = keepValid(items, item, `${key}[${index}]`, report, options);
    if (valid !== undefined) kept.push(valid);
  });
  return kept;
}

/** Drops (and reports) keys a unit's schema does not know, so that a newer field never costs the whole unit. */
function withoutUnknownKeys(node: SchemaNode, value: unknown, key: string, report: Report, options: WalkOptions): unknown {
  const schema = resolve(node, options);
  if (schema.type === 'array' && schema.items && Array.isArray(value)) {
    return value.map((item, index) => withoutUnknownKeys(schema.items as SchemaNode, item, `${key}[${index}]`, report, options));
  }
  if (schema.type !== 'object' || !isRecord(value)) return value;
  const kept: Record<string, unknown> = {};
  for (const [name, entry] of Object.entries(value)) {
    const child = childSchema(schema, name);
    if (child) kept[name] = withoutUnknownKeys(child, entry, `${key}.${name}`, report, options);
    else report(`${key}.${name}`, unknownKeyMessage(schema, name, key, options));
  }
  return kept;
}

function checkUnit(schema: SchemaNode, value: unknown, key: string, report: Report, options: WalkOptions): boolean {
  const validate = validatorFor(schema, options);
  if (validate(value)) return true;
  const error = validate.errors?.[0];
  if (!error) {
    report(key, 'is not valid (ignored)');
    return false;
  }
  const where = `${key}${readablePath(error.instancePath)}`;
  const effect = where === key ? '(ignored)' : `(${key} is ignored)`;
  report(where, `${explain(error, options)} ${effect}`);
  return false;
}

function childSchema(schema: SchemaNode, name: string): SchemaNode | undefined {
  if (schema.properties && Object.hasOwn(schema.properties, name)) return schema.properties[name];
  return typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
}

function unknownKeyMessage(schema: SchemaNode, name: string, parentKey: string, options: WalkOptions): string {
  const known = Object.keys(schema.properties ?? {}).filter((candidate) => candidate !== '$schema');
  const message = options.unknownKey ? options.unknownKey(name, parentKey, known) : describeUnknownKey(name, known);
  return `${message} (ignored)`;
}

/** "is not a known key", with the likely intended key, or the known ones when there are few. */
export function describeUnknownKey(name: string, known: readonly string[], what = 'is not a known key'): string {
  const suggestion = closestName(name, known);
  if (suggestion) return `${what}; did you mean "${suggestion}"?`;
  return known.length > 0 && known.length <= 16 ? `${what} (known: ${known.join(', ')})` : what;
}

function resolve(node: SchemaNode, options: WalkOptions): SchemaNode {
  if (!node.$ref) return node;
  const target = options.definitions?.[node.$ref.replace('#/definitions/', '')];
  if (!target) throw new Error(`Unknown schema reference ${node.$ref}`);
  return target;
}

function validatorFor(schema: SchemaNode, options: WalkOptions): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    for (const [name, check] of Object.entries(options.formats ?? {})) {
      if (registeredFormats.has(name)) continue;
      ajv.addFormat(name, { type: 'string', validate: (text: string) => check(text) === undefined });
      registeredFormats.add(name);
    }
    // Units may hold `$ref`s; give them the definitions they point into.
    validate = ajv.compile({ ...schema, definitions: options.definitions });
    compiled.set(schema, validate);
  }
  return validate;
}

const TYPE_NAMES: Record<string, string> = {
  number: 'a number',
  integer: 'a whole number',
  string: 'a string',
  boolean: 'true or false',
  object: 'an object ({ … })',
  array: 'a list ([ … ])',
  null: 'null',
};

/** One sentence for an ajv error, in the words of the settings, with the value found. */
function explain(error: ErrorObject, options: WalkOptions): string {
  const params = error.params as Record<string, unknown>;
  const found = `not ${describeValue(error.data)}`;
  switch (error.keyword) {
    case 'type':
      return `must be ${TYPE_NAMES[String(params.type)] ?? String(params.type)}, ${found}${quotedLiteralHint(error.data)}`;
    case 'minimum':
      return `must be at least ${formatNumber(params.limit)}, ${found}`;
    case 'exclusiveMinimum':
      return `must be more than ${formatNumber(params.limit)}, ${found}`;
    case 'maximum':
      return `must be at most ${formatNumber(params.limit)}, ${found}${fractionHint(error)}`;
    case 'enum':
      return `must be one of ${(params.allowedValues as unknown[]).map((allowed) => JSON.stringify(allowed)).join(', ')}; ${found}`;
    case 'minLength':
      return params.limit === 1 ? 'must not be empty' : `must be at least ${formatNumber(params.limit)} characters long`;
    case 'minItems':
      return `needs at least ${formatNumber(params.limit)} ${params.limit === 1 ? 'entry' : 'entries'}`;
    case 'required':
      return `needs "${String(params.missingProperty)}"`;
    case 'format': {
      const check = options.formats?.[String(params.format)];
      return (typeof error.data === 'string' && check?.(error.data)) || `is not a valid ${String(params.format)}`;
    }
    default:
      return error.message ?? 'is not valid';
  }
}

/** `"5000"` where a number belongs is the commonest slip; say how to write it. */
function quotedLiteralHint(value: unknown): string {
  if (typeof value !== 'string') return '';
  const trimmed = value.trim();
  if (trimmed !== '' && Number.isFinite(Number(trimmed))) return `; write ${trimmed} without quotes`;
  if (trimmed === 'true' || trimmed === 'false') return `; write ${trimmed} without quotes`;
  return '';
}

/** A share above 1 is usually a percentage. */
function fractionHint(error: ErrorObject): string {
  const schema = error.parentSchema as SchemaNode | undefined;
  const isFraction = schema?.maximum === 1 && (schema.minimum === 0 || schema.exclusiveMinimum === 0);
  return isFraction && typeof error.data === 'number' && error.data <= 100 ? ` (a fraction: ${formatNumber(error.data / 100)} for ${formatNumber(error.data)}%)` : '';
}

function formatNumber(value: unknown): string {
  return typeof value === 'number' ? value.toLocaleString('en-US', { maximumFractionDigits: 20 }) : String(value);
}

/** `/tiers/0/share` → `.tiers[0].share`. */
function readablePath(instancePath: string): string {
  return instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? `[${segment}]` : `.${segment}`))
    .join('');
}

/** A value as the user wrote it, short enough for one line. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  return formatNumber(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
