import type { LoopContext } from '../model';
import type { SyntaxNode } from '../parse/parser';
import type { NodeIndex } from '../parse/syntax';

/**
 * A language-neutral view of the few expression shapes the engine reasons about.
 * Each language maps its tree-sitter nodes onto it, so resolution, prompt
 * extraction and call detection are written once.
 */
export type ExprView =
  | { kind: 'name'; name: string }
  | { kind: 'member'; object: SyntaxNode; property: string; propertyNode: SyntaxNode }
  | { kind: 'call'; callee: SyntaxNode; args: ArgumentList; isNew: boolean }
  | { kind: 'string'; pieces: StringPiece[]; prefix: string }
  | { kind: 'concat'; left: SyntaxNode; right: SyntaxNode }
  /** `"%s" % x` in Python: the right side fills the placeholders. */
  | { kind: 'percent-format'; template: SyntaxNode; values: SyntaxNode }
  | { kind: 'number'; value: number }
  | { kind: 'arithmetic'; left: SyntaxNode; right: SyntaxNode; operator: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'object'; entries: ObjectEntry[]; open: boolean }
  | { kind: 'array'; items: ArrayItem[] }
  /** Wrappers that do not change the value: await, parentheses, type assertions. */
  | { kind: 'wrapper'; inner: SyntaxNode }
  /** `a ?? b`, `a || b`, Python `a or b`: the right side is the fallback. */
  | { kind: 'fallback'; primary: SyntaxNode; fallback: SyntaxNode }
  | { kind: 'conditional'; consequence: SyntaxNode; alternative: SyntaxNode }
  | { kind: 'self' }
  | { kind: 'other' };

/** A run of literal text (already unescaped) or an interpolated expression. */
export type StringPiece =
  | { kind: 'text'; text: string; startOffset: number; endOffset: number }
  | { kind: 'interpolation'; expression: SyntaxNode; startOffset: number; endOffset: number };

export interface ObjectEntry {
  key: string;
  keyNode: SyntaxNode;
  /** The value; for a JavaScript shorthand property, the identifier itself. */
  value: SyntaxNode;
}

export type ArrayItem = { value: SyntaxNode; spread: false } | { value: SyntaxNode; spread: true };

export interface ArgumentList {
  node: SyntaxNode;
  positional: SyntaxNode[];
  keywords: Map<string, SyntaxNode>;
  /** `*args`, `**kwargs` or `...spread` somewhere in the list. */
  open: boolean;
}

export type Binding =
  | { kind: 'import'; module: string; members: string[]; node: SyntaxNode }
  | { kind: 'value'; value: SyntaxNode; node: SyntaxNode; typeAnnotation?: SyntaxNode }
  | { kind: 'parameter'; node: SyntaxNode; defaultValue?: SyntaxNode; typeAnnotation?: SyntaxNode }
  | { kind: 'function'; node: SyntaxNode }
  /** A name bound by destructuring: `const { OpenAI } = require('openai')`. */
  | { kind: 'destructured'; source: SyntaxNode; key: string; node: SyntaxNode }
  /** Declared but with no value we can follow (a class field with only a type). */
  | { kind: 'declared'; node: SyntaxNode; typeAnnotation?: SyntaxNode };

export interface BindingSite {
  /** The scope node (module, function, class) the name is bound in. */
  scope: SyntaxNode;
  name: string;
  binding: Binding;
}

export interface CommentText {
  text: string;
  line: number;
  /** Nothing but whitespace stands before the comment on its line. */
  ownLine: boolean;
}

export interface LanguageSyntax {
  /** Python passes options as keywords and keys symbols by dotted path; JavaScript SDKs take one options object. */
  readonly family: 'python' | 'javascript';
  /** Node types of call expressions (including `new`). */
  readonly callTypes: readonly string[];
  /** Leaf nodes holding a literal's text (a string's characters, a number): edits inside them change no structure. */
  readonly literalTypes: ReadonlySet<string>;
  /** Whether a literal's text is part of how a name is bound (`import … from 'openai'`), not a value read later. */
  literalNamesBinding(literal: SyntaxNode): boolean;
  /** Every node type the adapter reads from the index (calls, imports, bindings, comments). */
  readonly indexedTypes: readonly string[];
  view(node: SyntaxNode): ExprView;
  /** Every name binding in the file, with the scope it belongs to. */
  bindings(index: NodeIndex): BindingSite[];
  /** The scope a node is resolved in (innermost function, class body or module). */
  isScope(node: SyntaxNode): boolean;
  /** For `self.x` / `this.x`: the class whose fields hold `x`. */
  enclosingClass(node: SyntaxNode): SyntaxNode | null;
  /** Expressions returned by a function, for wrappers like `def get_client(): return OpenAI()`. */
  returnedExpressions(fn: SyntaxNode): SyntaxNode[];
  /** The closest enclosing loop, comprehension, or iteration callback (`items.map(x => …)`). */
  loopAround(node: SyntaxNode): LoopContext | null;
  comments(index: NodeIndex, text: string): CommentText[];
  /** What a call expression calls (`a.b.create` in `a.b.create(...)`), without reading its arguments. */
  callee(call: SyntaxNode): SyntaxNode | null;
  /** The node that names what is called (`create` in `a.b.create(...)`, `X` in `new X(...)`). */
  calleeName(callee: SyntaxNode): SyntaxNode;
}
