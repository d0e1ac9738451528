import { DEFAULT_CONFIG, type PromptmeterConfig } from '../../src/core/config/config';
import { Engine } from '../../src/core/engine/engine';
import { createEstimateContext } from '../../src/core/estimate/cost-model';
import type { EstimateContext } from '../../src/core/estimate/estimate';
import type { FileAnalysis, LlmCall, SourceLanguage } from '../../src/core/model';
import { ranksDirInPackages, wasmLocationInPackages } from './wasm';

let shared: Engine | undefined;
let sharedContext: EstimateContext | undefined;

/** Estimates with the default settings (or the given ones), the bundled prices and the real tokenizer. */
export function testEstimateContext(config?: PromptmeterConfig): EstimateContext {
  if (config) return createEstimateContext({ ranksDir: ranksDirInPackages(), config }).context;
  sharedContext ??= createEstimateContext({ ranksDir: ranksDirInPackages(), config: DEFAULT_CONFIG }).context;
  return sharedContext;
}

export function testEngine(): Engine {
  shared ??= new Engine(wasmLocationInPackages());
  return shared;
}

/** Strips the common indentation of a template literal so snippets can be indented with the test. */
export function code(text: string): string {
  const lines = text.replace(/^\n/, '').split('\n');
  const indents = lines.filter((line) => line.trim()).map((line) => /^ */.exec(line)?.[0].length ?? 0);
  const width = Math.min(...indents);
  return lines.map((line) => line.slice(width)).join('\n');
}

export async function analyzeSnippet(text: string, language: SourceLanguage): Promise<FileAnalysis> {
  const engine = testEngine();
  await engine.prepare(language);
  return engine.analyzeLoaded(code(text), language);
}

/** The fields of a call that detection tests compare. */
export function summarize(call: LlmCall): Record<string, unknown> {
  return {
    line: call.nameRange.start.line + 1,
    provider: call.provider,
    api: call.api,
    kind: call.kind,
    model: call.model,
    maxTokensParam: call.outputLimit?.param ?? null,
    maxTokens: call.outputLimit?.value ?? null,
    openArguments: call.openArguments,
  };
}
