import { DocumentEvaluator } from '../src/core/engine/document-evaluator';
import type { Engine } from '../src/core/engine/engine';
import type { EstimateContext } from '../src/core/estimate/estimate';
import type { TokenCounter } from '../src/core/tokens';
import { median, percentile } from './stats';

/**
 * The keystroke path: a 2,000-line file with 400 calls, analysed and estimated,
 * then edited one keystroke at a time and everything recomputed, as in the editor.
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

/**
 * Successive texts, each one keystroke after the one before: a character typed
 * into a prompt, or a digit typed into (or deleted from) a `max_tokens` value, in
 * calls spread over the file.
 */
export function typingSession(original: string, keystrokes: number): string[] {
  const texts: string[] = [];
  let text = original;
  for (let i = 0; i < keystrokes; i++) {
    const call = (i * 37) % 400;
    const limit = `max_tokens=${100 + call}`;
    if (i % 2 === 0) text = text.replace(new RegExp(`assistant number ${call}(?!\\d)`), `$&!`);
    else text = text.includes(`${limit}0,`) ? text.replace(`${limit}0,`, `${limit},`) : text.replace(`${limit},`, `${limit}0,`);
    texts.push(text);
  }
  return texts;
}

/** A keystroke that changes code rather than a literal: a parameter renamed, one character at a time. */
export function structuralEdit(original: string, call: number): string {
  return original.replace(`def ask_${call}(question):`, `def ask_${call}(questio):`);
}

export function benchEditing(engine: Engine, context: EstimateContext & { tokens: TokenCounter }, keystrokes = 60): object {
  const documents = new DocumentEvaluator(engine);
  const original = editingFile();
  const first = performance.now();
  const initial = documents.evaluate('bench.py', original, 'python', context);
  const coldMs = performance.now() - first;
  const before = context.tokens.stats();
  const typing = typingSession(original, keystrokes).map((text) => {
    const started = performance.now();
    documents.evaluate('bench.py', text, 'python', context);
    return performance.now() - started;
  });
  const after = context.tokens.stats();
  const structural: number[] = [];
  for (let i = 0; i < 10; i++) {
    documents.evaluate('bench.py', original, 'python', context);
    const text = structuralEdit(original, i * 40);
    const started = performance.now();
    documents.evaluate('bench.py', text, 'python', context);
    structural.push(performance.now() - started);
  }
  const transfer = timedClone(documents.evaluate('bench.py', original, 'python', context));
  documents.forget('bench.py');
  return {
    lines: original.split('\n').length,
    calls: initial.evaluation.analysis.calls.length,
    coldMs: Math.round(coldMs),
    keystrokeInLiteralMs: { median: +median(typing).toFixed(1), p95: +percentile(typing, 0.95).toFixed(1), max: +Math.max(...typing).toFixed(1) },
    keystrokeInCodeMs: { median: +median(structural).toFixed(1), p95: +percentile(structural, 0.95).toFixed(1) },
    resultCloneMs: transfer,
    tokenizerCallsPerKeystroke: {
      cacheMisses: (after.misses - before.misses) / keystrokes,
      cacheHits: (after.hits - before.hits) / keystrokes,
    },
    note: 'incremental re-parse from the kept tree, as in the editor; after a keystroke inside a string or number only the calls that read it are analysed again',
  };
}

/** Copying the result between threads, as the worker's message does: a stretch on the receiving thread too. */
function timedClone(value: unknown): number {
  const times: number[] = [];
  for (let i = 0; i < 10; i++) {
    const started = performance.now();
    structuredClone(value);
    times.push(performance.now() - started);
  }
  return +median(times).toFixed(1);
}
