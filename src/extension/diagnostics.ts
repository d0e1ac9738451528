import * as vscode from 'vscode';
import { docsUrl } from '../core/rules/rule';
import type { AnalysisService } from './analysis-service';
import { toRange, toSeverity } from './convert';

export const DIAGNOSTIC_SOURCE = 'Promptmeter';

/** Findings as diagnostics: rule id as the code, linking to the rule's page; related places attached. */
export function registerDiagnostics(service: AnalysisService): vscode.Disposable[] {
  const collection = vscode.languages.createDiagnosticCollection('promptmeter');
  const refresh = (uri: vscode.Uri): void => {
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
    const result = document ? service.current(document) : undefined;
    if (!result) {
      collection.delete(uri);
      return;
    }
    collection.set(
      uri,
      result.evaluation.findings.map((finding) => {
        const diagnostic = new vscode.Diagnostic(toRange(finding.range), finding.message, toSeverity(finding.severity));
        diagnostic.source = DIAGNOSTIC_SOURCE;
        diagnostic.code = { value: finding.ruleId, target: vscode.Uri.parse(docsUrl(finding.ruleId)) };
        diagnostic.relatedInformation = finding.related?.map(
          (related) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, toRange(related.range)), related.message),
        );
        return diagnostic;
      }),
    );
  };
  return [collection, service.onDidChange(refresh), vscode.workspace.onDidCloseTextDocument((document) => collection.delete(document.uri))];
}
