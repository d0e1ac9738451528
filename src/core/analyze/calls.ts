import type { LlmCall, OutputLimit, Prompt, ProviderId } from '../model';
import type { SyntaxNode } from '../parse/parser';
import { rangeOf } from '../parse/syntax';
import { handleOf, type BindingRecord, type NodeHandle } from './binding-table';
import type { ApiSpec, ArgPath, LanguageCatalog, PromptArgument } from '../providers/types';
import { VERCEL_MODEL_FACTORIES } from '../providers/javascript';
import { insertionPoint } from './insertion';
import type { PromptExtractor } from './prompts';
import type { ArgumentLookup, ClientOrigin, Resolver } from './resolve';
import type { ArgumentList } from './syntax-view';

type FoundArgument = ArgumentLookup & { found: true };

/** Where a call's settings may come from: its own arguments, then those given when its client was made. */
interface ArgumentSources {
  call: ArgumentList;
  origin: ClientOrigin | null;
}

/**
 * A call expression of the file and what it turned out to be, with the bindings
 * that answer depended on: an edit inside none of them cannot change it.
 */
export interface CallSite {
  node: NodeHandle;
  call: LlmCall | null;
  dependencies: BindingRecord[];
}

/** Looks at every call expression in a parsed file; the LLM API calls get their settings and prompts read. */
export function detectCalls(callNodes: SyntaxNode[], text: string, resolver: Resolver, prompts: PromptExtractor): CallSite[] {
  return callNodes.map((node) => examineCall(node, text, resolver, prompts));
}

export function examineCall(node: SyntaxNode, text: string, resolver: Resolver, prompts: PromptExtractor): CallSite {
  if (!mayCallAnApi(node, resolver)) return { node: handleOf(node), call: null, dependencies: [] };
  const { result, dependencies } = resolver.track(() => {
    const view = resolver.view(node);
    if (view.kind !== 'call') return null;
    const api = resolver.apiOf(view.callee);
    if (!api) return null;
    const call = describeCall(node, view.callee, api.spec, { call: view.args, origin: api.client?.origin ?? null }, api.client, resolver, prompts, text);
    return api.baseUrlPaths ? { ...call, baseUrl: baseUrlOf(resolver, view.args, api.baseUrlPaths) } : call;
  });
  return { node: handleOf(node), call: result, dependencies };
}

const API_NAMES = new WeakMap<LanguageCatalog, Set<string>>();

/** The last names of every API the catalog knows (`create`, `completion`, `ChatOpenAI`). */
function apiNames(catalog: LanguageCatalog): Set<string> {
  let names = API_NAMES.get(catalog);
  if (!names) {
    const last = (key: string): string => key.split(/[.#]/).at(-1) ?? key;
    const methods = Object.values(catalog.clientTypes).flatMap((type) => Object.keys(type.methods));
    const moduleMethods = Object.values(catalog.moduleClients).flatMap((id) => Object.keys(catalog.clientTypes[id]?.methods ?? {}));
    names = new Set([...Object.keys(catalog.functions), ...Object.keys(catalog.constructors), ...methods, ...moduleMethods].map(last));
    API_NAMES.set(catalog, names);
  }
  return names;
}

/**
 * Most calls in a file (`print`, `json.loads`, `items.map`) end in a name no API
 * has and that the file never binds to anything; those need no resolving. A name
 * the file binds may be an alias (`from litellm import completion as ask`).
 */
function mayCallAnApi(node: SyntaxNode, resolver: Resolver): boolean {
  const callee = resolver.syntax.callee(node);
  if (!callee) return true;
  const nameNode = resolver.syntax.calleeName(callee);
  if (nameNode === callee && callee.type !== 'identifier') return true;
  const name = nameNode.text;
  return apiNames(resolver.catalog).has(name) || resolver.table.names.has(name) || resolver.table.names.has(`self.${name}`);
}

function describeCall(
  node: SyntaxNode,
  callee: SyntaxNode,
  spec: ApiSpec,
  sources: ArgumentSources,
  client: { type: { provider: ProviderId }; baseUrl: string | null } | null,
  resolver: Resolver,
  prompts: PromptExtractor,
  text: string,
): LlmCall {
  const inherits = sources.origin?.inherits;
  const model = firstFound(resolver, sources, spec.model, inherits?.model);
  const limit = firstFound(resolver, sources, spec.outputLimit, inherits?.outputLimit);
  const tools = firstFound(resolver, sources, spec.tools, inherits?.tools);
  const streamArgument = spec.stream ? resolver.argument(sources.call, spec.stream) : null;
  return {
    provider: spec.provider ?? client?.type.provider ?? 'openai',
    api: spec.api,
    kind: spec.kind,
    range: rangeOf(node),
    nameRange: rangeOf(resolver.syntax.calleeName(callee)),
    argumentsRange: rangeOf(sources.call.node),
    insertion: insertionFor(resolver, sources.call, text),
    argumentNames: argumentNames(resolver, sources.call),
    model: model ? modelName(resolver, model.node) : null,
    modelRange: model ? rangeOf(model.node) : null,
    outputLimit: limit ? outputLimit(resolver, limit) : null,
    outputLimitParams: spec.outputLimit ?? [],
    openArguments: isOpen(resolver, sources, spec),
    prompts: [...promptsFrom(resolver, prompts, sources.origin?.args, inherits?.prompts), ...promptsFrom(resolver, prompts, sources.call, spec.prompts)],
    tools: tools ? rangeOf(tools.node) : null,
    stream: spec.streams === true || (streamArgument?.found === true && resolver.booleanValue(streamArgument.node) === true),
    baseUrl: client?.baseUrl ?? null,
    loop: resolver.syntax.loopAround(node),
    callsPerDay: null,
  };
}

/** Python takes keywords; JavaScript SDKs a literal options object (a variable's object is edited elsewhere, not here). */
function insertionFor(resolver: Resolver, args: ArgumentList, text: string): LlmCall['insertion'] {
  if (resolver.syntax.family === 'python') return args.node.type === 'argument_list' ? insertionPoint(args.node, 'keyword', text) : null;
  const options = args.positional[0] && resolver.unwrap(args.positional[0]);
  return options?.type === 'object' ? insertionPoint(options, 'property', text) : null;
}

function argumentNames(resolver: Resolver, args: ArgumentList): string[] {
  if (resolver.syntax.family === 'python') return [...args.keywords.keys()];
  const options = args.positional[0];
  const object = options ? resolver.objectView(options) : null;
  return object ? [...object.entries.keys()] : [];
}

function firstFound(
  resolver: Resolver,
  sources: ArgumentSources,
  paths: ArgPath[] | undefined,
  inheritedPaths: ArgPath[] | undefined,
): FoundArgument | null {
  for (const path of paths ?? []) {
    const lookup = resolver.argument(sources.call, path);
    if (lookup.found) return lookup;
  }
  if (!sources.origin) return null;
  for (const path of inheritedPaths ?? []) {
    const lookup = resolver.argument(sources.origin.args, path);
    if (lookup.found) return lookup;
  }
  return null;
}

/**
 * Arguments are open when `**kwargs`, a spread, or an options object we cannot
 * read could carry more settings: then a missing limit is unknown, not missing.
 */
function isOpen(resolver: Resolver, sources: ArgumentSources, spec: ApiSpec): boolean {
  if (sources.call.open || sources.origin?.args.open) return true;
  const paths = spec.outputLimit ?? spec.model ?? [];
  return paths.some((path) => {
    const lookup = resolver.argument(sources.call, path);
    return !lookup.found && lookup.open;
  });
}

function baseUrlOf(resolver: Resolver, args: ArgumentList, paths: readonly string[]): string | null {
  for (const path of paths) {
    const lookup = resolver.argument(args, path);
    if (lookup.found) return resolver.stringValue(lookup.node);
  }
  return null;
}

/** `openai('gpt-4o')` (Vercel AI SDK provider functions) names the model in its first argument. */
function modelName(resolver: Resolver, node: SyntaxNode, depth = 0): string | null {
  const direct = resolver.stringValue(node);
  if (direct !== null) return direct;
  const expression = resolver.unwrap(node);
  const view = resolver.view(expression);
  if (view.kind === 'call') {
    const first = view.args.positional[0];
    return first && isModelFactory(resolver, view.callee) ? resolver.stringValue(first) : null;
  }
  const bound = resolver.boundExpression(resolver.bindingOf(expression));
  return bound && depth < 4 ? modelName(resolver, bound, depth + 1) : null;
}

/** `openai`, `openai.chat`, or a provider bound to `createOpenAI(…)`; never a project's `getModel('fallback')`. */
function isModelFactory(resolver: Resolver, callee: SyntaxNode): boolean {
  if (resolver.syntax.family !== 'javascript') return false;
  let root = callee;
  for (let view = resolver.view(root); view.kind === 'member'; view = resolver.view(root)) root = view.object;
  const rootView = resolver.view(root);
  if (rootView.kind !== 'name') return false;
  if (VERCEL_MODEL_FACTORIES.has(rootView.name)) return true;
  const bound = resolver.boundExpression(resolver.bindingOf(root));
  const boundView = bound ? resolver.view(resolver.unwrap(bound)) : null;
  return boundView?.kind === 'call' && /^create[A-Z]/.test(resolver.syntax.calleeName(boundView.callee).text);
}

function outputLimit(resolver: Resolver, found: FoundArgument): OutputLimit {
  const value = resolver.numberValue(found.node);
  // `max_tokens=-3` is an error the API reports; as a limit it says nothing about the output.
  return { param: found.path, value: value !== null && value >= 0 ? value : null, range: rangeOf(found.node) };
}

function promptsFrom(
  resolver: Resolver,
  extractor: PromptExtractor,
  args: ArgumentList | undefined,
  specs: PromptArgument[] | undefined,
): Prompt[] {
  if (!args || !specs) return [];
  const result: Prompt[] = [];
  const seen = new Set<number>();
  for (const spec of specs) {
    const lookup = resolver.argument(args, spec.path);
    // `contents` and `$0` may name the same node; read it once.
    if (!lookup.found || seen.has(lookup.node.id)) continue;
    if (spec.path.startsWith('$') && resolver.objectView(lookup.node)) continue;
    seen.add(lookup.node.id);
    result.push(...extractor.fromArgument(lookup.node, spec.path, spec.role));
  }
  return result;
}
