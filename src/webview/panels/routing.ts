import { formatUsd } from '../../core/report/format';
import { monthly } from '../../core/scenarios';
import { modelsOfCallKind, type CallView } from '../call-view';
import { BarChart } from '../charts/bar-chart';
import { button, numberField, selectField, textField, type SelectOption } from '../controls';
import { radioGroup } from '../controls-radio';
import { element } from '../dom';
import { draftToScenario, routingOutcome, scenarioToDraft, type RoutingOutcome } from '../routing-cost';
import { formatPercent } from '../text-format';
import type { RoutingMode } from '../ui-state';
import { metric } from './metric';
import type { Panel, PanelContext } from './panel';

/**
 * Routing tiers: traffic split between models, or a cascade that escalates a
 * share of calls to the next model; blended cost against one model for all calls.
 */
export function createRoutingPanel(context: PanelContext): Panel {
  const { store } = context;
  const mode = radioGroup(
    'Routing',
    [
      { value: 'split', text: 'Split: each tier takes a share of the calls' },
      { value: 'cascade', text: 'Cascade: try the first tier, escalate a share to the next' },
    ],
    (value) => store.update((ui) => (ui.routing.mode = value as RoutingMode)),
  );
  const tierList = element('ol', { className: 'tier-list' });
  const addTier = button('Add tier', () => store.update((ui) => ui.routing.tiers.push({ model: '', percent: 0 })), { secondary: true });
  const baseline = selectField('Compare with one model for all calls', (value) => store.update((ui) => (ui.routing.baseline = value)));
  const summary = element('div', { className: 'summary', attributes: { 'aria-live': 'polite' } });
  const chart = new BarChart({ title: 'Monthly cost, single model against routed', formatValue: formatUsd });
  const partsBody = element('tbody');
  const partsTable = element('table', { className: 'data-table' }, [
    element('caption', { className: 'visually-hidden', text: 'Cost of each tier' }),
    element('thead', {}, [element('tr', {}, ['Tier model', 'Share of calls', 'Per call', 'Part of blended per call'].map((name) => element('th', { text: name, attributes: { scope: 'col' } })))]),
    partsBody,
  ]);
  const name = textField('Scenario name', (value) => store.update((ui) => (ui.routing.name = value)));
  const save = button('Save scenario', () => context.post({ type: 'saveScenario', scenario: draftToScenario(store.state.routing) }));
  // Read when Load is pressed: choosing alone changes nothing.
  const saved = selectField('Saved scenarios', () => undefined);
  const load = button('Load', () => loadScenario(context, saved.select.value), { secondary: true });
  const savedRow = element('div', { className: 'field-row' }, [saved.element, load]);
  const root = element('section', { className: 'panel-body' }, [
    mode.element,
    tierList,
    element('div', { className: 'field-row' }, [addTier]),
    baseline.element,
    summary,
    chart.element,
    element('div', { className: 'table-scroll' }, [partsTable]),
    element('h3', { text: 'Scenarios' }),
    element('div', { className: 'field-row' }, [name.element, save]),
    savedRow,
  ]);
  const tierRows = createTierRows(context, tierList);

  return {
    element: root,
    render(view) {
      const routing = store.state.routing;
      mode.set(routing.mode);
      const modelOptions = modelsOfCallKind(view).map((model): SelectOption => ({ value: model.id, text: model.id }));
      tierRows.render(modelOptions);
      const current = view.currentModel ? [{ value: '', text: `The call’s model (${view.currentModel.id})` }] : [];
      baseline.setOptions([...current, ...modelOptions]);
      baseline.set(routing.baseline || (view.currentModel ? '' : (modelOptions[0]?.value ?? '')));
      const outcome = routingOutcome(view, routing);
      showOutcome(view, outcome, summary, chart, partsBody, routing.mode);
      name.set(routing.name);
      save.disabled = !outcome.ok || routing.name.trim() === '';
      saved.setOptions(view.host.scenarios.map((scenario, index) => ({ value: String(index), text: `${scenario.name} (${scenario.mode}, ${scenario.tiers.length} tiers)` })));
      savedRow.hidden = view.host.scenarios.length === 0;
    },
  };
}

function loadScenario(context: PanelContext, index: string): void {
  const scenario = context.store.state.host?.scenarios[Number(index)];
  if (!scenario) return;
  context.store.update((ui) => (ui.routing = { ...scenarioToDraft(scenario), baseline: ui.routing.baseline }));
}

/** The tier rows, rebuilt only when their number, the mode or the model list changes so typing keeps its focus. */
function createTierRows(context: PanelContext, list: HTMLElement): { render(models: SelectOption[]): void } {
  const { store } = context;
  let builtFor = '';
  let fields: { model: ReturnType<typeof selectField>; percent: ReturnType<typeof numberField> | null }[] = [];
  return {
    render(models) {
      const routing = store.state.routing;
      const shape = JSON.stringify([routing.mode, routing.tiers.length, models.map((model) => model.value)]);
      if (shape !== builtFor) {
        builtFor = shape;
        fields = routing.tiers.map((_, index) => {
          const last = index === routing.tiers.length - 1;
          const model = selectField(`Tier ${index + 1} model`, (value) => store.update((ui) => (ui.routing.tiers[index].model = value)));
          model.setOptions([{ value: '', text: 'Pick a model…' }, ...models]);
          const percentLabel = routing.mode === 'split' ? `Tier ${index + 1} share of calls (%)` : `Tier ${index + 1} escalated to the next tier (%)`;
          // A cascade's last step has nowhere to escalate to.
          const percent = routing.mode === 'cascade' && last ? null : numberField({
            label: percentLabel,
            min: 0,
            max: 100,
            step: 1,
            onChange: (value) => store.update((ui) => (ui.routing.tiers[index].percent = value)),
          });
          return { model, percent };
        });
        list.replaceChildren(...fields.map((field, index) => {
          const remove = button('Remove', () => store.update((ui) => ui.routing.tiers.splice(index, 1)), { secondary: true });
          remove.setAttribute('aria-label', `Remove tier ${index + 1}`);
          const finalStep = element('p', { className: 'note', text: 'Final step: answers every call that reaches it.' });
          return element('li', { className: 'tier' }, [field.model.element, field.percent?.element ?? finalStep, remove]);
        }));
      }
      fields.forEach((field, index) => {
        const tier = routing.tiers[index];
        field.model.set(tier.model);
        field.percent?.set(tier.percent);
      });
    },
  };
}

function showOutcome(view: CallView, outcome: RoutingOutcome, summary: HTMLElement, chart: BarChart, partsBody: HTMLElement, mode: RoutingMode): void {
  if (!outcome.ok) {
    summary.replaceChildren(element('p', { className: 'problem', text: outcome.problem }));
    chart.show({ categories: [], segments: [] });
    partsBody.replaceChildren();
    return;
  }
  const { blended, baseline } = outcome;
  const savingShare = baseline.monthly > 0 ? outcome.monthlySaving / baseline.monthly : 0;
  const savingText = outcome.monthlySaving >= 0
    ? `saves ${formatUsd(outcome.monthlySaving)}/month (${formatPercent(savingShare)})`
    : `costs ${formatUsd(-outcome.monthlySaving)}/month more (${formatPercent(-savingShare)})`;
  summary.replaceChildren(
    metric('Blended per call', formatUsd(blended.perCall), 'blended-per-call'),
    metric('Blended per month', formatUsd(outcome.blendedMonthly), 'blended-per-month'),
    metric(`${baseline.model.id} for all calls`, `${formatUsd(baseline.perCall)} per call · ${formatUsd(baseline.monthly)}/month`, 'baseline'),
    metric('Routing', savingText, 'saving'),
  );
  chart.show({
    categories: [`${baseline.model.id} only`, mode === 'split' ? 'Split' : 'Cascade'],
    segments: [
      { label: `${baseline.model.id} only`, values: [baseline.monthly, null] },
      ...blended.parts.map((part) => ({ label: `${part.model} (${formatPercent(part.share)} of calls)`, values: [null, monthly(part.share * part.perCall, view.callsPerDay)] })),
    ],
  });
  partsBody.replaceChildren(...blended.parts.map((part) => element('tr', {}, [
    element('th', { text: part.model, attributes: { scope: 'row' } }),
    element('td', { className: 'number', text: formatPercent(part.share) }),
    element('td', { className: 'number', text: formatUsd(part.perCall) }),
    element('td', { className: 'number', text: formatUsd(part.share * part.perCall) }),
  ])));
}
