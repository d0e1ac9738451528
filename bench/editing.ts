import { evaluate } from '../src/core/engine/evaluate';
import type { Engine } from '../src/core/engine/engine';
import type { EstimateContext } from '../src/core/estimate/estimate';
import type { TokenCounter } from '../src/core/tokens';
import { median, percentile } from './stats';

/**
 * The keystroke path: a 2,000-line file with 400 calls, analysed and estimated,
 * then one line edited and everything recomputed. Token counts of unchanged
 * prompts come from the cache, so only the edited prompt is tokenized again.
 */
export function editingFile(callCount = 400): string {
  const lines = ['from openai import OpenAI', 'client = OpenAI()', ''];
  for (let i = 0; i < callCount; i++) {
    lines.push(
      `PROMPT_${i} = "You are assistant number ${i}. Answer questions about topic ${i} in two sentences, citing the handbook section."`,
      `def ask_${i}(question):`,
      `    return client.chat.completions.create(model="gpt-4o", max_tokens=${100 + i}, messages=[`,
      `        {"role": "system", "content": PROMPT_${i}}, {"role": "user", "content": f"Q: {question}"}])`,
      '',
    );
  }
  return lines.join('\n');
}



export function benchEditing(engine: Engine, context: EstimateContext & { tokens: TokenCounter }, edits = 30): object {
  const original = editingFile();
  const first = performance.now();
  const initial = evaluate(engine.analyzeKept('bench.py', original, 'python'), original, context);
  const coldMs = performance.now() - first;
  const times: number[] = [];
  const before = context.tokens.stats();
  for (let i = 0; i < edits; i++) {
    // One keystroke inside one prompt constant.
    const edited = original.replace(`assistant number ${i}.`, `assistant number ${i}!`);
    const started = performance.now();
    evaluate(engine.analyzeKept('bench.py', edited, 'python'), edited, context);
    times.push(performance.now() - started);
  }
  const after = context.tokens.stats();
  return {
    lines: original.split('\n').length,
    calls: initial.analysis.calls.length,
    coldMs: Math.round(coldMs),
    afterOneLineEditMs: { median: +median(times).toFixed(1), p95: +percentile(times, 0.95).toFixed(1) },
    tokenizerCallsPerEdit: {
      cacheMisses: (after.misses - before.misses) / edits,
      cacheHits: (after.hits - before.hits) / edits,
    },
    note: 'incremental re-parse from the kept tree, as in the editor; analysis and estimates on the whole file',
  };
}
