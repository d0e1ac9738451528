import * as vscode from 'vscode';
import { formatUsd } from '../core/report/format';
import type { AnalysisService } from './analysis-service';
import { toRange } from './convert';
import { tokenHints } from './token-hints';

type Band = 'cheap' | 'moderate' | 'expensive' | 'unknown';

/** End-of-line texts, like Import Cost: the monthly cost of each call, coloured by band, and token hints. */
export function registerDecorations(service: AnalysisService): vscode.Disposable[] {
  const bands: Record<Band, vscode.TextEditorDecorationType> = {
    cheap: after(new vscode.ThemeColor('promptmeter.cheapForeground')),
    moderate: after(new vscode.ThemeColor('promptmeter.moderateForeground')),
    expensive: after(new vscode.ThemeColor('promptmeter.expensiveForeground')),
    unknown: after(new vscode.ThemeColor('editorCodeLens.foreground')),
  };
  const tokens = after(new vscode.ThemeColor('editorCodeLens.foreground'));

  const render = (editor: vscode.TextEditor): void => {
    const settings = service.currentSettings;
    const result = service.current(editor.document);
    const byBand: Record<Band, vscode.DecorationOptions[]> = { cheap: [], moderate: [], expensive: [], unknown: [] };
    if (result && settings.costHighlights) {
      result.evaluation.analysis.calls.forEach((call, index) => {
        const cost = result.evaluation.estimates[index]?.cost;
        if (!cost || call.kind === 'count') return;
        const line = toRange(call.nameRange).start.line;
        const monthly = cost.monthly;
        const band: Band = monthly === null ? 'unknown' : monthly >= settings.expensiveMonthly ? 'expensive' : monthly >= settings.moderateMonthly ? 'moderate' : 'cheap';
        byBand[band].push({
          range: editor.document.lineAt(line).range,
          renderOptions: { after: { contentText: monthly === null ? '  cost unknown' : `  ${formatUsd(monthly)}/mo` } },
        });
      });
    }
    for (const band of Object.keys(bands) as Band[]) editor.setDecorations(bands[band], byBand[band]);
    const hints = result && settings.tokenHints === 'decorations' ? tokenHints(editor.document, result.evaluation, settings.tokenHintMinimum) : [];
    editor.setDecorations(
      tokens,
      hints.map((hint) => ({ range: new vscode.Range(hint.position, hint.position), renderOptions: { after: { contentText: `  ${hint.label}` } } })),
    );
  };

  const renderVisible = (uri?: vscode.Uri): void => {
    for (const editor of vscode.window.visibleTextEditors) {
      if (!uri || editor.document.uri.toString() === uri.toString()) render(editor);
    }
  };
  return [
    ...Object.values(bands),
    tokens,
    service.onDidChange((uri) => renderVisible(uri)),
    vscode.window.onDidChangeVisibleTextEditors(() => renderVisible()),
  ];
}

function after(color: vscode.ThemeColor): vscode.TextEditorDecorationType {
  return vscode.window.createTextEditorDecorationType({ after: { color, margin: '0 0 0 1em' }, rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed });
}
