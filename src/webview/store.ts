import type { UiState } from './ui-state';

/** The panel's single source of truth: every change is saved (getState/setState) and redrawn. */
export class PanelStore {
  private readonly listeners: (() => void)[] = [];

  constructor(
    private readonly current: UiState,
    private readonly save: (state: UiState) => void,
  ) {}

  get state(): Readonly<UiState> {
    return this.current;
  }

  update(change: (state: UiState) => void): void {
    change(this.current);
    this.save(this.current);
    for (const listener of this.listeners) listener();
  }

  subscribe(listener: () => void): void {
    this.listeners.push(listener);
  }
}
