import type { DynamicPart, Prompt, PromptPart, PromptRole, SourceRange, StaticPart } from '../model';
import type { SyntaxNode } from '../parse/parser';
import { rangeOf, subRange } from '../parse/syntax';
import type { ObjectView, Resolver } from './resolve';
import { dedent } from './strings';

/**
 * A prompt file's text, or why it was not read, in words that finish the sentence
 * "prompt file p.txt: …" (`outside the workspace, not read`).
 */
export type PromptFileRead = { ok: true; text: string } | { ok: false; reason: string };

/** Reads a prompt file named by a literal path in the code, relative to the source file's folder. */
export type PromptFileReader = (path: string) => PromptFileRead;

const MAX_DEPTH = 10;
const ROLES: Record<string, PromptRole> = {
  system: 'system',
  developer: 'developer',
  user: 'user',
  human: 'user',
  assistant: 'assistant',
  model: 'assistant',
  ai: 'assistant',
  tool: 'tool',
  function: 'tool',
};
const CACHE_KEYS = ['cache_control', 'cacheControl', 'prompt_cache_breakpoint'];
const VOLATILE =
  /datetime\.|\bdate\.today|\bnow\(|utcnow|Date\.now|new Date\b|time\.time|perf_counter|uuid|randomUUID|Math\.random|\brandom\.|timestamp|request_?id|requestId|nonce/i;
const DEDENT_FUNCTIONS = new Set(['dedent', 'cleandoc']);
const STRIP_METHODS = new Set(['strip', 'trim', 'lstrip', 'rstrip', 'trimStart', 'trimEnd']);
const FILE_READERS = new Set(['read', 'read_text', 'readFileSync']);

/**
 * Turns prompt arguments into static text and dynamic slots, in order, with
 * where each is written. Constants defined elsewhere in the file are followed;
 * anything whose value is only known at run time becomes a dynamic slot.
 */
export class PromptExtractor {
  constructor(
    private readonly resolver: Resolver,
    private readonly readPromptFile?: PromptFileReader,
  ) {}

  /** Prompts from one argument: a string, a message, a list of messages or content blocks. */
  fromArgument(node: SyntaxNode, argument: string, role: PromptRole): Prompt[] {
    return this.messages(node, argument, role, 0);
  }

  private messages(node: SyntaxNode, argument: string, role: PromptRole, depth: number): Prompt[] {
    const view = this.resolver.view(node);
    if (depth < MAX_DEPTH && (view.kind === 'name' || view.kind === 'member')) {
      const bound = this.resolver.boundExpression(this.resolver.bindingOf(node));
      const boundView = bound && this.resolver.view(this.resolver.unwrap(bound));
      if (bound && (boundView?.kind === 'array' || boundView?.kind === 'object')) return this.messages(bound, argument, role, depth + 1);
    }
    if (view.kind === 'wrapper') return this.messages(view.inner, argument, role, depth + 1);
    if (view.kind === 'array') {
      const prompts: Prompt[] = [];
      for (const item of view.items) {
        if (item.spread) {
          prompts.push(this.prompt(argument, 'unknown', [this.dynamic(item.value)], item.value, false));
        } else {
          prompts.push(...this.message(item.value, argument, role, depth + 1));
        }
      }
      return prompts;
    }
    if (view.kind === 'object') return this.message(node, argument, role, depth + 1);
    return [this.prompt(argument, role, this.text(node, depth + 1), node, false)];
  }

  /** One message (`{role, content}`), content block (`{text}`), Bedrock `{cachePoint}`, or string. */
  private message(node: SyntaxNode, argument: string, role: PromptRole, depth: number): Prompt[] {
    const object = this.resolver.objectView(node);
    if (!object) return [this.prompt(argument, role, this.text(node, depth), node, false)];
    const roleNode = object.entries.get('role');
    const roleText = roleNode ? this.resolver.stringValue(roleNode) : null;
    const messageRole = roleText ? (ROLES[roleText] ?? 'unknown') : roleNode ? 'unknown' : role;
    const content = object.entries.get('content') ?? object.entries.get('parts') ?? object.entries.get('text');
    if (!content) {
      const marksCache = object.entries.has('cachePoint');
      return [this.prompt(argument, messageRole, [], node, marksCache)];
    }
    const { parts, cacheBreakpoint } = this.content(content, depth + 1);
    return [this.prompt(argument, messageRole, parts, node, cacheBreakpoint || hasCacheKey(object))];
  }

  private content(node: SyntaxNode, depth: number): { parts: PromptPart[]; cacheBreakpoint: boolean } {
    const view = this.resolver.view(this.resolver.unwrap(node));
    if (view.kind !== 'array') return { parts: this.text(node, depth), cacheBreakpoint: false };
    const parts: PromptPart[] = [];
    let cacheBreakpoint = false;
    for (const item of view.items) {
      const block = item.spread ? null : this.resolver.objectView(item.value);
      if (!block) {
        parts.push(...(item.spread ? [this.dynamic(item.value)] : this.text(item.value, depth)));
        continue;
      }
      cacheBreakpoint ||= hasCacheKey(block) || block.entries.has('cachePoint');
      const text = block.entries.get('text') ?? block.entries.get('content');
      if (text) parts.push(...this.text(text, depth));
      else if (!block.entries.has('cachePoint')) parts.push(this.dynamic(item.value, 'attachment'));
    }
    return { parts, cacheBreakpoint };
  }

  /** The text of a string-valued expression, split into static runs and dynamic slots. */
  text(node: SyntaxNode, depth = 0): PromptPart[] {
    if (depth > MAX_DEPTH) return [this.dynamic(node)];
    const view = this.resolver.view(node);
    switch (view.kind) {
      case 'string':
        return view.pieces.map((piece) =>
          piece.kind === 'text'
            ? staticPart(piece.text, subRange(node, piece.startOffset, piece.endOffset))
            : this.dynamic(piece.expression, undefined, subRange(node, piece.startOffset, piece.endOffset)),
        );
      case 'concat':
        return [...this.text(view.left, depth + 1), ...this.text(view.right, depth + 1)];
      case 'percent-format':
        return splitPlaceholders(this.text(view.template, depth + 1), /%(\([A-Za-z_]\w*\))?[-+ #0]*\d*(\.\d+)?[sdifrx]/g, view.values.text);
      case 'wrapper':
        return this.text(view.inner, depth + 1);
      case 'name':
      case 'member': {
        const binding = this.resolver.bindingOf(node);
        const bound = this.resolver.boundExpression(binding);
        // A parameter with no default is only known at run time.
        return bound ? this.text(bound, depth + 1) : [this.dynamic(node)];
      }
      case 'call':
        return this.callText(node, view.callee, view.args.positional, depth);
      default:
        return [this.dynamic(node)];
    }
  }

  private callText(node: SyntaxNode, callee: SyntaxNode, positional: SyntaxNode[], depth: number): PromptPart[] {
    const calleeView = this.resolver.view(callee);
    const name = this.resolver.syntax.calleeName(callee).text;
    const receiver = calleeView.kind === 'member' ? calleeView.object : null;
    const first = positional[0];
    if (receiver && name === 'format') {
      return splitPlaceholders(this.text(receiver, depth + 1), /\{([A-Za-z_]\w*)?[^{}]*\}/g, null);
    }
    if (receiver && STRIP_METHODS.has(name)) return stripParts(this.text(receiver, depth + 1), name);
    if (receiver && name === 'join') return this.joinText(node, receiver, first, depth);
    if (DEDENT_FUNCTIONS.has(name) && first) {
      const parts = dedentParts(this.text(first, depth + 1));
      return name === 'cleandoc' ? stripParts(parts, 'strip') : parts;
    }
    if (FILE_READERS.has(name)) return this.fileText(node, receiver, first) ?? [this.dynamic(node)];
    return [this.dynamic(node)];
  }

  /** `"\n".join([...])` in Python, `[...].join("\n")` in JavaScript. */
  private joinText(node: SyntaxNode, receiver: SyntaxNode, argument: SyntaxNode | undefined, depth: number): PromptPart[] {
    const python = this.resolver.syntax.family === 'python';
    const separatorNode = python ? receiver : argument;
    const listNode = python ? argument : receiver;
    const separator = separatorNode ? this.resolver.stringValue(separatorNode) : null;
    const list = listNode && this.resolver.view(this.resolver.unwrap(listNode));
    if (separator === null || list?.kind !== 'array') return [this.dynamic(node)];
    const parts: PromptPart[] = [];
    list.items.forEach((item, index) => {
      if (index > 0) parts.push(staticPart(separator, rangeOf(separatorNode ?? node)));
      parts.push(...(item.spread ? [this.dynamic(item.value)] : this.text(item.value, depth + 1)));
    });
    return parts;
  }

  /** `open("p.txt").read()`, `Path("p.md").read_text()`, `fs.readFileSync("p.txt", "utf8")`. */
  private fileText(node: SyntaxNode, receiver: SyntaxNode | null, first: SyntaxNode | undefined): PromptPart[] | null {
    if (!this.readPromptFile) return null;
    let pathNode = first;
    if (receiver) {
      const opened = this.resolver.view(receiver);
      if (opened.kind === 'call' && ['open', 'Path'].includes(this.resolver.syntax.calleeName(opened.callee).text)) {
        pathNode = opened.args.positional[0];
      } else if (this.resolver.syntax.family === 'python') {
        return null;
      }
    }
    const filePath = pathNode ? this.resolver.stringValue(pathNode) : null;
    if (!filePath) return null;
    const read = this.readPromptFile(filePath);
    if (read.ok) return [{ kind: 'static', text: read.text, range: rangeOf(node), file: filePath }];
    // The slot stands where the file's text would be, saying why it is not counted.
    return [{ ...this.dynamic(node), reason: `prompt file ${filePath}: ${read.reason}` }];
  }

  private dynamic(node: SyntaxNode, name?: string, range?: SourceRange): DynamicPart {
    const expression = node.text.length > 200 ? `${node.text.slice(0, 200)}…` : node.text;
    return {
      kind: 'dynamic',
      name: name ?? this.slotName(node),
      expression,
      range: range ?? rangeOf(node),
      volatile: VOLATILE.test(node.text),
    };
  }

  /** The name a slot is known by in settings: the variable, attribute or function it comes from. */
  private slotName(node: SyntaxNode): string {
    const view = this.resolver.view(node);
    if (view.kind === 'name') return view.name;
    if (view.kind === 'member') return view.property;
    if (view.kind === 'call') return this.resolver.syntax.calleeName(view.callee).text;
    if (view.kind === 'wrapper') return this.slotName(view.inner);
    return /[A-Za-z_]\w*/.exec(node.text)?.[0] ?? 'value';
  }

  private prompt(argument: string, role: PromptRole, parts: PromptPart[], node: SyntaxNode, cacheBreakpoint: boolean): Prompt {
    return { argument, role, parts, range: rangeOf(node), cacheBreakpoint };
  }
}

/** Whether a part stands for a prompt file, read or refused: it may change on disk without an edit to the code. */
export function isFromPromptFile(part: PromptPart): boolean {
  return part.kind === 'static' ? part.file !== undefined : part.reason !== undefined;
}

function staticPart(text: string, range: SourceRange): StaticPart {
  return { kind: 'static', text, range };
}

function hasCacheKey(object: ObjectView): boolean {
  return CACHE_KEYS.some((key) => object.entries.has(key));
}

/** Turns `{name}` / `%s` placeholders in static text into dynamic slots (for `.format()` and `%`). */
function splitPlaceholders(parts: PromptPart[], pattern: RegExp, expression: string | null): PromptPart[] {
  const result: PromptPart[] = [];
  for (const part of parts) {
    if (part.kind !== 'static') {
      result.push(part);
      continue;
    }
    let cursor = 0;
    for (const match of part.text.matchAll(pattern)) {
      const index = match.index ?? 0;
      if (index > cursor) result.push({ ...part, text: part.text.slice(cursor, index) });
      const name = (match[1] ?? '').replace(/[()]/g, '') || 'value';
      result.push({ kind: 'dynamic', name, expression: expression ?? match[0], range: part.range, volatile: VOLATILE.test(name) });
      cursor = index + match[0].length;
    }
    if (cursor < part.text.length) result.push({ ...part, text: part.text.slice(cursor) });
  }
  return result;
}

function stripParts(parts: PromptPart[], method: string): PromptPart[] {
  const result = parts.map((part) => ({ ...part }));
  const first = result[0];
  const last = result[result.length - 1];
  const stripStart = !['rstrip', 'trimEnd'].includes(method);
  const stripEnd = !['lstrip', 'trimStart'].includes(method);
  if (stripStart && first?.kind === 'static') first.text = first.text.trimStart();
  if (stripEnd && last?.kind === 'static') last.text = last.text.trimEnd();
  return result.filter((part) => part.kind === 'dynamic' || part.text.length > 0);
}

/**
 * Dedents across slots: each slot stands in as one placeholder character while the
 * text is dedented; the static runs between two slots become one part.
 */
function dedentParts(parts: PromptPart[]): PromptPart[] {
  const placeholder = '\u0000';
  const joined = parts.map((part) => (part.kind === 'static' ? part.text.replaceAll(placeholder, '') : placeholder)).join('');
  const pieces = dedent(joined).split(placeholder);
  const result: PromptPart[] = [];
  let pieceIndex = 0;
  let pieceUsed = false;
  for (const part of parts) {
    if (part.kind === 'dynamic') {
      pieceIndex++;
      pieceUsed = false;
      result.push(part);
    } else if (!pieceUsed) {
      pieceUsed = true;
      const text = pieces[pieceIndex] ?? '';
      if (text.length > 0) result.push({ ...part, text });
    }
  }
  return result;
}
