import type { LoopContext } from '../model';
import type { SyntaxNode } from '../parse/parser';
import { closestAncestor, isInside, parentOf, rangeOf, type NodeIndex } from '../parse/syntax';
import { decodeEscape } from './strings';
import type { ArgumentList, Binding, BindingSite, CommentText, ExprView, LanguageSyntax, ObjectEntry, StringPiece } from './syntax-view';

/** One adapter serves JavaScript, TypeScript and TSX: their grammars share these node types. */

const FUNCTION_TYPES = new Set([
  'function_declaration',
  'generator_function_declaration',
  'function_expression',
  'function',
  'generator_function',
  'arrow_function',
  'method_definition',
]);
const CLASS_TYPES = new Set(['class_declaration', 'class', 'abstract_class_declaration']);
const SCOPE_TYPES = new Set(['program', ...FUNCTION_TYPES, ...CLASS_TYPES]);
const LOOP_TYPES: Record<string, LoopContext['kind']> = {
  for_statement: 'for',
  for_in_statement: 'for',
  while_statement: 'while',
  do_statement: 'while',
};
const ITERATION_METHODS = new Set(['map', 'forEach', 'flatMap', 'filter', 'reduce', 'some', 'every']);
/** `await x`, `(x)`, `x as T`, `x satisfies T`, `x!` and `<T>x` (TypeScript only, not TSX): each holds the value of `x`. */
const WRAPPER_TYPES = new Set([
  'await_expression',
  'parenthesized_expression',
  'as_expression',
  'satisfies_expression',
  'non_null_expression',
  'type_assertion',
]);

function field(node: SyntaxNode, name: string): SyntaxNode | null {
  return node.childForFieldName(name);
}

function namedChildren(node: SyntaxNode): SyntaxNode[] {
  return node.namedChildren.filter((child): child is SyntaxNode => child !== null);
}

function stringPieces(node: SyntaxNode): StringPiece[] {
  const pieces: StringPiece[] = [];
  const pushText = (text: string, start: number, end: number): void => {
    const last = pieces[pieces.length - 1];
    if (last?.kind === 'text' && last.endOffset === start) {
      last.text += text;
      last.endOffset = end;
    } else {
      pieces.push({ kind: 'text', text, startOffset: start, endOffset: end });
    }
  };
  for (const child of namedChildren(node)) {
    if (child.type === 'string_fragment') pushText(child.text, child.startIndex, child.endIndex);
    else if (child.type === 'escape_sequence') pushText(decodeEscape(child.text), child.startIndex, child.endIndex);
    else if (child.type === 'template_substitution') {
      const expression = child.namedChild(0);
      if (expression) pieces.push({ kind: 'interpolation', expression, startOffset: child.startIndex, endOffset: child.endIndex });
    }
  }
  return pieces;
}

function argumentList(node: SyntaxNode | null, fallback: SyntaxNode): ArgumentList {
  const positional: SyntaxNode[] = [];
  let open = false;
  if (node?.type === 'template_string') positional.push(node);
  else if (node) {
    for (const child of namedChildren(node)) {
      if (child.type === 'spread_element') open = true;
      else if (child.type !== 'comment') positional.push(child);
    }
  }
  return { node: node ?? fallback, positional, keywords: new Map(), open };
}

function propertyKey(key: SyntaxNode): string | null {
  if (key.type === 'property_identifier' || key.type === 'private_property_identifier') return key.text;
  if (key.type === 'string') {
    const pieces = stringPieces(key);
    return pieces.every((piece) => piece.kind === 'text') ? pieces.map((piece) => (piece.kind === 'text' ? piece.text : '')).join('') : null;
  }
  if (key.type === 'number') return key.text;
  return null;
}

function objectEntries(node: SyntaxNode): { entries: ObjectEntry[]; open: boolean } {
  const entries: ObjectEntry[] = [];
  let open = false;
  for (const child of namedChildren(node)) {
    if (child.type === 'pair') {
      const keyNode = field(child, 'key');
      const value = field(child, 'value');
      const key = keyNode && propertyKey(keyNode);
      if (keyNode && value && key !== null) entries.push({ key, keyNode, value });
      else open = true;
    } else if (child.type === 'shorthand_property_identifier') {
      entries.push({ key: child.text, keyNode: child, value: child });
    } else if (child.type === 'spread_element') {
      open = true;
    }
  }
  return { entries, open };
}

function parseNumber(text: string): number {
  const clean = text.replace(/_/g, '').replace(/n$/, '');
  return /^0[xob]/i.test(clean) ? Number(clean) : Number.parseFloat(clean);
}

/**
 * The expression a wrapper holds. These nodes have no fields, and the first named
 * child is not always it: `<T>x` puts its type arguments first, and a comment may
 * stand before the expression inside parentheses or after `await`.
 */
function wrappedExpression(node: SyntaxNode): SyntaxNode | undefined {
  const children = namedChildren(node).filter((child) => child.type !== 'comment');
  return node.type === 'type_assertion' ? children.at(-1) : children[0];
}

function view(node: SyntaxNode): ExprView {
  switch (node.type) {
    case 'identifier':
    case 'shorthand_property_identifier':
      return { kind: 'name', name: node.text };
    case 'this':
      return { kind: 'self' };
    case 'member_expression': {
      const object = field(node, 'object');
      const property = field(node, 'property');
      return object && property ? { kind: 'member', object, property: property.text, propertyNode: property } : { kind: 'other' };
    }
    case 'subscript_expression': {
      const object = field(node, 'object');
      const index = field(node, 'index');
      const key = index && propertyKey(index);
      return object && index && key !== null && index.type === 'string'
        ? { kind: 'member', object, property: key, propertyNode: index }
        : { kind: 'other' };
    }
    case 'call_expression': {
      const callee = field(node, 'function');
      return callee ? { kind: 'call', callee, args: argumentList(field(node, 'arguments'), node), isNew: false } : { kind: 'other' };
    }
    case 'new_expression': {
      const callee = field(node, 'constructor');
      return callee ? { kind: 'call', callee, args: argumentList(field(node, 'arguments'), node), isNew: true } : { kind: 'other' };
    }
    case 'string':
    case 'template_string':
      return { kind: 'string', pieces: stringPieces(node), prefix: '' };
    case 'binary_expression': {
      const left = field(node, 'left');
      const right = field(node, 'right');
      const operator = field(node, 'operator')?.text ?? '';
      if (!left || !right) return { kind: 'other' };
      if (operator === '+') return { kind: 'concat', left, right };
      if (operator === '??' || operator === '||') return { kind: 'fallback', primary: left, fallback: right };
      return { kind: 'arithmetic', left, right, operator };
    }
    case 'unary_expression': {
      const operand = field(node, 'argument');
      if (operand?.type === 'number' && field(node, 'operator')?.text === '-') return { kind: 'number', value: -parseNumber(operand.text) };
      return { kind: 'other' };
    }
    case 'number':
      return { kind: 'number', value: parseNumber(node.text) };
    case 'true':
    case 'false':
      return { kind: 'boolean', value: node.type === 'true' };
    case 'null':
    case 'undefined':
      return { kind: 'null' };
    case 'object':
      return { kind: 'object', ...objectEntries(node) };
    case 'array':
      return {
        kind: 'array',
        items: namedChildren(node)
          .filter((item) => item.type !== 'comment')
          .map((item) =>
            item.type === 'spread_element'
              ? { value: item.namedChild(0) ?? item, spread: true as const }
              : { value: item, spread: false as const },
          ),
      };
    case 'ternary_expression': {
      const consequence = field(node, 'consequence');
      const alternative = field(node, 'alternative');
      return consequence && alternative ? { kind: 'conditional', consequence, alternative } : { kind: 'other' };
    }
    default: {
      const inner = WRAPPER_TYPES.has(node.type) ? wrappedExpression(node) : undefined;
      return inner ? { kind: 'wrapper', inner } : { kind: 'other' };
    }
  }
}

function enclosingScope(node: SyntaxNode): SyntaxNode {
  return closestAncestor(node, SCOPE_TYPES) ?? node;
}

function enclosingClass(node: SyntaxNode): SyntaxNode | null {
  return closestAncestor(node, CLASS_TYPES);
}

function stringValue(node: SyntaxNode | null): string | null {
  if (node?.type !== 'string') return null;
  const pieces = stringPieces(node);
  return pieces.map((piece) => (piece.kind === 'text' ? piece.text : '')).join('');
}

function collectImports(index: NodeIndex, sites: BindingSite[]): void {
  for (const statement of index.of(['import_statement'])) {
    const module = stringValue(field(statement, 'source'));
    const scope = enclosingScope(statement);
    for (const clause of namedChildren(statement)) {
      if (clause.type === 'import_require_clause') {
        const name = clause.namedChild(0);
        const source = stringValue(field(clause, 'source'));
        if (name && source) sites.push({ scope, name: name.text, binding: { kind: 'import', module: source, members: [], node: clause } });
      }
      if (clause.type !== 'import_clause' || module === null) continue;
      for (const part of namedChildren(clause)) {
        if (part.type === 'identifier') {
          sites.push({ scope, name: part.text, binding: { kind: 'import', module, members: ['default'], node: part } });
        } else if (part.type === 'namespace_import') {
          const name = part.namedChild(0);
          if (name) sites.push({ scope, name: name.text, binding: { kind: 'import', module, members: [], node: part } });
        } else if (part.type === 'named_imports') {
          for (const specifier of namedChildren(part)) {
            if (specifier.type !== 'import_specifier') continue;
            const imported = field(specifier, 'name');
            const local = field(specifier, 'alias') ?? imported;
            if (imported && local) {
              const importedName = stringValue(imported) ?? imported.text;
              sites.push({ scope, name: local.text, binding: { kind: 'import', module, members: [importedName], node: specifier } });
            }
          }
        }
      }
    }
  }
}

/** Typed names: `const client: OpenAI = …`, `client: OpenAI` parameters and fields. */
function typeOf(node: SyntaxNode): SyntaxNode | undefined {
  return field(node, 'type')?.namedChild(0) ?? undefined;
}

function collectDeclarations(index: NodeIndex, sites: BindingSite[]): void {
  for (const declarator of index.of(['variable_declarator'])) {
    const name = field(declarator, 'name');
    const value = field(declarator, 'value');
    const scope = enclosingScope(declarator);
    if (name?.type === 'identifier') {
      const binding: Binding = value
        ? { kind: 'value', value, node: declarator, typeAnnotation: typeOf(declarator) }
        : { kind: 'declared', node: declarator, typeAnnotation: typeOf(declarator) };
      sites.push({ scope, name: name.text, binding });
    } else if (name?.type === 'object_pattern' && value) {
      for (const property of namedChildren(name)) {
        if (property.type === 'shorthand_property_identifier_pattern') {
          sites.push({ scope, name: property.text, binding: { kind: 'destructured', source: value, key: property.text, node: property } });
        } else if (property.type === 'pair_pattern') {
          const key = field(property, 'key');
          const local = field(property, 'value');
          if (key && local?.type === 'identifier') {
            sites.push({ scope, name: local.text, binding: { kind: 'destructured', source: value, key: key.text, node: property } });
          }
        }
      }
    }
  }
  for (const assignment of index.of(['assignment_expression'])) {
    const left = field(assignment, 'left');
    const right = field(assignment, 'right');
    if (!left || !right) continue;
    if (left.type === 'identifier') {
      sites.push({ scope: enclosingScope(assignment), name: left.text, binding: { kind: 'value', value: right, node: assignment } });
    } else if (left.type === 'member_expression' && field(left, 'object')?.type === 'this') {
      const property = field(left, 'property');
      const owner = enclosingClass(assignment);
      if (property && owner) sites.push({ scope: owner, name: `self.${property.text}`, binding: { kind: 'value', value: right, node: assignment } });
    }
  }
  for (const fieldNode of index.of(['public_field_definition', 'field_definition'])) {
    const name = field(fieldNode, 'name') ?? field(fieldNode, 'property');
    const value = field(fieldNode, 'value');
    const owner = enclosingClass(fieldNode);
    if (!name || !owner) continue;
    const typeAnnotation = typeOf(fieldNode);
    sites.push({
      scope: owner,
      name: `self.${name.text}`,
      binding: value ? { kind: 'value', value, node: fieldNode, typeAnnotation } : { kind: 'declared', node: fieldNode, typeAnnotation },
    });
  }
}

function collectFunctions(index: NodeIndex, sites: BindingSite[]): void {
  for (const fn of index.of([...FUNCTION_TYPES])) {
    const name = field(fn, 'name');
    if (name && fn.type !== 'method_definition') {
      sites.push({ scope: enclosingScope(fn), name: name.text, binding: { kind: 'function', node: fn } });
    }
    const single = field(fn, 'parameter');
    if (single) sites.push({ scope: fn, name: single.text, binding: { kind: 'parameter', node: single } });
    const parameters = field(fn, 'parameters');
    if (!parameters) continue;
    const isConstructor = fn.type === 'method_definition' && name?.text === 'constructor';
    for (const parameter of namedChildren(parameters)) collectParameter(fn, parameter, isConstructor, sites);
  }
}

function collectParameter(fn: SyntaxNode, parameter: SyntaxNode, isConstructor: boolean, sites: BindingSite[]): void {
  let pattern: SyntaxNode | null = parameter;
  let defaultValue: SyntaxNode | undefined;
  let typeAnnotation: SyntaxNode | undefined;
  if (parameter.type === 'required_parameter' || parameter.type === 'optional_parameter') {
    pattern = field(parameter, 'pattern');
    defaultValue = field(parameter, 'value') ?? undefined;
    typeAnnotation = typeOf(parameter);
  } else if (parameter.type === 'assignment_pattern') {
    pattern = field(parameter, 'left');
    defaultValue = field(parameter, 'right') ?? undefined;
  }
  if (pattern?.type !== 'identifier') return;
  const binding: Binding = { kind: 'parameter', node: parameter, defaultValue, typeAnnotation };
  sites.push({ scope: fn, name: pattern.text, binding });
  // `constructor(private client: OpenAI)` also declares the field `this.client`.
  const isParameterProperty = namedChildren(parameter).some((child) => child.type === 'accessibility_modifier' || child.text === 'readonly');
  const owner = isConstructor && isParameterProperty ? enclosingClass(fn) : null;
  if (owner) sites.push({ scope: owner, name: `self.${pattern.text}`, binding });
}

function returnedExpressions(fn: SyntaxNode): SyntaxNode[] {
  const body = field(fn, 'body');
  if (!body) return [];
  if (fn.type === 'arrow_function' && body.type !== 'statement_block') return [body];
  return body
    .descendantsOfType('return_statement')
    .filter((statement): statement is SyntaxNode => statement !== null && enclosingFunction(statement)?.id === fn.id)
    .map((statement) => statement.namedChild(0))
    .filter((value): value is SyntaxNode => value !== null);
}

function enclosingFunction(node: SyntaxNode): SyntaxNode | null {
  return closestAncestor(node, FUNCTION_TYPES);
}

function loopAround(node: SyntaxNode): LoopContext | null {
  let child = node;
  for (let current = parentOf(node); current; child = current, current = parentOf(current)) {
    const loopKind = LOOP_TYPES[current.type];
    if (loopKind && field(current, 'body')?.id === child.id) return { kind: loopKind, range: rangeOf(current) };
    if (FUNCTION_TYPES.has(current.type)) {
      // An arrow or function passed to `items.map(…)` runs once per item.
      const argumentList = parentOf(current);
      const call = argumentList?.type === 'arguments' ? parentOf(argumentList) : null;
      const callee = call?.type === 'call_expression' ? field(call, 'function') : null;
      const method = callee?.type === 'member_expression' ? field(callee, 'property')?.text : undefined;
      if (call && method && ITERATION_METHODS.has(method)) return { kind: 'iteration-callback', range: rangeOf(call) };
      return null;
    }
    if (CLASS_TYPES.has(current.type)) return null;
  }
  return null;
}

function comments(index: NodeIndex, text: string): CommentText[] {
  return index.of(['comment']).map((comment) => ({
    text: comment.text.replace(/^\/\/\s?|^\/\*+\s?|\s*\*+\/$/g, ''),
    line: comment.startPosition.row,
    ownLine: onlyBlanksBefore(text, comment.startIndex),
  }));
}

/**
 * Nothing but whitespace between the start of the line and `offset`. Scanned
 * backwards: one long line can hold thousands of block comments, and looking
 * from its start for each of them took time quadratic in the line's length.
 */
function onlyBlanksBefore(text: string, offset: number): boolean {
  let index = offset - 1;
  while (index >= 0 && text[index] !== '\n' && /\s/.test(text[index])) index--;
  return index < 0 || text[index] === '\n';
}

/** Where a string's text becomes part of a binding: module names, destructured keys, quoted field names. */
const BINDING_NAME_CONTEXTS = new Set(['import_statement', 'import_require_clause', 'object_pattern']);
const FIELD_TYPES = new Set(['public_field_definition', 'field_definition']);

function literalNamesBinding(literal: SyntaxNode): boolean {
  for (let node = parentOf(literal); node; node = parentOf(node)) {
    if (BINDING_NAME_CONTEXTS.has(node.type)) return true;
    // `export … from 'module'` names a module; any other string under `export` (an exported constant's) is a value.
    if (node.type === 'export_statement') {
      const source = field(node, 'source');
      return source !== null && isInside(literal, source);
    }
    if (FIELD_TYPES.has(node.type)) {
      const value = field(node, 'value');
      return !value || literal.startIndex < value.startIndex;
    }
  }
  return false;
}


export const JAVASCRIPT_SYNTAX: LanguageSyntax = {
  family: 'javascript',
  callTypes: ['call_expression', 'new_expression'],
  literalTypes: new Set(['string_fragment', 'number']),
  literalNamesBinding,
  indexedTypes: [
    'call_expression',
    'new_expression',
    'import_statement',
    'variable_declarator',
    'assignment_expression',
    'public_field_definition',
    'field_definition',
    ...FUNCTION_TYPES,
    'comment',
  ],
  view,
  bindings(index) {
    const sites: BindingSite[] = [];
    collectImports(index, sites);
    collectDeclarations(index, sites);
    collectFunctions(index, sites);
    return sites;
  },
  isScope: (node) => SCOPE_TYPES.has(node.type),
  enclosingClass,
  returnedExpressions,
  loopAround,
  comments,
  callee: (call) => field(call, call.type === 'new_expression' ? 'constructor' : 'function'),
  calleeName(callee) {
    if (callee.type === 'member_expression') return field(callee, 'property') ?? callee;
    return callee;
  },
};
