import * as vscode from 'vscode';
import { breakdownMarkdown, promptPartMarkdown } from '../core/report/describe';
import type { AnalysisService } from './analysis-service';
import { toRange } from './convert';

/** The cost breakdown on a call, and the token count on prompt text (including constants defined elsewhere). */
export class CostHoverProvider implements vscode.HoverProvider {
  constructor(private readonly service: AnalysisService) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const result = await this.service.resultFor(document, token);
    if (!result) return undefined;
    const { calls } = result.evaluation.analysis;
    // The innermost call under the cursor: its range is the shortest that contains the position.
    let best: number | undefined;
    calls.forEach((call, index) => {
      const range = toRange(call.range);
      if (!range.contains(position)) return;
      const current = best === undefined ? undefined : calls[best];
      if (!current || call.range.endOffset - call.range.startOffset < current.range.endOffset - current.range.startOffset) best = index;
    });
    if (best !== undefined) {
      const call = calls[best];
      const estimate = result.evaluation.estimates[best];
      if (call && estimate) return new vscode.Hover(markdown(breakdownMarkdown(call, estimate)), toRange(call.range));
    }
    return this.promptHover(result.evaluation, position);
  }

  private promptHover(evaluation: NonNullable<Awaited<ReturnType<AnalysisService['resultFor']>>>['evaluation'], position: vscode.Position): vscode.Hover | undefined {
    for (const [index, estimate] of evaluation.estimates.entries()) {
      const part = estimate.input.parts.find((candidate) => toRange(candidate.range).contains(position));
      const call = evaluation.analysis.calls[index];
      if (!part || !call) continue;
      return new vscode.Hover(markdown(promptPartMarkdown(call, estimate, part)), toRange(part.range));
    }
    return undefined;
  }
}

/** No command links and no HTML, in case text from the user's code ever reaches a hover unescaped. */
function markdown(text: string): vscode.MarkdownString {
  const value = new vscode.MarkdownString(text);
  value.isTrusted = false;
  value.supportHtml = false;
  return value;
}
