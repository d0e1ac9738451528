// The webview runs in a browser, the rest of the project in Node: the DOM types
// are added here rather than in the shared tsconfig's `lib`.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />

/** Injected by VS Code into every webview; callable once per page. */
declare function acquireVsCodeApi(): {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
};
