import * as vscode from 'vscode';
import type { Finding } from '../core/model';
import type { AnalysisService } from './analysis-service';
import { toRange, toWorkspaceEdit } from './convert';
import { DIAGNOSTIC_SOURCE } from './diagnostics';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('promptmeter');

/** Rule fixes as quick fixes, suppressions, "fix all", and "compare models" for the call. */
export class PromptmeterCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly service: AnalysisService) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const result = this.service.current(document);
    if (!result) return [];
    const { findings } = result.evaluation;
    if (context.only && FIX_ALL_KIND.contains(context.only)) return findings.some((finding) => finding.fix?.safe) ? [fixAll()] : [];
    const actions: vscode.CodeAction[] = [];
    const language = document.languageId === 'python' ? 'python' : 'javascript';
    for (const finding of findings) {
      const findingRange = toRange(finding.range);
      if (!findingRange.intersection(range)) continue;
      const diagnostic = context.diagnostics.find(
        (candidate) => candidate.source === DIAGNOSTIC_SOURCE && candidateCode(candidate) === finding.ruleId && candidate.range.isEqual(findingRange),
      );
      if (finding.fix) {
        const action = new vscode.CodeAction(finding.fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = toWorkspaceEdit(document, finding.fix.edits);
        action.isPreferred = finding.fix.safe;
        action.diagnostics = diagnostic ? [diagnostic] : undefined;
        actions.push(action);
      }
      actions.push(suppressLine(document, finding, language, diagnostic), suppressFile(document, finding, language, diagnostic));
    }
    if (findings.some((finding) => finding.fix?.safe)) actions.push(fixAll());
    const callIndex = result.evaluation.analysis.calls.findIndex((call) => toRange(call.range).intersection(range));
    if (callIndex >= 0) {
      const compare = new vscode.CodeAction('Compare models for this call', vscode.CodeActionKind.Empty);
      compare.command = { command: 'promptmeter.compareModels', title: 'Compare models for this call', arguments: [document.uri, callIndex] };
      actions.push(compare);
    }
    return actions;
  }
}

function candidateCode(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : code === undefined ? undefined : String(code);
}

function fixAll(): vscode.CodeAction {
  const action = new vscode.CodeAction('Fix all Promptmeter issues in file', FIX_ALL_KIND);
  action.command = { command: 'promptmeter.fixAllInFile', title: 'Fix all Promptmeter issues in file' };
  return action;
}

/** An own-line comment above the statement: valid wherever a statement can start. */
function suppressLine(document: vscode.TextDocument, finding: Finding, language: 'python' | 'javascript', diagnostic?: vscode.Diagnostic): vscode.CodeAction {
  // Above a Python backslash continuation the comment would end the statement: go up to its first line.
  let target = finding.range.start.line;
  while (target > 0 && /\\\s*$/.test(document.lineAt(target - 1).text)) target--;
  const line = document.lineAt(target);
  const indent = line.text.slice(0, line.firstNonWhitespaceCharacterIndex);
  const marker = language === 'python' ? '#' : '//';
  const action = new vscode.CodeAction(`Suppress ${finding.ruleId} on this line`, vscode.CodeActionKind.QuickFix);
  action.edit = new vscode.WorkspaceEdit();
  action.edit.insert(document.uri, line.range.start, `${indent}${marker} promptmeter-ignore-next-line ${finding.ruleId}\n`);
  action.diagnostics = diagnostic ? [diagnostic] : undefined;
  return action;
}

function suppressFile(document: vscode.TextDocument, finding: Finding, language: 'python' | 'javascript', diagnostic?: vscode.Diagnostic): vscode.CodeAction {
  // After a shebang or a Python encoding line, which must stay first.
  let line = 0;
  while (line < Math.min(2, document.lineCount) && /^(#!|#.*coding[:=])/.test(document.lineAt(line).text)) line++;
  const marker = language === 'python' ? '# promptmeter: ignore-file' : '// promptmeter-ignore-file';
  const action = new vscode.CodeAction(`Suppress ${finding.ruleId} in this file`, vscode.CodeActionKind.QuickFix);
  action.edit = new vscode.WorkspaceEdit();
  action.edit.insert(document.uri, new vscode.Position(line, 0), `${marker}${language === 'python' ? `[${finding.ruleId}]` : ` ${finding.ruleId}`}\n`);
  action.diagnostics = diagnostic ? [diagnostic] : undefined;
  return action;
}
