import type { CallEstimate, SlotAssumption, StaticPartTokens } from '../estimate/estimate';
import type { LlmCall } from '../model';
import { markdownCode, markdownText } from './escape';
import { confidenceMark, formatTokens, formatUsd } from './format';

/** The words every surface uses for one call: CLI lines, CodeLens titles, hovers. */

export function tokensSummary(call: LlmCall, { input, output }: CallEstimate): string {
  const assumed = input.assumed > 0 ? ` (${formatTokens(input.assumed)} assumed)` : '';
  const inputText = `${confidenceMark(input.confidence)}${formatTokens(input.total)} in${assumed}`;
  if (call.kind === 'embeddings') return inputText;
  const max = output.max === null ? '' : ` (≤${formatTokens(output.max)})`;
  return `${inputText} + ${formatTokens(output.expected)}${max} out tok`;
}

export function costSummary({ cost }: CallEstimate): string {
  if (cost.perCall === null) return `cost unknown: ${cost.unknownReason ?? 'no price'}`;
  return `${formatUsd(cost.perCall)}/call · ${formatUsd(cost.monthly)}/mo`;
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
  if (cost.perCall === null) {
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

function trafficWords(source: CallEstimate['traffic']['source']): string {
  if (source === 'hint') return 'from the calls-per-day comment';
  if (source === 'setting×loop') return 'callsPerDay × loopMultiplier: the call is in a loop';
  return 'the callsPerDay setting';
}
