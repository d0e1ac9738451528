import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, test } from 'mocha';
import { EXTENSION_ID, openWorkspaceFile, screenshot, waitFor } from './helpers';

suite('smoke', () => {
  test('the extension is installed from the repo under test', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    assert.equal(extension.packageJSON.name, 'promptmeter');
    assert.equal(extension.isActive, false, 'activated before any Python file was opened');
  });

  test('opening a Python file activates it, with its output channel', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const editor = await openWorkspaceFile('app.py');
    assert.equal(editor.document.languageId, 'python');
    assert.match(editor.document.getText(), /client\.chat\.completions\.create/);
    await waitFor(() => extension.isActive, `${EXTENSION_ID} to activate on a Python file`);

    // The API lists no output channels, but the workbench registers a "show channel" command for each.
    const showChannel = await waitFor(async () => {
      const commands = await vscode.commands.getCommands(true);
      return commands.find(
        // A log channel (createOutputChannel(name, { log: true })) is named `<extension id>.<name>.log`.
        (command) => command === `workbench.action.output.show.${EXTENSION_ID}.Promptmeter.log`,
      );
    }, 'the "Promptmeter" output channel');

    // Shown in the Output panel, its text reaches the extension host as a document.
    await vscode.commands.executeCommand(showChannel);
    await waitFor(
      () =>
        vscode.workspace.textDocuments.find(
          (document) => document.uri.scheme === 'output' && /Promptmeter activated in [\d.]+ ms\./.test(document.getText()),
        ),
      'the output channel to say "Promptmeter activated in … ms."',
    );

    await vscode.window.showTextDocument(editor.document); // focus back on the file, the panel still open
    await screenshot('smoke');
  });
});
