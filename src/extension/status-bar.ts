import * as vscode from 'vscode';
import { markdownText } from '../core/report/escape';
import { formatUsd, usdRange } from '../core/report/format';
import { monthlyOf } from '../core/report/summary';
import type { AnalysisService } from './analysis-service';
import { toRange } from './convert';

/** The open file's monthly cost, and the cost per call of the call under the cursor. */
export function registerStatusBar(service: AnalysisService): { disposables: vscode.Disposable[]; text: () => string | undefined } {
  const item = vscode.window.createStatusBarItem('promptmeter.cost', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Promptmeter cost';
  item.command = 'promptmeter.showReport';
  let visible = false;
  const setVisible = (show: boolean): void => {
    visible = show;
    if (show) item.show();
    else item.hide();
  };

  const update = (): void => {
    const editor = vscode.window.activeTextEditor;
    const result = editor ? service.current(editor.document) : undefined;
    if (!editor || !result || !service.currentSettings.statusBar || result.evaluation.analysis.calls.length === 0) {
      setVisible(false);
      return;
    }
    const { calls } = result.evaluation.analysis;
    const estimates = result.evaluation.estimates;
    const { low, high, ranged, unknown } = monthlyOf(estimates);
    const cursor = editor.selection.active;
    const index = calls.findIndex((call) => toRange(call.range).contains(cursor));
    const selected = index >= 0 ? estimates[index]?.cost : undefined;
    const selectedCost = !selected ? '' : selected.perCall !== null ? `${formatUsd(selected.perCall)}/call` : selected.range ? `${usdRange(selected.range.low, selected.range.high)}/call` : 'call cost unknown';
    const perCall = selected ? ` · ${selectedCost}` : '';
    // Words, not `+1?`; and no "$0" when no call of the file has a known cost.
    const total = unknown === estimates.length ? 'cost unknown' : `≈${usdRange(low, high)}/mo${unknown > 0 ? ` + ${unknown} unknown` : ''}`;
    item.text = `$(graph) ${total}${perCall}`;
    item.tooltip = new vscode.MarkdownString(
      [
        `**Promptmeter**: ${calls.length} LLM call${calls.length === 1 ? '' : 's'} in this file, ≈${usdRange(low, high)} per month`,
        ranged > 0 ? `${ranged} call${ranged === 1 ? '' : 's'} with the model not known from the code: the range of the models ${ranged === 1 ? 'it' : 'they'} may use` : '',
        unknown > 0 ? `${unknown} call${unknown === 1 ? '' : 's'} of unknown cost (not counted)` : '',
        `Prices as of ${markdownText(estimates[0]?.cost.pricingAsOf ?? 'unknown')}. Click for the workspace report.`,
      ]
        .filter(Boolean)
        .join('\n\n'),
    );
    setVisible(true);
  };

  return {
    disposables: [item, service.onDidChange(update), vscode.window.onDidChangeActiveTextEditor(update), vscode.window.onDidChangeTextEditorSelection(update)],
    text: () => (visible ? item.text : undefined),
  };
}
