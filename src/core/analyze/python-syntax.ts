import type { LoopContext } from '../model';
import type { SyntaxNode } from '../parse/parser';
import { closestAncestor, parentOf, rangeOf, type NodeIndex } from '../parse/syntax';
import { decodeEscape } from './strings';
import type { ArgumentList, BindingSite, CommentText, ExprView, LanguageSyntax, ObjectEntry, StringPiece } from './syntax-view';

const SCOPE_TYPES = new Set(['module', 'function_definition', 'class_definition', 'lambda']);
const FUNCTION_TYPES = new Set(['function_definition', 'lambda']);
const CLASS_TYPES = new Set(['class_definition']);
const FUNCTION_OR_CLASS_TYPES = new Set([...FUNCTION_TYPES, ...CLASS_TYPES]);
const COMPREHENSION_TYPES = new Set(['list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']);

function field(node: SyntaxNode, name: string): SyntaxNode | null {
  return node.childForFieldName(name);
}

function namedChildren(node: SyntaxNode): SyntaxNode[] {
  return node.namedChildren.filter((child): child is SyntaxNode => child !== null);
}

function stringPieces(node: SyntaxNode): { pieces: StringPiece[]; prefix: string } {
  const pieces: StringPiece[] = [];
  let prefix = '';
  for (const child of namedChildren(node)) {
    if (child.type === 'string_start') {
      prefix = child.text.replace(/["']/g, '').toLowerCase();
    } else if (child.type === 'string_content') {
      pieces.push({ kind: 'text', text: decodeContent(child, prefix.includes('r')), startOffset: child.startIndex, endOffset: child.endIndex });
    } else if (child.type === 'interpolation') {
      const expression = field(child, 'expression');
      if (expression) pieces.push({ kind: 'interpolation', expression, startOffset: child.startIndex, endOffset: child.endIndex });
    }
  }
  return { pieces, prefix };
}

function decodeContent(content: SyntaxNode, raw: boolean): string {
  const escapes = namedChildren(content);
  if (escapes.length === 0) return content.text;
  const text = content.text;
  let out = '';
  let cursor = 0;
  for (const escape of escapes) {
    const from = escape.startIndex - content.startIndex;
    out += text.slice(cursor, from);
    // Raw strings keep backslashes, but `{{` in a raw f-string is still a brace.
    out += raw && escape.type === 'escape_sequence' ? escape.text : decodeEscape(escape.text);
    cursor = escape.endIndex - content.startIndex;
  }
  return out + text.slice(cursor);
}

function argumentList(node: SyntaxNode | null): ArgumentList | null {
  if (!node) return null;
  const positional: SyntaxNode[] = [];
  const keywords = new Map<string, SyntaxNode>();
  let open = false;
  if (node.type === 'generator_expression') return { node, positional: [node], keywords, open };
  for (const child of namedChildren(node)) {
    if (child.type === 'keyword_argument') {
      const name = field(child, 'name');
      const value = field(child, 'value');
      if (name && value) keywords.set(name.text, value);
    } else if (child.type === 'list_splat' || child.type === 'dictionary_splat') {
      open = true;
    } else if (child.type !== 'comment') {
      positional.push(child);
    }
  }
  return { node, positional, keywords, open };
}

function dictionaryEntries(node: SyntaxNode): { entries: ObjectEntry[]; open: boolean } {
  const entries: ObjectEntry[] = [];
  let open = false;
  for (const child of namedChildren(node)) {
    if (child.type === 'pair') {
      const key = field(child, 'key');
      const value = field(child, 'value');
      if (!key || !value) continue;
      const keyView = key.type === 'string' ? stringPieces(key).pieces : null;
      if (keyView && keyView.every((piece) => piece.kind === 'text')) {
        entries.push({ key: keyView.map((piece) => (piece.kind === 'text' ? piece.text : '')).join(''), keyNode: key, value });
      } else {
        open = true;
      }
    } else if (child.type === 'dictionary_splat') {
      open = true;
    }
  }
  return { entries, open };
}

function parseNumber(text: string): number {
  const clean = text.replace(/_/g, '').replace(/[jJlL]$/, '');
  return /^0[xob]/i.test(clean) ? Number(clean) : Number.parseFloat(clean);
}

function view(node: SyntaxNode): ExprView {
  switch (node.type) {
    case 'identifier':
      return node.text === 'self' || node.text === 'cls' ? { kind: 'self' } : { kind: 'name', name: node.text };
    case 'attribute': {
      const object = field(node, 'object');
      const property = field(node, 'attribute');
      return object && property ? { kind: 'member', object, property: property.text, propertyNode: property } : { kind: 'other' };
    }
    case 'call': {
      const callee = field(node, 'function');
      const args = argumentList(field(node, 'arguments'));
      return callee && args ? { kind: 'call', callee, args, isNew: false } : { kind: 'other' };
    }
    case 'string':
      return { kind: 'string', ...stringPieces(node) };
    case 'concatenated_string': {
      const pieces = namedChildren(node).flatMap((part) => stringPieces(part).pieces);
      return { kind: 'string', pieces, prefix: '' };
    }
    case 'binary_operator': {
      const left = field(node, 'left');
      const right = field(node, 'right');
      const operator = field(node, 'operator')?.text ?? '';
      if (!left || !right) return { kind: 'other' };
      if (operator === '+') return { kind: 'concat', left, right };
      if (operator === '%' && (left.type === 'string' || left.type === 'concatenated_string')) {
        return { kind: 'percent-format', template: left, values: right };
      }
      return { kind: 'arithmetic', left, right, operator };
    }
    case 'integer':
    case 'float':
      return { kind: 'number', value: parseNumber(node.text) };
    case 'unary_operator': {
      const operand = field(node, 'argument');
      if (operand && node.text.startsWith('-') && (operand.type === 'integer' || operand.type === 'float')) {
        return { kind: 'number', value: -parseNumber(operand.text) };
      }
      return { kind: 'other' };
    }
    case 'true':
    case 'false':
      return { kind: 'boolean', value: node.type === 'true' };
    case 'none':
      return { kind: 'null' };
    case 'dictionary':
      return { kind: 'object', ...dictionaryEntries(node) };
    case 'list':
    case 'tuple':
      return {
        kind: 'array',
        items: namedChildren(node)
          .filter((item) => item.type !== 'comment')
          .map((item) =>
            item.type === 'list_splat' ? { value: item.namedChild(0) ?? item, spread: true as const } : { value: item, spread: false as const },
          ),
      };
    case 'await':
    case 'parenthesized_expression':
    case 'type': {
      const inner = node.namedChild(0);
      return inner ? { kind: 'wrapper', inner } : { kind: 'other' };
    }
    case 'boolean_operator': {
      const left = field(node, 'left');
      const right = field(node, 'right');
      return left && right && field(node, 'operator')?.text === 'or' ? { kind: 'fallback', primary: left, fallback: right } : { kind: 'other' };
    }
    case 'conditional_expression': {
      const [consequence, , alternative] = namedChildren(node);
      return consequence && alternative ? { kind: 'conditional', consequence, alternative } : { kind: 'other' };
    }
    default:
      return { kind: 'other' };
  }
}

function enclosingScope(node: SyntaxNode): SyntaxNode {
  return closestAncestor(node, SCOPE_TYPES) ?? node;
}

function enclosingClass(node: SyntaxNode): SyntaxNode | null {
  return closestAncestor(node, CLASS_TYPES);
}

function collectImports(index: NodeIndex, sites: BindingSite[]): void {
  for (const statement of index.of(['import_statement', 'import_from_statement'])) {
    const scope = enclosingScope(statement);
    const fromModule = statement.type === 'import_from_statement' ? field(statement, 'module_name')?.text : undefined;
    for (const imported of statement.childrenForFieldName('name')) {
      if (!imported) continue;
      const nameNode = imported.type === 'aliased_import' ? field(imported, 'name') : imported;
      const alias = imported.type === 'aliased_import' ? field(imported, 'alias')?.text : undefined;
      if (!nameNode) continue;
      const dotted = nameNode.text;
      if (fromModule !== undefined) {
        sites.push({ scope, name: alias ?? dotted, binding: { kind: 'import', module: fromModule, members: dotted.split('.'), node: imported } });
      } else if (alias) {
        sites.push({ scope, name: alias, binding: { kind: 'import', module: dotted, members: [], node: imported } });
      } else {
        // `import a.b.c` binds `a`; attribute access then walks to `a.b.c`.
        const top = dotted.split('.')[0] ?? dotted;
        sites.push({ scope, name: top, binding: { kind: 'import', module: top, members: [], node: imported } });
      }
    }
  }
}

function assignmentTarget(left: SyntaxNode): { name: string; classScope: SyntaxNode | null } | null {
  if (left.type === 'identifier') return { name: left.text, classScope: null };
  if (left.type === 'attribute') {
    const object = field(left, 'object');
    const attribute = field(left, 'attribute');
    if (object && attribute && (object.text === 'self' || object.text === 'cls')) {
      return { name: `self.${attribute.text}`, classScope: enclosingClass(left) };
    }
  }
  return null;
}

function collectAssignments(index: NodeIndex, sites: BindingSite[]): void {
  for (const assignment of index.of(['assignment'])) {
    const left = field(assignment, 'left');
    let right = field(assignment, 'right');
    // `a = b = OpenAI()`: every target gets the innermost value.
    while (right?.type === 'assignment') right = field(right, 'right');
    const typeAnnotation = field(assignment, 'type') ?? undefined;
    if (!left) continue;
    const target = assignmentTarget(left);
    if (!target) continue;
    const scope = target.classScope ?? enclosingScope(assignment);
    sites.push({
      scope,
      name: target.name,
      binding: right ? { kind: 'value', value: right, node: assignment, typeAnnotation } : { kind: 'declared', node: assignment, typeAnnotation },
    });
    // Class attributes are read as `self.x` from methods.
    if (scope.type === 'class_definition' && left.type === 'identifier' && right) {
      sites.push({ scope, name: `self.${left.text}`, binding: { kind: 'value', value: right, node: assignment, typeAnnotation } });
    }
  }
  for (const item of index.of(['with_item'])) {
    const value = field(item, 'value');
    if (value?.type !== 'as_pattern') continue;
    const target = field(value, 'alias')?.namedChild(0);
    const source = value.namedChild(0);
    if (target?.type === 'identifier' && source) {
      sites.push({ scope: enclosingScope(item), name: target.text, binding: { kind: 'value', value: source, node: item } });
    }
  }
}

function collectFunctions(index: NodeIndex, sites: BindingSite[]): void {
  for (const fn of index.of(['function_definition'])) {
    const name = field(fn, 'name');
    if (name) sites.push({ scope: enclosingScope(fn), name: name.text, binding: { kind: 'function', node: fn } });
    const parameters = field(fn, 'parameters');
    if (!parameters) continue;
    for (const parameter of namedChildren(parameters)) {
      const site = parameterBinding(parameter);
      if (site) sites.push({ scope: fn, name: site.name, binding: { kind: 'parameter', node: parameter, ...site.details } });
    }
  }
}

function parameterBinding(
  parameter: SyntaxNode,
): { name: string; details: { defaultValue?: SyntaxNode; typeAnnotation?: SyntaxNode } } | null {
  switch (parameter.type) {
    case 'identifier':
      return { name: parameter.text, details: {} };
    case 'typed_parameter': {
      const name = parameter.namedChild(0);
      return name?.type === 'identifier' ? { name: name.text, details: { typeAnnotation: field(parameter, 'type') ?? undefined } } : null;
    }
    case 'default_parameter':
    case 'typed_default_parameter': {
      const name = field(parameter, 'name');
      if (name?.type !== 'identifier') return null;
      return {
        name: name.text,
        details: { defaultValue: field(parameter, 'value') ?? undefined, typeAnnotation: field(parameter, 'type') ?? undefined },
      };
    }
    default:
      return null;
  }
}

function returnedExpressions(fn: SyntaxNode): SyntaxNode[] {
  if (fn.type === 'lambda') {
    const body = field(fn, 'body');
    return body ? [body] : [];
  }
  const body = field(fn, 'body');
  if (!body) return [];
  return body
    .descendantsOfType('return_statement')
    .filter((statement): statement is SyntaxNode => statement !== null && enclosingFunction(statement)?.id === fn.id)
    .map((statement) => statement.namedChild(0))
    .filter((value): value is SyntaxNode => value !== null);
}

function enclosingFunction(node: SyntaxNode): SyntaxNode | null {
  return closestAncestor(node, FUNCTION_OR_CLASS_TYPES);
}

function loopAround(node: SyntaxNode): LoopContext | null {
  let child = node;
  for (let current = parentOf(node); current; child = current, current = parentOf(current)) {
    if (FUNCTION_TYPES.has(current.type) || current.type === 'class_definition') return null;
    if ((current.type === 'for_statement' || current.type === 'while_statement') && field(current, 'body')?.id === child.id) {
      return { kind: current.type === 'for_statement' ? 'for' : 'while', range: rangeOf(current) };
    }
    if (COMPREHENSION_TYPES.has(current.type) && field(current, 'body')?.id === child.id) {
      return { kind: 'comprehension', range: rangeOf(current) };
    }
  }
  return null;
}

function comments(index: NodeIndex, text: string): CommentText[] {
  return index.of(['comment']).map((comment) => {
    const lineStart = text.lastIndexOf('\n', comment.startIndex - 1) + 1;
    return {
      text: comment.text.replace(/^#\s?/, ''),
      line: comment.startPosition.row,
      ownLine: text.slice(lineStart, comment.startIndex).trim() === '',
    };
  });
}

export const PYTHON_SYNTAX: LanguageSyntax = {
  family: 'python',
  callTypes: ['call'],
  literalTypes: new Set(['string_content', 'integer', 'float']),
  // Python binds names from identifiers only; strings are values, read when used.
  literalNamesBinding: () => false,
  indexedTypes: ['call', 'import_statement', 'import_from_statement', 'assignment', 'with_item', 'function_definition', 'comment'],
  view,
  bindings(index) {
    const sites: BindingSite[] = [];
    collectImports(index, sites);
    collectAssignments(index, sites);
    collectFunctions(index, sites);
    return sites;
  },
  isScope: (node) => SCOPE_TYPES.has(node.type),
  enclosingClass,
  returnedExpressions,
  loopAround,
  comments,
  callee: (call) => field(call, 'function'),
  calleeName(callee) {
    return callee.type === 'attribute' ? (field(callee, 'attribute') ?? callee) : callee;
  },
};
