// esbuild options for the comparison panel's webview bundle, shared by
// esbuild.config.mjs (the full build) and scripts/webview/build.mjs (webview only).
// The page's CSP allows no eval and no inline code, so this is one plain
// browser script plus one stylesheet, both loaded from media/.

// Always minified and without source maps: media/** ships in the .vsix as it is.
export function webviewBuildOptions() {
  return {
    entryPoints: { panel: 'src/webview/main.ts' },
    outdir: 'media',
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  };
}
