import * as vscode from 'vscode';
import { callHeadline } from '../core/report/describe';
import { codiconSafe } from '../core/report/escape';
import type { AnalysisService } from './analysis-service';
import { toRange } from './convert';

/** A cost line above every LLM call; clicking it compares models for that call. */
export class CostCodeLensProvider implements vscode.CodeLensProvider {
  readonly onDidChangeCodeLenses: vscode.Event<void>;

  constructor(private readonly service: AnalysisService) {
    this.onDidChangeCodeLenses = (listener, thisArgs, disposables) => service.onDidChange(() => listener.call(thisArgs), undefined, disposables);
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    if (!this.service.currentSettings.codeLens) return [];
    const result = await this.service.resultFor(document, token);
    if (!result) return [];
    const { calls } = result.evaluation.analysis;
    return calls.flatMap((call, index) => {
      const estimate = result.evaluation.estimates[index];
      if (!estimate) return [];
      const range = toRange(call.range);
      return [
        new vscode.CodeLens(new vscode.Range(range.start, range.start), {
          // The title draws `$(icon)` as an icon, and holds the model name from the code.
          title: codiconSafe(callHeadline(call, estimate)),
          tooltip: 'Promptmeter: compare models for this call',
          command: 'promptmeter.compareModels',
          arguments: [document.uri, index],
        }),
      ];
    });
  }
}
