import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { openWorkspaceFile, waitFor } from './helpers';

suite('a call whose model the code does not name', () => {
  test('shows a range over the models the open files name, in the CodeLens and the hover', async () => {
    const editor = await openWorkspaceFile('ranged.py');
    const titles = await waitFor(async () => {
      const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri)) ?? [];
      const found = lenses.map((lens) => lens.command?.title ?? '');
      return found.length === 3 ? found : undefined;
    }, 'three CodeLenses');
    // From gpt-4o-mini, the cheapest of this file's models, to the dearest any open file names (the suite opened others).
    assert.match(titles[2], /^model unknown · .* · \$[\d.]+–\$[\d.]+\/call · \$[\d.,]+–\$[\d.,]+\/mo \(model not resolved: gpt-4o-mini … [\w.-]+\)$/);

    const position = editor.document.positionAt(editor.document.getText().indexOf('create(model=os.environ'));
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position)) ?? [];
    const text = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    assert.match(text, /The model is not known from the code/);
    assert.match(text, /defaultModel/);
  });
});
