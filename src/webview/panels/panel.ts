import type { CallView } from '../call-view';
import type { PanelMessage } from '../protocol';
import type { PanelStore } from '../store';

/** What every tab gets: the state to read and change, and the way to the extension. */
export interface PanelContext {
  store: PanelStore;
  post(message: PanelMessage): void;
}

/** A tab's content: built once, then redrawn from the state on every change. */
export interface Panel {
  element: HTMLElement;
  render(view: CallView): void;
}
