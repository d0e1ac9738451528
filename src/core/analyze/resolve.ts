import type { SyntaxNode, Tree } from '../parse/parser';
import { materialize, type BindingRecord, type BindingTable } from './binding-table';
import type { ApiSpec, ArgPath, ClientType, ConstructionCondition, LanguageCatalog } from '../providers/types';
import type { ArgumentList, Binding, ExprView, LanguageSyntax } from './syntax-view';

/** Arguments given when a client was made, and how to read them. */
export interface ClientOrigin {
  args: ArgumentList;
  inherits: ClientType['inherits'];
}

/** What an expression refers to, as far as a single file can tell. */
export type Value =
  | { kind: 'module'; key: string }
  | { kind: 'client'; type: ClientType; origin: ClientOrigin | null; methodPath: string[]; baseUrl: string | null }
  | { kind: 'function'; node: SyntaxNode }
  | { kind: 'unknown' };

export type ArgumentLookup =
  | { found: true; node: SyntaxNode; path: string }
  /** `open`: the argument may still be passed through `**kwargs`, a spread, or an unresolved options object. */
  | { found: false; open: boolean };

const UNKNOWN: Value = { kind: 'unknown' };
const MAX_DEPTH = 12;
/** `parent` steps a scope lookup takes looking for a node whose scopes are known. */
const SHORT_CLIMB = 8;
const FUNCTION_NODE_TYPES = new Set(['lambda', 'arrow_function', 'function_expression', 'function']);
const ENV_GETTERS = new Set(['getenv', 'get', 'environ.get']);
const JSON_ENCODERS = new Set(['json.dumps', 'JSON.stringify']);
const LITERAL_KINDS = new Set<ExprView['kind']>(['string', 'concat', 'number', 'boolean', 'null', 'array']);

export interface ObjectView {
  entries: Map<string, SyntaxNode>;
  open: boolean;
}

/** A binding's nodes are gone from the tree: the table is stale and the file must be analysed afresh. */
export class StaleBindingError extends Error {}

/**
 * Answers "what is this expression?" for one file: follows imports, assignments,
 * parameters (their defaults and type annotations), class fields and the return
 * values of small factory functions. Flow-insensitive by design: when a name is
 * bound more than once, the last one collected that starts before the use wins
 * (bindings are collected by kind, then in document order: not always the closest).
 *
 * It also records which bindings each answer read (`track`), so that after an
 * edit inside a literal only the calls that read that literal are looked at again.
 */
export class Resolver {
  private readonly values = new Map<number, { value: Value; dependencies: BindingRecord[] }>();
  private readonly bindings = new Map<BindingRecord, Binding>();
  /** Bindings read by each computation under way, innermost last. */
  private readonly frames: Set<BindingRecord>[] = [];
  // Views and scope chains are asked for again and again; each tree-sitter node access crosses into WebAssembly.
  private readonly views = new Map<number, ExprView>();
  private readonly scopeChains = new Map<number, SyntaxNode[]>();
  private readonly inProgress = new Set<number>();
  /** How many computations were cut short so far: see `value`. */
  private truncations = 0;
  /** Values cut short in the computation under way, by node and depth: see `value`. */
  private readonly cutShort = new Map<string, { value: Value; dependencies: BindingRecord[] }>();

  constructor(
    readonly syntax: LanguageSyntax,
    readonly catalog: LanguageCatalog,
    readonly table: BindingTable,
    private readonly tree: Tree,
  ) {
    for (const [record, binding] of table.builtFrom) this.bindings.set(record, binding);
  }

  /** Runs `work` and returns, with its result, every binding it read. */
  track<T>(work: () => T): { result: T; dependencies: BindingRecord[] } {
    this.frames.push(new Set());
    try {
      const result = work();
      return { result, dependencies: [...(this.frames.at(-1) ?? [])] };
    } finally {
      this.frames.pop();
    }
  }

  private read(record: BindingRecord): Binding {
    this.frames.at(-1)?.add(record);
    let binding = this.bindings.get(record);
    if (!binding) {
      const found = materialize(record, this.tree);
      if (!found) throw new StaleBindingError(`binding ${record.kind} at ${record.span.start} is not in the tree`);
      binding = found;
      this.bindings.set(record, binding);
    }
    return binding;
  }

  view(node: SyntaxNode): ExprView {
    let view = this.views.get(node.id);
    if (!view) {
      view = this.syntax.view(node);
      this.views.set(node.id, view);
    }
    return view;
  }

  /**
   * The expression inside any wrappers (`await`, parentheses, `as T`, `x!`), for
   * readers that look at what kind of expression a value is. A loop, not a
   * recursion: parentheses may nest thousands deep.
   */
  unwrap(node: SyntaxNode): SyntaxNode {
    for (let view = this.view(node); view.kind === 'wrapper'; view = this.view(node)) node = view.inner;
    return node;
  }

  lookup(name: string, at: SyntaxNode): Binding | undefined {
    for (const scope of this.scopeChain(at)) {
      const records = this.table.lookup(scope, name);
      if (records) return this.read(closestBefore(records, at));
    }
    return undefined;
  }

  /**
   * The scopes enclosing a node, innermost first (the node itself if it is one).
   * Each `parent` step walks down from the root, so climbing a deep tree (a chain
   * of thousands of `+`) step by step takes time quadratic in its depth, and
   * recursing overflowed the stack: climb a few steps to a node whose chain is
   * known, else walk down from the root once.
   */
  private scopeChain(node: SyntaxNode): SyntaxNode[] {
    const climbed: SyntaxNode[] = [];
    let current: SyntaxNode | null = node;
    let outer: SyntaxNode[] | undefined;
    while (current && !(outer = this.scopeChains.get(current.id)) && climbed.length < SHORT_CLIMB) {
      climbed.push(current);
      current = current.parent;
    }
    const path = outer || !current ? climbed.reverse() : pathFromRoot(this.tree, node);
    let chain = outer ?? [];
    for (const step of path) {
      chain = this.scopeChains.get(step.id) ?? (this.syntax.isScope(step) ? [step, ...chain] : chain);
      this.scopeChains.set(step.id, chain);
    }
    return chain;
  }

  /** `self.x` / `this.x`: a field of the enclosing class. */
  fieldOf(name: string, at: SyntaxNode): Binding | undefined {
    const owner = this.syntax.enclosingClass(at);
    const records = owner ? this.table.lookup(owner, `self.${name}`) : undefined;
    return records ? this.read(closestBefore(records, at)) : undefined;
  }

  /** The binding a name or `self.x` expression refers to. */
  bindingOf(node: SyntaxNode): Binding | undefined {
    const view = this.view(node);
    if (view.kind === 'name') return this.lookup(view.name, node);
    if (view.kind === 'member' && this.view(view.object).kind === 'self') return this.fieldOf(view.property, node);
    return undefined;
  }

  /** The expression a binding gives its value from (assignment right side or parameter default). */
  boundExpression(binding: Binding | undefined): SyntaxNode | undefined {
    if (binding?.kind === 'value') return binding.value;
    if (binding?.kind === 'parameter') return binding.defaultValue;
    return undefined;
  }

  value(node: SyntaxNode, depth = 0): Value {
    const cached = this.values.get(node.id);
    if (cached) {
      // A value computed for another call still depends on what it read.
      const frame = this.frames.at(-1);
      for (const record of cached.dependencies) frame?.add(record);
      return cached.value;
    }
    if (depth > MAX_DEPTH || this.inProgress.has(node.id)) {
      this.truncations++;
      return UNKNOWN;
    }
    const cutShortKey = `${node.id}:${depth}`;
    const cutShort = this.cutShort.get(cutShortKey);
    if (cutShort) {
      this.truncations++;
      const frame = this.frames.at(-1);
      for (const record of cutShort.dependencies) frame?.add(record);
      return cutShort.value;
    }
    this.inProgress.add(node.id);
    const truncationsBefore = this.truncations;
    const { result, dependencies } = this.track(() => this.computeValue(node, depth + 1));
    this.inProgress.delete(node.id);
    // A value cut short (too deep, or a cycle) depends on where it was reached from: not reusable,
    // except within the computation it was cut short in, where computing it again and again took
    // time exponential in MAX_DEPTH (a minute for a 2 KB file whose names refer to one another).
    if (this.truncations === truncationsBefore) this.values.set(node.id, { value: result, dependencies });
    else this.cutShort.set(cutShortKey, { value: result, dependencies });
    if (this.inProgress.size === 0) this.cutShort.clear();
    const frame = this.frames.at(-1);
    for (const record of dependencies) frame?.add(record);
    return result;
  }

  private computeValue(node: SyntaxNode, depth: number): Value {
    if (FUNCTION_NODE_TYPES.has(node.type)) return { kind: 'function', node };
    const view = this.view(node);
    switch (view.kind) {
      case 'name':
      case 'member': {
        const binding = this.bindingOf(node);
        if (binding) return this.bindingValue(binding, depth);
        if (view.kind === 'name') return UNKNOWN;
        return this.member(this.value(view.object, depth), view.property);
      }
      case 'call':
        return this.callValue(view.callee, view.args, depth);
      case 'wrapper':
        return this.value(view.inner, depth);
      case 'fallback': {
        const primary = this.value(view.primary, depth);
        return primary.kind === 'unknown' ? this.value(view.fallback, depth) : primary;
      }
      default:
        return UNKNOWN;
    }
  }

  private bindingValue(binding: Binding, depth: number): Value {
    switch (binding.kind) {
      case 'import':
        return { kind: 'module', key: this.importKey(binding.module, binding.members) };
      case 'function':
        return { kind: 'function', node: binding.node };
      case 'destructured':
        return this.member(this.value(binding.source, depth), binding.key);
      case 'value': {
        const value = this.value(binding.value, depth);
        if (value.kind !== 'unknown' || !binding.typeAnnotation) return value;
        return this.typeValue(binding.typeAnnotation, depth);
      }
      case 'parameter': {
        if (binding.typeAnnotation) {
          const typed = this.typeValue(binding.typeAnnotation, depth);
          if (typed.kind !== 'unknown') return typed;
        }
        return binding.defaultValue ? this.value(binding.defaultValue, depth) : UNKNOWN;
      }
      case 'declared':
        return binding.typeAnnotation ? this.typeValue(binding.typeAnnotation, depth) : UNKNOWN;
    }
  }

  private importKey(module: string, members: string[]): string {
    if (this.syntax.family === 'python') return [module, ...members].join('.');
    return members.length > 0 ? `${module}#${members.join('.')}` : module;
  }

  private member(value: Value, name: string): Value {
    if (value.kind === 'module') {
      const key = this.syntax.family === 'python' || value.key.includes('#') ? `${value.key}.${name}` : `${value.key}#${name}`;
      return { kind: 'module', key };
    }
    if (value.kind === 'client') return { ...value, methodPath: [...value.methodPath, name] };
    return UNKNOWN;
  }

  /** A type annotation naming a client class (`client: OpenAI`, `Optional[AsyncOpenAI]`) gives a client. */
  private typeValue(annotation: SyntaxNode, depth: number): Value {
    const candidates = [annotation, ...annotation.descendantsOfType(['identifier', 'type_identifier', 'attribute', 'string_content'])];
    for (const candidate of candidates) {
      if (!candidate) continue;
      const value =
        candidate.type === 'type_identifier' || candidate.type === 'string_content'
          ? this.namedValue(candidate.text, candidate, depth)
          : this.value(candidate, depth);
      if (value.kind === 'module') {
        const constructor = this.catalog.constructors[value.key];
        const type = constructor && this.catalog.clientTypes[constructor.type];
        if (type) return { kind: 'client', type, origin: null, methodPath: [], baseUrl: null };
      }
    }
    return UNKNOWN;
  }

  private namedValue(name: string, at: SyntaxNode, depth: number): Value {
    const binding = this.lookup(name, at);
    return binding ? this.bindingValue(binding, depth) : UNKNOWN;
  }

  private callValue(callee: SyntaxNode, args: ArgumentList, depth: number): Value {
    const imported = this.dynamicImport(callee, args);
    if (imported) return imported;
    const target = this.value(callee, depth);
    if (target.kind === 'module') {
      const constructor = this.catalog.constructors[target.key];
      const type = constructor && this.catalog.clientTypes[constructor.type];
      if (!type || !constructor || !this.conditionHolds(constructor.when, args)) return UNKNOWN;
      return this.newClient(type, args, type.inherits);
    }
    if (target.kind === 'client') {
      const spec = target.type.methods[target.methodPath.join('.')];
      const returned = spec?.returns ? this.catalog.clientTypes[spec.returns] : undefined;
      if (!spec || !returned || !this.conditionHolds(spec.when, args)) return UNKNOWN;
      // A chat or model made from a client keeps what the factory call set (model, limits, system prompt).
      return this.newClient(returned, args, returned.inherits ?? undefined, target.baseUrl);
    }
    if (target.kind === 'function') {
      for (const returnedNode of this.syntax.returnedExpressions(target.node)) {
        const value = this.value(returnedNode, depth);
        if (value.kind !== 'unknown') return value;
      }
    }
    return UNKNOWN;
  }

  private newClient(type: ClientType, args: ArgumentList, inherits: ClientType['inherits'], inheritedBaseUrl: string | null = null): Value {
    let baseUrl = inheritedBaseUrl;
    for (const path of type.baseUrl ?? []) {
      const lookup = this.argument(args, path);
      if (lookup.found) baseUrl = this.stringValue(lookup.node) ?? baseUrl;
    }
    return { kind: 'client', type, origin: { args, inherits }, methodPath: [], baseUrl };
  }

  /** `require('openai')` and `await import('openai')` name a module directly. */
  private dynamicImport(callee: SyntaxNode, args: ArgumentList): Value | null {
    const isRequire = callee.type === 'identifier' && callee.text === 'require' && !this.lookup('require', callee);
    if (!isRequire && callee.type !== 'import') return null;
    const source = args.positional[0];
    const module = source ? this.stringValue(source) : null;
    return module ? { kind: 'module', key: module } : null;
  }

  private conditionHolds(condition: ConstructionCondition | undefined, args: ArgumentList): boolean {
    if (!condition) return true;
    for (const path of condition.path) {
      const lookup = this.argument(args, path);
      if (lookup.found) {
        const value = this.stringValue(lookup.node);
        return value !== null && condition.equals.includes(value);
      }
    }
    return false;
  }

  /** Finds an argument by path: a keyword or options key, dotted into nested options, or `$N`. */
  argument(args: ArgumentList, path: ArgPath): ArgumentLookup {
    const segments = path.split('.');
    const first = segments.shift() ?? '';
    let node: SyntaxNode | undefined;
    let open = args.open;
    if (first.startsWith('$')) {
      node = args.positional[Number(first.slice(1))];
    } else if (this.syntax.family === 'python') {
      node = args.keywords.get(first);
    } else {
      const options = args.positional[0];
      if (!options) return { found: false, open };
      const object = this.objectView(options);
      // A literal first argument (`generateContent("…")`) is a prompt, not hidden options.
      if (!object) return { found: false, open: open || !LITERAL_KINDS.has(this.view(this.unwrap(options)).kind) };
      node = object.entries.get(first);
      open ||= object.open;
    }
    for (const segment of segments) {
      if (!node) break;
      const object = this.objectView(node);
      if (!object) return { found: false, open: true };
      node = object.entries.get(segment);
      open = object.open;
    }
    return node ? { found: true, node, path } : { found: false, open };
  }

  /** Reads a dict, an object literal, keyword arguments of a config constructor, or `json.dumps({...})`. */
  objectView(node: SyntaxNode, depth = 0): ObjectView | null {
    if (depth > MAX_DEPTH) return null;
    const view = this.view(node);
    switch (view.kind) {
      case 'object':
        return { entries: new Map(view.entries.map((entry) => [entry.key, entry.value])), open: view.open };
      case 'wrapper':
        return this.objectView(view.inner, depth + 1);
      case 'name':
      case 'member': {
        const bound = this.boundExpression(this.bindingOf(node));
        return bound ? this.objectView(bound, depth + 1) : null;
      }
      case 'call': {
        const calleeText = view.callee.text;
        const firstArgument = view.args.positional[0];
        if (JSON_ENCODERS.has(calleeText) && firstArgument) return this.objectView(firstArgument, depth + 1);
        if (this.syntax.family === 'python' && view.args.positional.length === 0) {
          return { entries: view.args.keywords, open: view.args.open };
        }
        return null;
      }
      default:
        return null;
    }
  }

  /** A string known at analysis time, following constants, defaults and environment fallbacks. */
  stringValue(node: SyntaxNode, depth = 0): string | null {
    if (depth > MAX_DEPTH) return null;
    const view = this.view(node);
    switch (view.kind) {
      case 'string':
        return view.pieces.every((piece) => piece.kind === 'text') ? view.pieces.map((piece) => (piece.kind === 'text' ? piece.text : '')).join('') : null;
      case 'name':
      case 'member': {
        const bound = this.boundExpression(this.bindingOf(node));
        return bound ? this.stringValue(bound, depth + 1) : null;
      }
      case 'wrapper':
        return this.stringValue(view.inner, depth + 1);
      case 'fallback':
        return this.stringValue(view.primary, depth + 1) ?? this.stringValue(view.fallback, depth + 1);
      case 'concat': {
        const left = this.stringValue(view.left, depth + 1);
        const right = left === null ? null : this.stringValue(view.right, depth + 1);
        return left !== null && right !== null ? left + right : null;
      }
      case 'call': {
        // os.getenv("MODEL", "gpt-4o") and os.environ.get(...) fall back to their default.
        const name = this.syntax.calleeName(view.callee).text;
        const fallback = view.args.positional[1];
        return ENV_GETTERS.has(name) && fallback ? this.stringValue(fallback, depth + 1) : null;
      }
      default:
        return null;
    }
  }

  numberValue(node: SyntaxNode, depth = 0): number | null {
    if (depth > MAX_DEPTH) return null;
    const view = this.view(node);
    switch (view.kind) {
      case 'number':
        return Number.isFinite(view.value) ? view.value : null;
      case 'name':
      case 'member': {
        const bound = this.boundExpression(this.bindingOf(node));
        return bound ? this.numberValue(bound, depth + 1) : null;
      }
      case 'wrapper':
        return this.numberValue(view.inner, depth + 1);
      case 'fallback':
        return this.numberValue(view.primary, depth + 1) ?? this.numberValue(view.fallback, depth + 1);
      case 'arithmetic':
      case 'concat': {
        const left = this.numberValue(view.left, depth + 1);
        const right = left === null ? null : this.numberValue(view.right, depth + 1);
        if (left === null || right === null) return null;
        const operator = view.kind === 'concat' ? '+' : view.operator;
        return arithmetic(left, right, operator);
      }
      default:
        return null;
    }
  }

  booleanValue(node: SyntaxNode): boolean | null {
    const view = this.view(this.unwrap(node));
    return view.kind === 'boolean' ? view.value : null;
  }

  /** Resolves which API a call expression invokes, if any. */
  apiOf(callee: SyntaxNode): { spec: ApiSpec; client: Value & { kind: 'client' } | null; baseUrlPaths?: readonly string[] } | null {
    const target = this.value(callee);
    if (target.kind === 'module') {
      const fn = this.catalog.functions[target.key];
      if (fn) return { spec: fn, client: null };
      const constructor = this.catalog.constructors[target.key];
      // A reported construction (a LangChain chat model) takes its base URL from its own arguments.
      if (constructor?.report) return { spec: constructor.report, client: null, baseUrlPaths: this.catalog.clientTypes[constructor.type]?.baseUrl };
      for (const [moduleKey, typeId] of Object.entries(this.catalog.moduleClients)) {
        const rest = stripPrefix(target.key, moduleKey);
        const type = this.catalog.clientTypes[typeId];
        const spec = rest && type?.methods[rest];
        if (spec && type && !spec.returns) return { spec, client: { kind: 'client', type, origin: null, methodPath: [], baseUrl: null } };
      }
      return null;
    }
    if (target.kind === 'client') {
      const spec = target.type.methods[target.methodPath.join('.')];
      return spec && !spec.returns ? { spec, client: target } : null;
    }
    return null;
  }
}

function stripPrefix(key: string, prefix: string): string | null {
  if (key.startsWith(`${prefix}.`) || key.startsWith(`${prefix}#`)) return key.slice(prefix.length + 1);
  return null;
}

/** For each list of bindings: its indices in order of position, and the greatest index in each prefix of that order. */
const positionOrders = new WeakMap<BindingRecord[], { byPosition: number[]; latestIndex: number[] }>();

/**
 * Of the bindings that start at or before the use, the last in the list; the
 * first when none does. A binary search: minified code binds one name thousands
 * of times and looks it up as often, and scanning the list for each use made a
 * 5 MB bundle take minutes. Edits move positions but never reorder them, so an
 * order, once computed, holds for the life of the list.
 */
function closestBefore(records: BindingRecord[], at: SyntaxNode): BindingRecord {
  let order = positionOrders.get(records);
  if (!order) {
    const byPosition = records.map((_, index) => index).sort((a, b) => positionOf(records[a]) - positionOf(records[b]));
    const latestIndex: number[] = [];
    for (const index of byPosition) latestIndex.push(Math.max(index, latestIndex.at(-1) ?? 0));
    order = { byPosition, latestIndex };
    positionOrders.set(records, order);
  }
  const use = at.startIndex;
  let before = 0;
  let after = order.byPosition.length;
  while (before < after) {
    const middle = (before + after) >> 1;
    if (positionOf(records[order.byPosition[middle]]) <= use) before = middle + 1;
    else after = middle;
  }
  return records[before === 0 ? 0 : order.latestIndex[before - 1]];
}

function positionOf(record: BindingRecord): number {
  return record.handles.node?.start ?? record.span.start;
}

function arithmetic(left: number, right: number, operator: string): number | null {
  switch (operator) {
    case '+':
      return left + right;
    case '-':
      return left - right;
    case '*':
      return left * right;
    case '//':
      return Math.floor(left / right);
    case '/':
      return left / right;
    default:
      return null;
  }
}

/** The root, the node, and every node between them, top down. */
function pathFromRoot(tree: Tree, node: SyntaxNode): SyntaxNode[] {
  const path: SyntaxNode[] = [];
  for (let current: SyntaxNode | null = tree.rootNode; current; current = current.id === node.id ? null : current.childWithDescendant(node)) path.push(current);
  return path;
}
