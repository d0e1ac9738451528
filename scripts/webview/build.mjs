// npm run build:webview: builds media/panel.js and media/panel.css only.
import { build } from 'esbuild';
import { webviewBuildOptions } from './build-options.mjs';

await build(webviewBuildOptions());
