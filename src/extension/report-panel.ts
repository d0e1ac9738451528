import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CostReport } from '../core/report/model';
import { reportHtml, reportMarkdown } from '../core/report';

/** Messages the report page may send; anything else is ignored. */
type ReportMessage = { type: 'reveal'; path: string; line: number } | { type: 'export'; format: 'md' | 'html' };

function parseReportMessage(value: unknown): ReportMessage | null {
  if (typeof value !== 'object' || value === null) return null;
  const message = value as Record<string, unknown>;
  if (message.type === 'reveal' && typeof message.path === 'string' && Number.isInteger(message.line) && (message.line as number) > 0) {
    return { type: 'reveal', path: message.path, line: message.line as number };
  }
  if (message.type === 'export' && (message.format === 'md' || message.format === 'html')) return { type: 'export', format: message.format };
  return null;
}

/**
 * The workspace report in a webview: the same HTML as `promptmeter report
 * --format html`, under a strict CSP, plus a small script that turns call-site
 * links into "reveal in editor" and offers Markdown and HTML export.
 */
export function showReportPanel(report: CostReport, folder: vscode.WorkspaceFolder, output: vscode.LogOutputChannel): vscode.WebviewPanel {
  const panel = vscode.window.createWebviewPanel('promptmeter.report', 'Promptmeter: Cost Report', vscode.ViewColumn.Active, {
    enableScripts: true,
    localResourceRoots: [],
  });
  panel.webview.html = reportPage(report, panel.webview.cspSource);
  panel.webview.onDidReceiveMessage(async (value: unknown) => {
    const message = parseReportMessage(value);
    if (!message) return;
    if (message.type === 'reveal') {
      // Only files inside the workspace folder the report is about.
      const target = path.resolve(folder.uri.fsPath, message.path);
      if (!target.startsWith(folder.uri.fsPath + path.sep)) return;
      const document = await vscode.workspace.openTextDocument(vscode.Uri.file(target));
      const position = new vscode.Position(Math.min(message.line - 1, document.lineCount - 1), 0);
      await vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position), viewColumn: vscode.ViewColumn.One });
      return;
    }
    const content = message.format === 'md' ? reportMarkdown(report) : reportHtml(report);
    const uri = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(folder.uri, `promptmeter-report.${message.format}`),
      filters: message.format === 'md' ? { Markdown: ['md'] } : { HTML: ['html'] },
    });
    if (!uri) return;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
    output.info(`Report exported to ${uri.fsPath}`);
  });
  return panel;
}

/** The report HTML with a CSP, nonces on its styles, and the link/export script. */
function reportPage(report: CostReport, cspSource: string): string {
  const nonce = randomBytes(16).toString('hex');
  const csp = `default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src data:;`;
  const script = `
const vscode = acquireVsCodeApi();
document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
  const match = link && /^([^#]+)#L(\\d+)$/.exec(link.getAttribute('href'));
  if (match) { event.preventDefault(); vscode.postMessage({ type: 'reveal', path: decodeURIComponent(match[1]), line: Number(match[2]) }); }
  const exporter = event.target instanceof Element ? event.target.closest('[data-export]') : null;
  if (exporter) vscode.postMessage({ type: 'export', format: exporter.getAttribute('data-export') });
});`;
  const toolbar = '<p class="promptmeter-export"><button data-export="md">Export Markdown</button> <button data-export="html">Export HTML</button></p>';
  return reportHtml(report)
    .replace(/<style>/g, `<style nonce="${nonce}">`)
    .replace(/<head>/, `<head>\n<meta http-equiv="Content-Security-Policy" content="${csp}">`)
    .replace(/<body([^>]*)>/, `<body$1>\n${toolbar}`)
    .replace(/<\/body>/, `<script nonce="${nonce}">${script}</script>\n</body>`);
}
