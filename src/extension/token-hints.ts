import * as vscode from 'vscode';
import type { FileEvaluation } from '../core/engine/evaluate';
import { confidenceMark, formatTokens } from '../core/report/format';
import type { AnalysisService } from './analysis-service';

export interface TokenHint {
  /** End of the line where a prompt string or constant ends. */
  position: vscode.Position;
  label: string;
}

/**
 * One hint per line on which prompt text ends: the tokens of the static parts
 * ending there (an f-string's runs add up), if at least `minimum` tokens.
 */
export function tokenHints(document: vscode.TextDocument, evaluation: FileEvaluation, minimum: number): TokenHint[] {
  const byLine = new Map<number, { tokens: number; estimated: boolean; seen: Set<number> }>();
  for (const estimate of evaluation.estimates) {
    for (const part of estimate.input.parts) {
      const line = part.range.end.line;
      const entry = byLine.get(line) ?? { tokens: 0, estimated: false, seen: new Set<number>() };
      // A constant used by several calls is counted once.
      if (entry.seen.has(part.range.startOffset)) continue;
      entry.seen.add(part.range.startOffset);
      entry.tokens += part.tokens;
      entry.estimated ||= estimate.input.confidence !== 'exact';
      byLine.set(line, entry);
    }
  }
  return [...byLine]
    .filter(([line, entry]) => entry.tokens >= minimum && line < document.lineCount)
    .map(([line, entry]) => ({
      position: document.lineAt(line).range.end,
      label: `${entry.estimated ? confidenceMark('calibrated') : ''}${formatTokens(entry.tokens)} tok`,
    }));
}

export class TokenInlayHintsProvider implements vscode.InlayHintsProvider {
  readonly onDidChangeInlayHints: vscode.Event<void>;

  constructor(private readonly service: AnalysisService) {
    this.onDidChangeInlayHints = (listener, thisArgs, disposables) => service.onDidChange(() => listener.call(thisArgs), undefined, disposables);
  }

  async provideInlayHints(document: vscode.TextDocument, range: vscode.Range, token: vscode.CancellationToken): Promise<vscode.InlayHint[]> {
    const settings = this.service.currentSettings;
    if (settings.tokenHints !== 'inlayHints') return [];
    const result = await this.service.resultFor(document, token);
    if (!result) return [];
    return tokenHints(document, result.evaluation, settings.tokenHintMinimum)
      .filter((hint) => range.contains(hint.position))
      .map((hint) => {
        const inlay = new vscode.InlayHint(hint.position, hint.label);
        inlay.paddingLeft = true;
        inlay.tooltip = 'Promptmeter: tokens of the prompt text that ends on this line';
        return inlay;
      });
  }
}
