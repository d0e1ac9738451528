import * as path from 'node:path';
import type { WasmLocation } from '../../src/core/parse/parser';

/** Tests run from sources, where the `.wasm` files are still inside `node_modules`. */
export function wasmLocationInPackages(): WasmLocation {
  return {
    runtimeDir: path.dirname(require.resolve('web-tree-sitter')),
    grammarDir: path.dirname(require.resolve('@vscode/tree-sitter-wasm/wasm/tree-sitter-python.wasm')),
  };
}

/** js-tiktoken's rank files, which bundles copy beside the script. */
export function ranksDirInPackages(): string {
  return path.dirname(require.resolve('js-tiktoken/ranks/o200k_base'));
}
