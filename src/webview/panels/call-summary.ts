import { confidenceMark, formatTokens } from '../../core/report/format';
import type { CallView } from '../call-view';
import { checkbox, numberField } from '../controls';
import { element } from '../dom';
import type { PanelContext } from './panel';

/**
 * Above the tabs: the call being priced (location, model, tokens, traffic), or
 * fields to type a call in when the host sends none, and the follow-the-cursor switch.
 */
export function createCallSummary(context: PanelContext): { element: HTMLElement; render(view: CallView | null): void } {
  const { store } = context;
  const description = element('p', { className: 'call-description' });
  const blankFields = [
    numberField({ label: 'Input tokens', min: 0, step: 1, onChange: (value) => store.update((ui) => (ui.blank.inputTokens = value)) }),
    numberField({ label: 'Output tokens', min: 0, step: 1, onChange: (value) => store.update((ui) => (ui.blank.outputTokens = value)) }),
    numberField({ label: 'Calls per day', min: 0, step: 1, onChange: (value) => store.update((ui) => (ui.blank.callsPerDay = value)) }),
  ];
  const blankRow = element('div', { className: 'field-row' }, blankFields.map((field) => field.element));
  const follow = checkbox('Follow the cursor', (checked) => {
    store.update((ui) => (ui.followCursor = checked));
    context.post({ type: 'followCursor', follow: checked });
  });
  const root = element('header', { className: 'call-summary' }, [description, blankRow, follow.element]);

  return {
    element: root,
    render(view) {
      const ui = store.state;
      follow.set(ui.followCursor);
      const call = view?.call ?? null;
      blankRow.hidden = view === null || call !== null;
      root.classList.toggle('blank', !blankRow.hidden);
      if (view === null) {
        description.textContent = 'Waiting for the editor…';
        return;
      }
      if (call === null) {
        description.textContent = 'Blank scenario: type the call’s tokens and traffic.';
        blankFields[0].set(ui.blank.inputTokens);
        blankFields[1].set(ui.blank.outputTokens);
        blankFields[2].set(ui.blank.callsPerDay);
        return;
      }
      const mark = confidenceMark(call.inputConfidence);
      const assumed = call.assumedTokens > 0 ? ` (${formatTokens(call.assumedTokens)} assumed)` : '';
      const outputLimit = call.outputTokens.max === null ? 'no limit' : `≤${formatTokens(call.outputTokens.max)}`;
      description.replaceChildren(
        element('strong', { text: call.model ?? 'unknown model' }),
        ` · ${call.provider} ${call.api} · `,
        element('code', { text: call.location }),
        element('br'),
        `${mark}${formatTokens(call.inputTokens)} in${assumed} + ${formatTokens(call.outputTokens.expected)} out (${outputLimit}) · ${formatTokens(call.callsPerDay)} calls/day · prices as of ${view.host.pricingAsOf}`,
      );
    },
  };
}
