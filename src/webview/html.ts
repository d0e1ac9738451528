/**
 * The page the extension host gives the panel's webview. Kept beside the panel
 * (and used by its browser test) so the host and the tests serve the same
 * skeleton and Content-Security-Policy. No DOM or vscode import: the host runs it.
 */

export interface PanelPageOptions {
  /** `webview.cspSource`: where the page may load its script, styles and fonts from. */
  cspSource: string;
  /** A fresh random value per page load (letters and digits). */
  nonce: string;
  /** `webview.asWebviewUri(media/panel.js)`, as a string. */
  scriptUri: string;
  /** `webview.asWebviewUri(media/panel.css)`, as a string. */
  styleUri: string;
}

function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
  ].join('; ');
}

export function panelHtml(options: PanelPageOptions): string {
  const attribute = escapeAttribute;
  const policy = contentSecurityPolicy(options.cspSource, options.nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attribute(policy)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attribute(options.styleUri)}" nonce="${attribute(options.nonce)}">
<title>Promptmeter: compare costs</title>
</head>
<body>
<main id="app" aria-busy="true"></main>
<script src="${attribute(options.scriptUri)}" nonce="${attribute(options.nonce)}"></script>
</body>
</html>
`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
