import type { CallEstimate, SlotAssumption, StaticPartTokens } from '../estimate/estimate';
import type { CostRange } from '../estimate/model-range';
import type { LlmCall } from '../model';
import { markdownCode, markdownText } from './escape';
import { confidenceMark, formatTokens, formatUsd, usdRange } from './format';

/** The words every surface uses for one call: CLI lines, CodeLens titles, hovers. */

export function tokensSummary(call: LlmCall, { input, output }: CallEstimate): string {
  const assumed = input.assumed > 0 ? ` (${formatTokens(input.assumed)} assumed)` : '';
  const inputText = `${confidenceMark(input.confidence)}${formatTokens(input.total)} in${assumed}`;
  if (call.kind === 'embeddings') return inputText;
  const max = output.max === null ? '' : ` (≤${formatTokens(output.max)})`;
  return `${inputText} + ${formatTokens(output.expected)}${max} out tok`;
}

export function costSummary({ cost }: CallEstimate): string {
  if (cost.localServer) return '$0 API cost (local server)';
  if (cost.perCall === null && cost.range) return `${usdRange(cost.range.low, cost.range.high)}/call · ${usdRange(cost.range.monthlyLow, cost.range.monthlyHigh)}/mo (${rangeBasis(cost.range)})`;
  if (cost.perCall === null) return `cost unknown: ${cost.unknownReason ?? 'no price'}`;
  return `${formatUsd(cost.perCall)}/call · ${formatUsd(cost.monthly)}/mo`;
}

/** What a range spans: `model not resolved: gpt-4o-mini … gpt-4o`. */
export function rangeBasis(range: CostRange): string {
  const first = range.models[0] ?? '';
  const last = range.models[range.models.length - 1] ?? '';
  if (range.basis === 'default-model') return `model not resolved: priced as ${first}, the defaultModel setting`;
  const span = range.models.length === 1 ? first : `${first} … ${last}`;
  if (range.basis === 'named-models') return `model not resolved: ${span}`;
  return `model not resolved: ${range.models.length} current ${listWords(range.providers)} models, ${span}`;
}

/** `gpt-4o · ≈1,240 in + 512 (≤1,024) out tok · $0.0133/call · $399/mo` */
export function callHeadline(call: LlmCall, estimate: CallEstimate): string {
  const model = call.model ?? 'model unknown';
  if (call.kind === 'count') return `${model} · token count (free)`;
  return `${model} · ${tokensSummary(call, estimate)} · ${costSummary(estimate)}`;
}

const CONFIDENCE_WORDS = {
  exact: "exact (the model's own tokenizer)",
  calibrated: 'calibrated estimate',
  heuristic: 'rough estimate',
} as const;

/** The breakdown a hover shows, as Markdown; every text from the user's code is escaped here. */
export function breakdownMarkdown(call: LlmCall, estimate: CallEstimate): string {
  const { input, output, cost, traffic, price } = estimate;
  const lines = [`**${markdownText(call.provider)} ${markdownCode(call.api)}** · ${call.model ? markdownCode(call.model) : 'model unknown'}`, ''];
  lines.push(`| | tokens |`, `| --- | ---: |`);
  lines.push(`| static prompt text | ${confidenceMark(input.confidence)}${formatTokens(input.static)} |`);
  for (const slot of input.dynamicSlots) lines.push(`| ${markdownCode(slot.name, { tableCell: true })} (${slotWords(slot)}) | ${formatTokens(slot.tokens)} |`);
  if (input.overhead > 0) lines.push(`| chat formatting overhead | ${formatTokens(input.overhead)} |`);
  lines.push(`| **input** | **${confidenceMark(input.confidence)}${formatTokens(input.total)}** |`);
  lines.push(`| output expected | ${formatTokens(output.expected)} |`);
  const maxLabel = output.maxSource === 'limit' ? 'output limit' : output.maxSource === 'model-maximum' ? "model's maximum (no limit set)" : 'unknown';
  lines.push(`| output worst case (${maxLabel}) | ${output.max === null ? 'unknown' : formatTokens(output.max)} |`);
  lines.push('', `Token counts: ${CONFIDENCE_WORDS[input.confidence]}, ${markdownText(input.tokenizer)}.`, '');
  if (price?.found) {
    const p = price.price;
    const cached = p.cachedInputPerMTok !== undefined ? ` · cached input ${formatUsd(p.cachedInputPerMTok)}` : '';
    const batch = p.batchInputPerMTok !== undefined ? ` · batch ${formatUsd(p.batchInputPerMTok)} / ${formatUsd(p.batchOutputPerMTok ?? null)}` : '';
    lines.push(`Price per 1M tokens (${markdownCode(p.id)}): input ${formatUsd(p.inputPerMTok)} · output ${formatUsd(p.outputPerMTok)}${cached}${batch}`);
  }
  if (cost.localServer) {
    lines.push(`Cost: $0 API cost: the call goes to a server on this machine or network (${markdownText(call.baseUrl ?? call.provider)}), which has no price per token.`);
  } else if (cost.perCall === null && cost.range) {
    lines.push(
      `Cost: **${usdRange(cost.range.low, cost.range.high)}/call** · **${usdRange(cost.range.monthlyLow, cost.range.monthlyHigh)}/month** at ${formatTokens(traffic.callsPerDay)} calls/day (${trafficWords(traffic.source)}).`,
      '',
      `The model is not known from the code: ${markdownText(rangeBasis(cost.range).replace(/^model not resolved: /, 'the range spans '))}${cost.range.models.length > 2 ? ` (${modelList(cost.range.models)})` : ''}. Set \`promptmeter.defaultModel\` to price it as one model.`,
    );
  } else if (cost.perCall === null) {
    lines.push(`Cost: unknown, ${markdownText(cost.unknownReason ?? 'no price')}.`);
  } else {
    lines.push(
      `Cost: **${formatUsd(cost.perCall)}/call** expected, ${formatUsd(cost.perCallMax)} worst case · **${formatUsd(cost.monthly)}/month** at ${formatTokens(traffic.callsPerDay)} calls/day (${trafficWords(traffic.source)})`,
    );
    const options = [
      cost.cached !== null ? `with the ${formatTokens(estimate.cacheablePrefixTokens)}-token prefix cached ${formatUsd(cost.cached)}/call (first call ${formatUsd(cost.cacheWrite)})` : null,
      cost.batch !== null ? `through the Batch API ${formatUsd(cost.batch)}/call` : null,
    ].filter((option): option is string => option !== null);
    if (options.length > 0) lines.push('', `Could be: ${options.join('; ')}.`);
  }
  lines.push('', `Prices as of ${markdownText(cost.pricingAsOf)}.`);
  return lines.join('\n');
}

/** The hover on a run of prompt text: its tokens, and the call that sends it. */
export function promptPartMarkdown(call: LlmCall, estimate: CallEstimate, part: StaticPartTokens): string {
  const { input } = estimate;
  return [
    `**${confidenceMark(input.confidence)}${formatTokens(part.tokens)} tokens** of prompt text (${markdownText(input.tokenizer)})`,
    '',
    `Sent by ${markdownCode(call.api)} on line ${call.nameRange.start.line + 1} (${markdownText(call.model ?? 'model unknown')}), with ${formatTokens(input.total)} input tokens in all.`,
  ].join('\n');
}

/** `assumed, default size; prompt file ../x.txt: outside the workspace, not read` */
function slotWords(slot: SlotAssumption): string {
  const size = `assumed, ${slot.source === 'setting' ? 'from settings' : 'default size'}`;
  return slot.reason === undefined ? size : `${size}; ${markdownText(slot.reason)}`;
}

/** `openai`, `openai and google`, `openai, anthropic and google`. */
function listWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** At most eight, in code spans, cheapest first. */
function modelList(models: readonly string[]): string {
  const shown = models.slice(0, 8).map((model) => markdownCode(model));
  return models.length > shown.length ? `${shown.join(', ')}, … ${models.length - shown.length} more` : shown.join(', ');
}

function trafficWords(source: CallEstimate['traffic']['source']): string {
  if (source === 'hint') return 'from the calls-per-day comment';
  if (source === 'setting×loop') return 'callsPerDay × loopMultiplier: the call is in a loop';
  return 'the callsPerDay setting';
}
