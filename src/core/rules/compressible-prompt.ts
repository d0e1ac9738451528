import { compressParts, FILLER_PHRASES, pretokenCount, type CompressionStep } from '../compress';
import { perMonth, type CallEstimate } from '../estimate/estimate';
import { compressionEdits } from '../fix/compress-prompt';
import type { Fix, LlmCall, Prompt, PromptPart, Saving, SourceLanguage, StaticPart } from '../model';
import { formatTokens, formatUsd } from '../report/format';
import type { Rule, RuleContext, RuleReport } from './rule';

/** Smallest share of a prompt's static tokens compression must remove: below it, editing the prompt is not worth a review. */
const MIN_SAVED_SHARE = 0.15;
/** Smallest number of tokens saved per call: below it, even a frontier model saves well under $0.001 a call. */
const MIN_SAVED_TOKENS = 50;

const PER_MILLION = 1_000_000;

const STEP_NAMES: Record<CompressionStep['kind'], string> = {
  whitespace: 'whitespace',
  filler: 'filler phrases',
  duplicate: 'repeated sentences',
  'list-format': 'list spacing',
  example: 'examples',
};

export const compressiblePrompt: Rule = {
  meta: {
    id: 'compressible-prompt',
    summary: 'Static prompt text that compresses by a good share without losing instructions',
    defaultSeverity: 'info',
    fixable: true,
    docs: {
      whatItDoes: [
        `Flags a prompt whose static text loses at least ${MIN_SAVED_SHARE * 100}% of its tokens, and at least ${MIN_SAVED_TOKENS} tokens, to deterministic compression: runs of spaces, shared indentation, trailing whitespace and extra blank lines; filler phrases; sentences repeated word for word (ignoring case and punctuation, four words or more); blank lines between list items.`,
        `Filler phrases are removed at the start of a sentence only, and never inside double quotes: ${FILLER_PHRASES.map((phrase) => phrase.documentation).join('; ')}. Words that carry meaning (not, never, always, only) are never removed, and "Feel free to" stays because it grants a choice.`,
        'Fenced code blocks, JSON and XML structure and inline `code` are never changed; examples are kept. Savings are the share of tokens removed (counted as the pieces a tokenizer splits text into) times the prompt\'s static tokens, priced at the model\'s input price.',
      ].join('\n\n'),
      whyItCostsMoney:
        'Every token of a system prompt is paid on every call. Indentation from a triple-quoted string, "Please make sure to" and an instruction pasted twice add nothing the model needs, and at thousands of calls a day a few hundred tokens are a line item. A shorter prompt is also read from the cache more cheaply and leaves more room in the context window.',
      example:
        'SYSTEM = """\n    You are a support agent for ACME.\n\n\n    Please answer in a friendly tone.\n    It is important that you never share internal notes.\n    Please answer in a friendly tone.\n"""\nclient.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": SYSTEM}, *history], max_tokens=500)',
      useInstead:
        'SYSTEM = """You are a support agent for ACME.\n\nAnswer in a friendly tone.\nNever share internal notes."""\nclient.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": SYSTEM}, *history], max_tokens=500)',
      fixSafety:
        'The fix rewrites the string literal that holds the prompt (a constant\'s definition when the prompt is a constant), keeping its quotes and escaping the new text for them; a triple-quoted string or template literal keeps real newlines. It changes the wording the model reads, so it is offered for review and never applied by `scan --fix`. No fix when the text comes from several pieces that did not all compress cleanly, from an f-string or template with slots in the changed piece, from a file, or from a literal whose source spells the text differently from its value (escapes such as `\\x41`, line continuations, a multi-line `dedent`), because the new text could not be written back exactly.',
      references: [
        'OpenAI: prompt caching and pricing are per input token',
        'Anthropic: prompt engineering overview ("be clear and direct")',
      ],
    },
  },
  check(context) {
    return context.analysis.calls.flatMap((call, index) => {
      const estimate = context.estimates[index];
      if (call.kind !== 'generate' || !estimate || estimate.input.static === 0) return [];
      const callUnits = sum(call.prompts.map((prompt) => staticUnits(prompt.parts)));
      if (callUnits === 0) return [];
      return call.prompts.flatMap((prompt) => reportFor(prompt, call, estimate, callUnits, context));
    });
  },
};

function reportFor(prompt: Prompt, call: LlmCall, estimate: CallEstimate, callUnits: number, context: RuleContext): RuleReport[] {
  const before = staticUnits(prompt.parts);
  const { parts, steps } = compressParts(prompt.parts);
  const removedUnits = before - staticUnits(parts);
  if (before === 0 || removedUnits / before < MIN_SAVED_SHARE) return [];
  // The estimate counts the call's static tokens exactly; each prompt gets its share by size.
  const savedTokens = Math.round((estimate.input.static * removedUnits) / callUnits);
  if (savedTokens < MIN_SAVED_TOKENS) return [];
  const percent = Math.round((removedUnits / before) * 100);
  const kinds = [...new Set(steps.map((step) => STEP_NAMES[step.kind]))].join(', ');
  const definition = firstStaticOutside(prompt);
  const saving = savingOf(savedTokens, estimate);
  const savingText = saving ? `${formatUsd(saving.perCall)}/call, ${formatUsd(saving.monthly)}/mo` : 'price unknown';
  return [
    {
      message: `${roleLabel(prompt)} compresses by ${percent}% (${kinds}): ≈${formatTokens(savedTokens)} fewer tokens, ${savingText}.`,
      range: prompt.range,
      call,
      saving,
      fix: compressionFix(prompt.parts, parts, savedTokens, context.text, context.analysis.language),
      related: definition ? [{ message: 'Prompt text defined here', range: definition.range }] : undefined,
    },
  ];
}

/** The input price of the tokens saved; undefined when the model's price is unknown. */
function savingOf(tokens: number, estimate: CallEstimate): Saving | undefined {
  const price = estimate.price?.found ? estimate.price.price : null;
  if (!price) return undefined;
  const perCall = (tokens * price.inputPerMTok) / PER_MILLION;
  return { perCall, monthly: perMonth(perCall, estimate.traffic) };
}

function compressionFix(original: PromptPart[], compressed: PromptPart[], savedTokens: number, text: string, language: SourceLanguage): Fix | undefined {
  const edits = compressionEdits(original, compressed, text, language);
  if (!edits || edits.length === 0) return undefined;
  return { title: `Compress the prompt (≈${formatTokens(savedTokens)} fewer tokens)`, edits, safe: false };
}

/** The first static part written outside the prompt expression (a constant), to point at its definition. */
function firstStaticOutside(prompt: Prompt): StaticPart | undefined {
  return prompt.parts.find(
    (part): part is StaticPart =>
      part.kind === 'static' && !part.file && (part.range.startOffset < prompt.range.startOffset || part.range.endOffset > prompt.range.endOffset),
  );
}

function staticUnits(parts: readonly PromptPart[]): number {
  return sum(parts.map((part) => (part.kind === 'static' ? pretokenCount(part.text) : 0)));
}

function roleLabel(prompt: Prompt): string {
  return prompt.role === 'unknown' ? 'Prompt' : `${prompt.role.charAt(0).toUpperCase()}${prompt.role.slice(1)} prompt`;
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
