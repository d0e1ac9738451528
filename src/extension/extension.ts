import * as vscode from 'vscode';

/** Activation stays cheap: no grammar or tokenizer loads until a file needs analysing. */
export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('Promptmeter');
  context.subscriptions.push(output);
  output.appendLine('Promptmeter activated.');
}

export function deactivate(): void {}
