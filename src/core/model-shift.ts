import type { CallEstimate } from './estimate/estimate';
import type { Finding, InsertionPoint, LlmCall, Prompt, SourceRange } from './model';
import { shiftOffset, shiftPoint, type EditShift } from './parse/incremental';

/**
 * Results that an edit elsewhere in the file did not change, moved to where the
 * edit put them. Only used for edits within one line, so lines never change.
 * What lies before the edit is returned as it is: most of a file does not move.
 */
export function shiftRange(range: SourceRange, shift: EditShift): SourceRange {
  if (range.endOffset < shift.oldEnd) return range;
  return {
    start: shiftPoint(range.start, shift),
    end: shiftPoint(range.end, shift),
    startOffset: shiftOffset(range.startOffset, shift),
    endOffset: shiftOffset(range.endOffset, shift),
  };
}

function shiftNullable(offset: number | null, shift: EditShift): number | null {
  return offset === null ? null : shiftOffset(offset, shift);
}

function shiftInsertion(insertion: InsertionPoint, shift: EditShift): InsertionPoint {
  return {
    ...insertion,
    emptyAfter: shiftNullable(insertion.emptyAfter, shift),
    lastEnd: shiftOffset(insertion.lastEnd, shift),
    trailingCommaEnd: shiftNullable(insertion.trailingCommaEnd, shift),
    commentLineEnd: shiftNullable(insertion.commentLineEnd, shift),
  };
}

function shiftPrompt(prompt: Prompt, shift: EditShift): Prompt {
  if (prompt.range.endOffset < shift.oldEnd && prompt.parts.every((part) => part.range.endOffset < shift.oldEnd)) return prompt;
  return {
    ...prompt,
    range: shiftRange(prompt.range, shift),
    parts: prompt.parts.map((part) => ({ ...part, range: shiftRange(part.range, shift) })),
  };
}

export function shiftCall(call: LlmCall, shift: EditShift): LlmCall {
  if (lastOffset(call) < shift.oldEnd) return call;
  return {
    ...call,
    range: shiftRange(call.range, shift),
    nameRange: shiftRange(call.nameRange, shift),
    argumentsRange: shiftRange(call.argumentsRange, shift),
    insertion: call.insertion && shiftInsertion(call.insertion, shift),
    modelRange: call.modelRange && shiftRange(call.modelRange, shift),
    outputLimit: call.outputLimit && { ...call.outputLimit, range: shiftRange(call.outputLimit.range, shift) },
    prompts: call.prompts.map((prompt) => shiftPrompt(prompt, shift)),
    tools: call.tools && shiftRange(call.tools, shift),
    loop: call.loop && { ...call.loop, range: shiftRange(call.loop.range, shift) },
  };
}

/** The furthest offset any of the call's results points at (prompts may be defined after the call). */
function lastOffset(call: LlmCall): number {
  let last = Math.max(call.range.endOffset, call.nameRange.endOffset, call.argumentsRange.endOffset);
  last = Math.max(last, call.modelRange?.endOffset ?? 0, call.outputLimit?.range.endOffset ?? 0, call.tools?.endOffset ?? 0, call.loop?.range.endOffset ?? 0);
  last = Math.max(last, call.insertion?.commentLineEnd ?? 0, call.insertion?.lastEnd ?? 0);
  for (const prompt of call.prompts) {
    last = Math.max(last, prompt.range.endOffset);
    for (const part of prompt.parts) last = Math.max(last, part.range.endOffset);
  }
  return last;
}

export function shiftEstimate(estimate: CallEstimate, shift: EditShift): CallEstimate {
  if (estimate.input.parts.every((part) => part.range.endOffset < shift.oldEnd)) return estimate;
  return {
    ...estimate,
    input: { ...estimate.input, parts: estimate.input.parts.map((part) => ({ ...part, range: shiftRange(part.range, shift) })) },
  };
}

export function shiftFinding(finding: Finding, shift: EditShift): Finding {
  const unmoved =
    finding.range.endOffset < shift.oldEnd &&
    (finding.fix?.edits ?? []).every((edit) => edit.end < shift.oldEnd) &&
    (finding.related ?? []).every((related) => related.range.endOffset < shift.oldEnd);
  if (unmoved) return finding;
  const shifted: Finding = { ...finding, range: shiftRange(finding.range, shift) };
  if (finding.fix) {
    shifted.fix = {
      ...finding.fix,
      edits: finding.fix.edits.map((edit) => ({ ...edit, start: shiftOffset(edit.start, shift), end: shiftOffset(edit.end, shift) })),
    };
  }
  if (finding.related) shifted.related = finding.related.map((related) => ({ ...related, range: shiftRange(related.range, shift) }));
  return shifted;
}
