import * as assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import { clickInPage, EXTENSION_ID, fillInPage, openWorkspaceFile, screenshot, waitFor, workspaceFolder } from './helpers';

interface PromptmeterApi {
  statusBarText(): string | undefined;
}

async function diagnosticsOf(uri: vscode.Uri, count: number): Promise<vscode.Diagnostic[]> {
  return waitFor(() => {
    const diagnostics = vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'Promptmeter');
    return diagnostics.length >= count ? diagnostics : undefined;
  }, `${count} Promptmeter diagnostics on ${uri.path}`);
}

function code(diagnostic: vscode.Diagnostic): string {
  return typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
}

async function codeLensTitles(uri: vscode.Uri, count: number): Promise<string[]> {
  return waitFor(async () => {
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
    const titles = lenses.map((lens) => lens.command?.title ?? '').filter((title) => title.length > 0);
    return titles.length >= count ? titles : undefined;
  }, `${count} CodeLens titles`);
}

async function quickFixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value)) ?? [];
}

/** Puts a document's text back as it was, whichever editor has the focus. */
async function restore(document: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text);
  await vscode.workspace.applyEdit(edit);
  assert.equal(document.getText(), text);
}

suite('extension', () => {
  let api: PromptmeterApi;

  suiteSetup(async () => {
    await openWorkspaceFile('bot.py');
    const extension = vscode.extensions.getExtension<PromptmeterApi>(EXTENSION_ID)!;
    api = await extension.activate();
  });

  test('Python diagnostics carry the rule id (linked to its page), severity and range', async () => {
    const editor = await openWorkspaceFile('bot.py');
    const diagnostics = await diagnosticsOf(editor.document.uri, 2);
    const byCode = new Map(diagnostics.map((diagnostic) => [code(diagnostic), diagnostic]));
    const missing = byCode.get('missing-max-tokens');
    assert.ok(missing, JSON.stringify(diagnostics.map(code)));
    assert.equal(missing.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(missing.range.start.line, 12);
    assert.equal(editor.document.getText(missing.range), 'create');
    assert.match(missing.message, /^No max_completion_tokens on gpt-4o: worst case \$[\d.]+\/call \(16,384 output tokens\)\. Add max_completion_tokens=1024\?$/);
    assert.match(String((missing.code as { target: vscode.Uri }).target), /docs\/rules\/missing-max-tokens\.md$/);
    const unknown = byCode.get('unknown-model');
    assert.ok(unknown);
    assert.equal(unknown.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(editor.document.getText(unknown.range), '"gpt-4o-mnii"');
  });

  test('TypeScript diagnostics', async () => {
    const editor = await openWorkspaceFile('chat.ts');
    const [diagnostic] = await diagnosticsOf(editor.document.uri, 1);
    assert.equal(code(diagnostic!), 'missing-max-tokens');
    assert.equal(diagnostic!.range.start.line, 5);
    assert.match(diagnostic!.message, /^No max_output_tokens on gpt-5\.6/);
  });

  test('CodeLens titles show tokens and cost per call and per month', async () => {
    const editor = await openWorkspaceFile('bot.py');
    const titles = await codeLensTitles(editor.document.uri, 3);
    assert.match(titles[0]!, /^gpt-4o · \d[\d,]* in \(200 assumed\) \+ 512 \(≤16,384\) out tok · \$[\d.]+\/call · \$[\d,.]+\/mo$/);
    assert.match(titles[1]!, /^claude-haiku-4-5 · ≈\d+ in \(200 assumed\) \+ 150 \(≤300\) out tok · \$[\d.]+\/call · \$[\d,.]+\/mo$/);
    assert.match(titles[2]!, /^gpt-4o-mnii · .* · cost unknown: gpt-4o-mnii is not in the price list \(closest: gpt-4o-mini/);
  });

  test('hovers show the breakdown on a call and the token count on a prompt constant', async () => {
    const editor = await openWorkspaceFile('bot.py');
    const onCall = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(13, 30));
    const callText = onCall.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    assert.match(callText, /\*\*openai `chat\.completions\.create`\*\* · `gpt-4o`/);
    assert.match(callText, /`question` \(assumed, default size\) \| 200/);
    assert.match(callText, /Price per 1M tokens \(`gpt-4o`\): input \$2\.50 · output \$10/);
    assert.match(callText, /Prices as of \d{4}-\d{2}-\d{2}\./);
    const onConstant = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(7, 10));
    const constantText = onConstant.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    assert.match(constantText, /^\*\*\d+ tokens\*\* of prompt text \(o200k_base\)/);
  });

  test('typing inside a prompt, key by key, updates the cost of the call that reads it', async () => {
    const editor = await openWorkspaceFile('bot.py');
    const original = editor.document.getText();
    const inputTokens = (title: string): number => Number(/ · ([\d,]+) in /.exec(title)?.[1]?.replaceAll(',', '') ?? Number.NaN);
    const before = inputTokens((await codeLensTitles(editor.document.uri, 3))[0]!);
    try {
      // Each keystroke is an edit inside the string: the worker re-examines only the call reading SYSTEM_PROMPT.
      const typed = ' Always answer in English.';
      const at = editor.document.lineAt(8).text.indexOf('."""') + 1;
      for (const [index, character] of [...typed].entries()) {
        await editor.edit((edit) => edit.insert(new vscode.Position(8, at + index), character));
      }
      assert.ok(editor.document.lineAt(8).text.endsWith(`discounts.${typed}"""`), editor.document.lineAt(8).text);
      const after = await waitFor(async () => {
        const count = inputTokens((await codeLensTitles(editor.document.uri, 3))[0]!);
        return count > before ? count : undefined;
      }, 'the CodeLens counting the typed words');
      assert.ok(after - before >= 4 && after - before <= 8, `${before} → ${after} input tokens`);
    } finally {
      await restore(editor.document, original);
    }
  });

  test('token counts appear as inlay hints after long prompt constants', async () => {
    const editor = await openWorkspaceFile('bot.py');
    const hints = await waitFor(async () => {
      const found = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', editor.document.uri, new vscode.Range(0, 0, 30, 0));
      return found?.length ? found : undefined;
    }, 'inlay hints');
    assert.equal(hints[0]!.position.line, 8);
    assert.match(String(hints[0]!.label), /^\d+ tok$/);
  });

  test('the status bar shows the file cost per month and the selected call per call', async () => {
    const editor = await openWorkspaceFile('bot.py');
    editor.selection = new vscode.Selection(14, 10, 14, 10);
    const text = await waitFor(() => {
      const current = api.statusBarText();
      return current && /\/call/.test(current) ? current : undefined;
    }, 'status bar text with the call cost');
    // The call of unknown cost is said in words, not `+1?`.
    assert.match(text, /^\$\(graph\) ≈\$[\d,.]+\/mo \+ 1 unknown · \$[\d.]+\/call$/);
    await screenshot('python-file');
  });

  test('each quick fix applies through the code-action API and the diagnostic goes away', async () => {
    const editor = await openWorkspaceFile('chat.ts');
    const [diagnostic] = await diagnosticsOf(editor.document.uri, 1);
    const actions = await quickFixes(editor.document.uri, diagnostic!.range);
    const titles = actions.map((action) => action.title);
    assert.deepEqual(titles.slice(0, 3), ['Add max_output_tokens=1024', 'Suppress missing-max-tokens on this line', 'Suppress missing-max-tokens in this file']);
    const fix = actions[0]!;
    assert.equal(fix.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.match(editor.document.getText(), /input: question,\n {4}max_output_tokens: 1024,\n {2}\}\);/);
    await waitFor(() => vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'Promptmeter').length === 0, 'the diagnostic to clear');
    await vscode.commands.executeCommand('undo');
    await diagnosticsOf(editor.document.uri, 1);
  });

  test('suppress-on-this-line writes a comment that silences the rule', async () => {
    const editor = await openWorkspaceFile('bot.py');
    const diagnostics = await diagnosticsOf(editor.document.uri, 2);
    const unknown = diagnostics.find((diagnostic) => code(diagnostic) === 'unknown-model')!;
    const actions = await quickFixes(editor.document.uri, unknown.range);
    const suppress = actions.find((action) => action.title === 'Suppress unknown-model on this line')!;
    assert.ok(await vscode.workspace.applyEdit(suppress.edit!));
    assert.match(editor.document.getText(), /\n {4}# promptmeter-ignore-next-line unknown-model\n {4}return client\.chat\.completions\.create\(model="gpt-4o-mnii"/);
    await waitFor(() => !vscode.languages.getDiagnostics(editor.document.uri).some((d) => code(d) === 'unknown-model'), 'unknown-model to be suppressed');
    const useClosest = (await quickFixes(editor.document.uri, new vscode.Range(0, 0, 40, 0))).find((action) => action.title === 'Use gpt-4o-mini');
    assert.equal(useClosest, undefined, 'no fix offered for a suppressed finding');
    await vscode.commands.executeCommand('undo');
  });

  test('"Fix all" applies every safe fix as one undoable edit', async () => {
    const editor = await openWorkspaceFile('bot.py');
    await diagnosticsOf(editor.document.uri, 2);
    const before = editor.document.getText();
    await vscode.commands.executeCommand('promptmeter.fixAllInFile');
    await waitFor(() => editor.document.getText() !== before, 'the file to change');
    assert.match(editor.document.getText(), /{"role": "user", "content": question},\n {8}\],\n {8}max_completion_tokens=1024,\n {4}\)/);
    assert.match(editor.document.getText(), /model="gpt-4o-mnii"/, 'unsafe fixes are not applied');
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), before);
  });

  test('a setting change takes effect: a rule turned off, CodeLens hidden', async () => {
    const editor = await openWorkspaceFile('bot.py');
    await diagnosticsOf(editor.document.uri, 2);
    const config = vscode.workspace.getConfiguration('promptmeter');
    await config.update('rules', { 'unknown-model': 'off' }, vscode.ConfigurationTarget.Workspace);
    await config.update('inline.codeLens', false, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor(() => !vscode.languages.getDiagnostics(editor.document.uri).some((d) => code(d) === 'unknown-model'), 'unknown-model to turn off');
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
      assert.equal(lenses.filter((lens) => lens.command?.title).length, 0);
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
      await config.update('inline.codeLens', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor(() => vscode.languages.getDiagnostics(editor.document.uri).some((d) => code(d) === 'unknown-model'), 'unknown-model to come back');
  });

  test('commands: count tokens of a selection, open the workspace report, reload', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['promptmeter.showReport', 'promptmeter.compareModels', 'promptmeter.countSelectionTokens', 'promptmeter.openSettings', 'promptmeter.reloadPricing', 'promptmeter.fixAllInFile']) {
      assert.ok(commands.includes(id), id);
    }
    const editor = await openWorkspaceFile('bot.py');
    editor.selection = new vscode.Selection(6, 0, 8, 0);
    await vscode.commands.executeCommand('promptmeter.countSelectionTokens');
    await vscode.commands.executeCommand('promptmeter.showReport');
    await waitFor(
      () => vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((tab) => tab.label === 'Promptmeter: Cost Report'),
      'the report panel to open',
      30_000,
    );
    // A link to a call site reveals it in the editor.
    await clickInPage('a[href^="bot.py#L"]');
    await waitFor(() => vscode.window.activeTextEditor?.document.uri.path.endsWith('/bot.py'), 'bot.py to be revealed');
    await screenshot('report');
    await vscode.commands.executeCommand('promptmeter.reloadPricing');
  });

  test('a file over the size limit is skipped without errors, and the rest keeps working', async () => {
    const big = vscode.Uri.joinPath(workspaceFolder().uri, 'generated.py');
    const line = 'from openai import OpenAI\nOpenAI().chat.completions.create(model="gpt-4o", messages=[])\n';
    await vscode.workspace.fs.writeFile(big, Buffer.from(line.repeat(20_000)));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(big));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal(vscode.languages.getDiagnostics(editor.document.uri).length, 0);
    const other = await openWorkspaceFile('chat.ts');
    await diagnosticsOf(other.document.uri, 1);
  });

  test('the comparison panel opens for a call, and choosing a model there changes the code', async () => {
    const editor = await openWorkspaceFile('bot.py');
    await diagnosticsOf(editor.document.uri, 2);
    const original = editor.document.getText();
    await vscode.commands.executeCommand('promptmeter.compareModels', editor.document.uri, 0);
    // A real click in the webview, through the page: the panel posts selectModel, the extension edits the file.
    await clickInPage('[aria-label="Use gpt-4o-mini for this call"]');
    await waitFor(() => /model="gpt-4o-mini",\n/.test(editor.document.getText()), 'the model to change in the code', 20_000);
    await screenshot('comparison-panel');
    await restore(editor.document, original);
  });

  test('the panel applies a compression to the prompt literal, and saves a routing scenario to .promptmeter.json', async () => {
    const editor = await openWorkspaceFile('triage.py');
    const original = editor.document.getText();
    await vscode.commands.executeCommand('promptmeter.compareModels', editor.document.uri, 0);
    await clickInPage('text=Prompt compression');
    await clickInPage('vscode-button:has-text("Apply to the code")');
    await waitFor(() => (editor.document.getText().match(/Please make sure to read/g) ?? []).length === 0, 'the prompt to be compressed', 20_000);
    assert.match(editor.document.getText(), /TRIAGE = """You are the triage assistant\./);
    assert.match(editor.document.getText(), /queue name only\."""/);

    await clickInPage('text=Routing tiers');
    await fillInPage('.field:has(label:text-is("Scenario name")) vscode-textfield input', 'Haiku only');
    await clickInPage('vscode-button:has-text("Save scenario")');
    const settingsFile = vscode.Uri.joinPath(workspaceFolder().uri, '.promptmeter.json');
    const saved = await waitFor(async () => {
      try {
        return new TextDecoder().decode(await vscode.workspace.fs.readFile(settingsFile));
      } catch {
        return undefined;
      }
    }, '.promptmeter.json to be written', 20_000);
    assert.match(saved, /"name": "Haiku only"/);
    assert.match(saved, /"mode": "(split|cascade)"/);
    await restore(editor.document, original);
    await vscode.workspace.fs.delete(settingsFile);
  });
});
