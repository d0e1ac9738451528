import { perMonth, type CallEstimate } from '../estimate/estimate';
import type { LlmCall, LoopContext, Saving } from '../model';
import { formatUsd } from '../report/format';
import type { Rule } from './rule';


/** Loop variables and bounds that count attempts or conversation turns, not data items. */
const SEQUENTIAL_LOOP_WORDS = new Set(['attempt', 'attempts', 'retry', 'retries', 'tries', 'turn', 'turns', 'round', 'rounds']);
/** A loop that can stop early keeps the first good answer: a retry, fallback or search, sequential by design. */
const EARLY_EXIT = /\b(?:break|return)\b/;

export const llmCallInLoop: Rule = {
  meta: {
    id: 'llm-call-in-loop',
    summary: 'Generation call made once per item of a loop: a candidate for the Batch API',
    defaultSeverity: 'info',
    fixable: false,
    docs: {
      whatItDoes: [
        'Flags a generation call inside a `for` loop, a comprehension or an iteration callback (`items.map(async (item) => …)`), which runs it once per item. Where the model has Batch API prices, the message gives the saving per call and per month; where it has none, it suggests deduplicating inputs, caching the shared prompt prefix and bounding concurrency.',
        'Not reported, because there is nothing to batch: `while` and `do … while` loops (agent loops such as `while not done:`, read-eval chat loops, polling and retries wait on each reply); `for` loops over attempts, retries, turns or rounds (`for attempt in range(3):`); loops that `break` or `return`, which keep the first good answer; streaming calls, which feed someone watching. A `while queue:` loop draining work items is missed on purpose. A loop whose results someone is waiting for (a request handler translating into three languages) cannot use a 24-hour batch: silence it there with a suppression comment.',
      ].join('\n\n'),
      whyItCostsMoney:
        'A loop over documents, rows or tickets multiplies the per-call price by the size of the data, and usually nobody waits for the answers. OpenAI, Anthropic and Google run the same requests through their Batch APIs at half price, with results within 24 hours. Traffic for a call in a loop is `callsPerDay × loopMultiplier` unless a `calls-per-day` hint says otherwise.',
      example:
        'for ticket in tickets:\n    summary = client.chat.completions.create(\n        model="gpt-4o",\n        messages=[{"role": "user", "content": f"Summarize: {ticket.body}"}],\n        max_tokens=200,\n    )',
      useInstead:
        'requests = [\n    {"custom_id": ticket.id, "method": "POST", "url": "/v1/chat/completions",\n     "body": {"model": "gpt-4o", "max_tokens": 200,\n              "messages": [{"role": "user", "content": f"Summarize: {ticket.body}"}]}}\n    for ticket in tickets\n]\n# write them to a JSONL file, upload it, then:\nclient.batches.create(input_file_id=file.id, endpoint="/v1/chat/completions", completion_window="24h")',
      references: [
        'OpenAI Batch API: 50% off, results within 24 hours',
        'Anthropic Message Batches API: 50% off',
        'Google Gemini Batch Mode: about half the price',
      ],
    },
  },
  check({ analysis, estimates, text }) {
    return analysis.calls.flatMap((call, index) => {
      const estimate = estimates[index];
      if (call.kind !== 'generate' || call.stream || !call.loop || !estimate || !iteratesOverData(call.loop, text)) return [];
      const advice = batchAdvice(call, estimate) ?? noBatchAdvice(call, estimate);
      if (!advice) return [];
      return [{ ...advice, range: call.nameRange, call, related: [{ message: 'The loop', range: call.loop.range }] }];
    });
  },
};

/** Comprehensions and callbacks map over data; a `for` loop does unless it counts attempts or stops early. */
function iteratesOverData(loop: LoopContext, text: string): boolean {
  if (loop.kind === 'while') return false;
  if (loop.kind !== 'for') return true;
  const source = text.slice(loop.range.startOffset, loop.range.endOffset);
  const headerEnd = source.indexOf('\n');
  const header = headerEnd < 0 ? source : source.slice(0, headerEnd);
  const body = headerEnd < 0 ? '' : source.slice(headerEnd);
  return !identifierWords(header).some((word) => SEQUENTIAL_LOOP_WORDS.has(word)) && !EARLY_EXIT.test(body);
}

/** `maxRetries`, `max_retries` → `max`, `retries`. */
function identifierWords(source: string): string[] {
  return source
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/);
}

function batchAdvice(call: LlmCall, estimate: CallEstimate): { message: string; saving: Saving } | null {
  const { perCall, batch } = estimate.cost;
  if (perCall === null || batch === null || perCall <= batch) return null;
  const saving = perCall - batch;
  const monthly = perMonth(saving, estimate.traffic);
  return {
    message: `${call.model} is called once per loop item (${traffic(estimate)}): the Batch API would save ${formatUsd(saving)}/call, ${formatUsd(monthly)}/mo, with results within 24 h.`,
    saving: { perCall: saving, monthly },
  };
}

/** Advice without a number: there is no batch price to compare with. */
function noBatchAdvice(call: LlmCall, estimate: CallEstimate): { message: string } | null {
  const { monthly } = estimate.cost;
  if (monthly === null) return null;
  return {
    message: `${call.model} is called once per loop item (${traffic(estimate)}, ${formatUsd(monthly)}/mo) and has no Batch API price: skip repeated inputs, cache the shared prompt prefix and cap concurrency.`,
  };
}

function traffic(estimate: CallEstimate): string {
  const { callsPerDay, source } = estimate.traffic;
  return `${callsPerDay.toLocaleString('en-US')} calls/day${source === 'setting×loop' ? ' assumed' : ''}`;
}
