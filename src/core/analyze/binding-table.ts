import type { SyntaxNode, Tree } from '../parse/parser';
import { shiftOffset, type EditShift } from '../parse/incremental';
import type { Binding, BindingSite } from './syntax-view';

/** Where a node is: enough to find it again in a later tree that only differs inside one literal. */
export interface NodeHandle {
  start: number;
  end: number;
  type: string;
}

const NODE_FIELDS = ['node', 'value', 'typeAnnotation', 'defaultValue', 'source'] as const;
type NodeField = (typeof NODE_FIELDS)[number];

/**
 * A name binding kept as positions rather than tree-sitter nodes, so that the
 * table survives an edit inside a string or number: it is shifted, not rebuilt.
 */
export interface BindingRecord {
  readonly kind: Binding['kind'];
  /** The binding's own fields, with every node replaced by a handle. */
  readonly fields: Record<string, unknown>;
  readonly handles: Partial<Record<NodeField, NodeHandle>>;
  /** From the first to the last character of every node the binding names. */
  span: { start: number; end: number };
}

export function handleOf(node: SyntaxNode): NodeHandle {
  return { start: node.startIndex, end: node.endIndex, type: node.type };
}

/**
 * The node a handle names in `tree`. `descendantForIndex` returns the smallest
 * node over the range; climbing parents finds the one of the right type.
 */
export function nodeAt(tree: Tree, handle: NodeHandle): SyntaxNode | null {
  for (let node = tree.rootNode.descendantForIndex(handle.start, handle.end); node; node = node.parent) {
    if (node.startIndex !== handle.start || node.endIndex !== handle.end) return null;
    if (node.type === handle.type) return node;
  }
  return null;
}

/** Every binding of one file, by scope and name. */
export class BindingTable {
  private readonly byScope = new Map<string, Map<string, BindingRecord[]>>();
  /** The original nodes, for the tree the table was built from. */
  readonly builtFrom = new Map<BindingRecord, Binding>();
  private readonly scopes: { scope: NodeHandle; names: Map<string, BindingRecord[]> }[] = [];
  /** Every name bound anywhere in the file (`self.x` for fields). */
  readonly names = new Set<string>();

  constructor(sites: BindingSite[]) {
    const byScopeNode = new Map<number, { scope: NodeHandle; names: Map<string, BindingRecord[]> }>();
    for (const site of sites) {
      let entry = byScopeNode.get(site.scope.id);
      if (!entry) {
        entry = { scope: handleOf(site.scope), names: new Map() };
        byScopeNode.set(site.scope.id, entry);
        this.scopes.push(entry);
      }
      this.names.add(site.name);
      const record = toRecord(site.binding);
      this.builtFrom.set(record, site.binding);
      const list = entry.names.get(site.name);
      if (list) list.push(record);
      else entry.names.set(site.name, [record]);
    }
    this.index();
  }

  /** Bindings of `name` made in `scope`, in document order. */
  lookup(scope: SyntaxNode, name: string): BindingRecord[] | undefined {
    return this.byScope.get(scopeKey(scope.startIndex, scope.type))?.get(name);
  }

  /** The bindings as they stand after an edit that changed no structure. */
  shift(edit: EditShift): void {
    for (const { scope, names } of this.scopes) {
      shiftHandle(scope, edit);
      for (const records of names.values()) for (const record of records) shiftRecord(record, edit);
    }
    this.builtFrom.clear();
    this.index();
  }

  private index(): void {
    this.byScope.clear();
    for (const entry of this.scopes) this.byScope.set(scopeKey(entry.scope.start, entry.scope.type), entry.names);
  }
}

/** The binding with its nodes found in `tree`; null when a node is no longer there. */
export function materialize(record: BindingRecord, tree: Tree): Binding | null {
  const binding: Record<string, unknown> = { ...record.fields, kind: record.kind };
  for (const field of NODE_FIELDS) {
    const handle = record.handles[field];
    if (!handle) continue;
    const node = nodeAt(tree, handle);
    if (!node) return null;
    binding[field] = node;
  }
  return binding as unknown as Binding;
}

function scopeKey(start: number, type: string): string {
  return `${start}:${type}`;
}

function toRecord(binding: Binding): BindingRecord {
  const fields: Record<string, unknown> = {};
  const handles: Partial<Record<NodeField, NodeHandle>> = {};
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const [key, value] of Object.entries(binding)) {
    if ((NODE_FIELDS as readonly string[]).includes(key) && value) {
      const node = value as SyntaxNode;
      handles[key as NodeField] = handleOf(node);
      start = Math.min(start, node.startIndex);
      end = Math.max(end, node.endIndex);
    } else if (key !== 'kind') {
      fields[key] = value;
    }
  }
  return { kind: binding.kind, fields, handles, span: { start, end } };
}

function shiftHandle(handle: NodeHandle, edit: EditShift): void {
  if (handle.end < edit.oldEnd) return;
  handle.start = shiftOffset(handle.start, edit);
  handle.end = shiftOffset(handle.end, edit);
}

function shiftRecord(record: BindingRecord, edit: EditShift): void {
  if (record.span.end < edit.oldEnd) return;
  for (const handle of Object.values(record.handles)) if (handle) shiftHandle(handle, edit);
  record.span = { start: shiftOffset(record.span.start, edit), end: shiftOffset(record.span.end, edit) };
}
