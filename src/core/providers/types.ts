import type { CallKind, PromptRole, ProviderId } from '../model';

/**
 * Where an argument is found: a keyword (Python) or a key of the options object
 * (JavaScript), dotted for nested options (`config.max_output_tokens`), or `$N`
 * for the N-th positional argument.
 */
export type ArgPath = string;

export interface PromptArgument {
  path: ArgPath;
  role: PromptRole;
}

/** One API entry point: a method of a client, a module function, or a constructor. */
export interface ApiSpec {
  /** Reported name, e.g. `chat.completions.create`. */
  api: string;
  kind: CallKind;
  /** Overrides the client type's provider (LangChain wrappers report `langchain`). */
  provider?: ProviderId;
  /** Candidates for the model, first found wins. */
  model?: ArgPath[];
  /** Output-limit candidates in the provider's preferred order; the first is what a fix adds. */
  outputLimit?: ArgPath[];
  prompts?: PromptArgument[];
  tools?: ArgPath[];
  /** The `stream` flag, when the API takes one. */
  stream?: ArgPath;
  /** The API streams by itself (`messages.stream`, `streamText`). */
  streams?: boolean;
  /** The call returns a client of this type (factories such as `getGenerativeModel`, `chats.create`). */
  returns?: string;
  /** With `returns`: only when an argument has this literal value. */
  when?: ConstructionCondition;
  /** A client created by the call is itself reported (LangChain chat models). */
  reportConstruction?: boolean;
}

export interface ClientType {
  id: string;
  provider: ProviderId;
  /** Method chains after the client object, e.g. `chat.completions.create`. */
  methods: Record<string, ApiSpec>;
  /**
   * How arguments given when the client was made feed the calls made through it
   * (the legacy Gemini `GenerativeModel('gemini-pro', generation_config=…)`).
   */
  inherits?: Pick<ApiSpec, 'model' | 'outputLimit' | 'prompts' | 'tools'>;
  /** The base-URL argument of OpenAI-compatible clients. */
  baseUrl?: ArgPath[];
}

/** Only construct a client when an argument has this literal value (`boto3.client("bedrock-runtime")`). */
export interface ConstructionCondition {
  path: ArgPath[];
  equals: string[];
}

export interface ClientConstructor {
  type: string;
  when?: ConstructionCondition;
  /** Reported as a call of kind `constructor` (LangChain chat models). */
  report?: ApiSpec;
}

/**
 * Everything known about the SDKs of one language family. Symbols are keyed by
 * where they are imported from: dotted paths in Python (`openai.OpenAI`), and
 * `module#export` in JavaScript (`openai#default`, `ai#generateText`).
 */
export interface LanguageCatalog {
  constructors: Record<string, ClientConstructor>;
  /** Module-level functions, and JavaScript classes used with `new` as a request (`ConverseCommand`). */
  functions: Record<string, ApiSpec & { provider: ProviderId }>;
  /** Modules usable as a client directly (`openai.chat.completions.create` in Python). */
  moduleClients: Record<string, string>;
  clientTypes: Record<string, ClientType>;
}
