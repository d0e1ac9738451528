/**
 * The engine's data model: what analysis finds in one source file.
 * Positions are 0-based lines and UTF-16 columns (the editor's convention);
 * the CLI converts to 1-based on output.
 */

export type SourceLanguage = 'python' | 'typescript' | 'tsx' | 'javascript';

export interface Position {
  line: number;
  column: number;
}

export interface SourceRange {
  start: Position;
  end: Position;
  /** UTF-16 offsets into the file's text. */
  startOffset: number;
  endOffset: number;
}

export type CallKind = 'generate' | 'count' | 'constructor' | 'embeddings';

export type ProviderId =
  | 'openai'
  | 'azure-openai'
  | 'anthropic'
  | 'google'
  | 'litellm'
  | 'vercel-ai'
  | 'bedrock'
  | 'langchain'
  | 'mistral'
  | 'cohere'
  | 'groq'
  | 'ollama';

/** A run of prompt text known at analysis time. */
export interface StaticPart {
  kind: 'static';
  text: string;
  /** Where the text is written; for a constant, its definition. */
  range: SourceRange;
  /** Set when the text was read from a prompt file rather than the source. */
  file?: string;
}

/** A value only known at run time: an interpolation, a variable, a spread. */
export interface DynamicPart {
  kind: 'dynamic';
  /** Short name used for slot-size settings: the variable or attribute name. */
  name: string;
  /** The expression as written. */
  expression: string;
  range: SourceRange;
  /** Values that change on every call (timestamps, uuids) rather than per user or document. */
  volatile: boolean;
  /**
   * Why text that looks static is not known: a prompt file that was refused or could not be read
   * (`prompt file ../secrets.txt: outside the workspace, not read`). Shown wherever the slot is.
   */
  reason?: string;
}

export type PromptPart = StaticPart | DynamicPart;

export type PromptRole = 'system' | 'developer' | 'user' | 'assistant' | 'tool' | 'unknown';

export interface Prompt {
  /** The argument the prompt came from, as written (`system`, `messages`, `config.system_instruction`). */
  argument: string;
  role: PromptRole;
  parts: PromptPart[];
  range: SourceRange;
  /** A `cache_control` (or equivalent) breakpoint is set on this block. */
  cacheBreakpoint: boolean;
}

export interface OutputLimit {
  /** The parameter as written, dotted for nested options (`inferenceConfig.maxTokens`). */
  param: string;
  /** The value when it is known at analysis time. */
  value: number | null;
  range: SourceRange;
}

export interface LoopContext {
  kind: 'for' | 'while' | 'comprehension' | 'iteration-callback';
  range: SourceRange;
}

/**
 * Where a new argument goes: into the keyword arguments (Python) or the options
 * object literal (JavaScript), keeping the list's layout.
 */
export interface InsertionPoint {
  style: 'keyword' | 'property';
  /** The list is empty: insert right after this offset (the `(` or `{`). */
  emptyAfter: number | null;
  /** End of the last argument or property. */
  lastEnd: number;
  /** Offset just after a trailing comma, if the list has one. */
  trailingCommaEnd: number | null;
  /** The last argument sits on a line of its own: new arguments get their own line with this indent. */
  multilineIndent: string | null;
  /** End of the last argument's line when a comment follows it there (a new line goes after the comment). */
  commentLineEnd: number | null;
}

export interface LlmCall {
  provider: ProviderId;
  api: string;
  kind: CallKind;
  /** The whole call expression. */
  range: SourceRange;
  /** The callee's final name (`create` in `client.chat.completions.create`). */
  nameRange: SourceRange;
  /** The argument list. */
  argumentsRange: SourceRange;
  /** Where a fix adds a parameter; null when the options are not a literal we can edit. */
  insertion: InsertionPoint | null;
  /** Keyword arguments (Python) or option keys (JavaScript) the call passes. */
  argumentNames: string[];
  model: string | null;
  modelRange: SourceRange | null;
  outputLimit: OutputLimit | null;
  /** The names a fix may add, in the provider's preferred order. */
  outputLimitParams: readonly string[];
  /** `**kwargs` or a spread could carry arguments we cannot see. */
  openArguments: boolean;
  prompts: Prompt[];
  tools: SourceRange | null;
  stream: boolean;
  /** A base URL given to the client (OpenAI-compatible hosts). */
  baseUrl: string | null;
  loop: LoopContext | null;
  /** From a `promptmeter: calls-per-day=N` hint comment. */
  callsPerDay: number | null;
}

export interface Suppression {
  /** Rule ids; empty means every rule. */
  rules: string[];
  /** 0-based line the suppression covers; -1 for the whole file. */
  line: number;
}

export interface SyntaxProblem {
  message: string;
  range: SourceRange;
}

export interface FileAnalysis {
  language: SourceLanguage;
  calls: LlmCall[];
  suppressions: Suppression[];
  syntaxErrors: SyntaxProblem[];
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A replacement of the text between two offsets of the original file. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  /** Says what the fix does, e.g. "Add max_tokens=1024". */
  title: string;
  edits: TextEdit[];
  /**
   * Safe fixes keep the code's intent and are applied by `scan --fix`; unsafe ones
   * (another model name, say) are only offered, for a person to choose.
   */
  safe: boolean;
}

/** A place elsewhere in the file that explains a finding (the slot that breaks caching). */
export interface RelatedLocation {
  message: string;
  range: SourceRange;
}

/**
 * What acting on a finding saves, in USD, at the call's traffic. An upper bound:
 * savings of several findings on one call overlap.
 */
export interface Saving {
  perCall: number;
  monthly: number;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: SourceRange;
  fix?: Fix;
  related?: RelatedLocation[];
  /** Set by rules whose message names a saving; risks (a missing limit) have none. */
  saving?: Saving;
}
