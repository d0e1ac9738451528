import '@vscode-elements/elements/dist/vscode-tab-header/index.js';
import '@vscode-elements/elements/dist/vscode-tab-panel/index.js';
import '@vscode-elements/elements/dist/vscode-tabs/index.js';
import 'uplot/dist/uPlot.min.css';
import './styles.css';
import { deriveCallView } from './call-view';
import { element } from './dom';
import { createCachingPanel } from './panels/caching';
import { createCallSummary } from './panels/call-summary';
import { createComparePanel } from './panels/compare';
import { createCompressionPanel } from './panels/compression';
import type { Panel, PanelContext } from './panels/panel';
import { createRoutingPanel } from './panels/routing';
import type { HostMessage, PanelMessage } from './protocol';
import { defaultTiers } from './routing-cost';
import { PanelStore } from './store';
import { restoreUiState, TABS, type TabId } from './ui-state';
import { parseHostMessage } from './validate';

/** The comparison panel's entry point: layout, messages from and to the extension, redraws. */

const TAB_TITLES: Record<TabId, string> = {
  compare: 'Compare models',
  routing: 'Routing tiers',
  caching: 'Caching and batching',
  compression: 'Prompt compression',
};

const vscode = acquireVsCodeApi();
const store = new PanelStore(restoreUiState(vscode.getState()), (state) => vscode.setState(state));
const context: PanelContext = {
  store,
  post: (message: PanelMessage) => vscode.postMessage(message),
};

const summary = createCallSummary(context);
const status = element('p', { className: 'status', attributes: { role: 'status' } });
const panels: Record<TabId, Panel> = {
  compare: createComparePanel(context),
  routing: createRoutingPanel(context),
  caching: createCachingPanel(context),
  compression: createCompressionPanel(context),
};
const problem = element('p', { className: 'problem' });
const tabs = document.createElement('vscode-tabs');
tabs.panel = true;
for (const tab of TABS) {
  tabs.append(
    element('vscode-tab-header', { text: TAB_TITLES[tab], attributes: { slot: 'header', 'data-tab': tab } }),
    element('vscode-tab-panel', { attributes: { 'data-tab': tab } }, [panels[tab].element]),
  );
}
tabs.selectedIndex = TABS.indexOf(store.state.tab);
tabs.addEventListener('vsc-tabs-select', (event) => {
  const index = (event as CustomEvent<{ selectedIndex: number }>).detail.selectedIndex;
  store.update((ui) => (ui.tab = TABS[index] ?? 'compare'));
});

const app = document.getElementById('app') ?? document.body;
app.replaceChildren(summary.element, status, problem, tabs);
app.removeAttribute('aria-busy');

function render(): void {
  const view = deriveCallView(store.state);
  summary.render(view);
  tabs.hidden = view === null;
  if (!view) return;
  // The core throws RangeError on impossible numbers; show it rather than a wrong price.
  try {
    for (const tab of TABS) panels[tab].render(view);
    problem.textContent = '';
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    problem.textContent = `Cannot price this call: ${error.message}`;
  }
}

function receive(message: HostMessage): void {
  if (message.type === 'applied') {
    status.textContent = message.detail;
    status.classList.toggle('failed', !message.ok);
    return;
  }
  store.update((ui) => {
    ui.host = message.state;
    const view = deriveCallView(ui);
    if (view && ui.routing.tiers.length === 0) ui.routing.tiers = defaultTiers(view);
  });
}

store.subscribe(render);
window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = parseHostMessage(event.data);
  if (message) receive(message);
});
render();
vscode.postMessage({ type: 'ready' } satisfies PanelMessage);
// The host cannot know a restored panel's switch: tell it once at start.
vscode.postMessage({ type: 'followCursor', follow: store.state.followCursor } satisfies PanelMessage);
