import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { htmlInPage, openWorkspaceFile, screenshot, textInPage, waitFor, workspaceFolder } from './helpers';

/** A beacon on this machine: it counts every connection, whatever the protocol (an https image is a TCP connect first). */
async function listen(): Promise<{ port: number; connections: () => number; close: () => void }> {
  let count = 0;
  const server = net.createServer((socket) => {
    count++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as net.AddressInfo).port, connections: () => count, close: () => server.close() };
}

suite('text from the workspace in a hover', () => {
  test('a model name and a prompt file name holding Markdown and HTML show as text: no image is fetched, no link made', async () => {
    const beacon = await listen();
    try {
      const url = `https://127.0.0.1:${beacon.port}`;
      const model = `gpt-4o\` ![p](${url}/pixel.png) [run](command:workbench.action.terminal.new) <img src=${url}/i.png> \`x`;
      const source = [
        'from openai import OpenAI',
        'client = OpenAI()',
        `MODEL = ${JSON.stringify(model)}`,
        'def go():',
        `    return client.chat.completions.create(model=MODEL, max_tokens=10, messages=[{"role": "user", "content": open(${JSON.stringify(`![q](${url}/q.png).txt`)}).read()}])`,
        '',
      ].join('\n');
      fs.writeFileSync(vscode.Uri.joinPath(workspaceFolder().uri, 'beacon.py').fsPath, source);
      const editor = await openWorkspaceFile('beacon.py');
      await waitFor(async () => ((await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri)) ?? []).length > 0, 'the CodeLens of the call');

      const position = editor.document.positionAt(source.indexOf('create('));
      editor.selection = new vscode.Selection(position, position);
      await vscode.commands.executeCommand('editor.action.showHover');
      const text = await textInPage('.monaco-hover .hover-contents');
      const html = await htmlInPage('.monaco-hover .hover-contents');
      await screenshot('hostile-hover');
      // Time for a fetch the page might have started; the beacon counts connections, not timing.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.equal(beacon.connections(), 0, 'the hover made the editor connect to the beacon');
      // The text is all there, as text.
      assert.ok(text.includes(`![p](${url}/pixel.png)`), text);
      assert.ok(text.includes(`<img src=${url}/i.png>`), text);
      assert.doesNotMatch(html, /<img\b/i);
      assert.doesNotMatch(html, /<a\b[^>]*href="(https?:|command:)/i);
    } finally {
      beacon.close();
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });
});
