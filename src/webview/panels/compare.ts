import type { ModelTier } from '../../core/pricing/types';
import { formatTokens, formatUsd } from '../../core/report/format';
import type { CallView } from '../call-view';
import { BarChart } from '../charts/bar-chart';
import { compareModels, type CompareRow } from '../compare-rows';
import { button, selectField } from '../controls';
import { element } from '../dom';
import { formatPercent, formatWindow } from '../text-format';
import type { Panel, PanelContext } from './panel';

/** Bars in the chart: the cheapest models, plus the call's own model wherever it ranks. */
const CHART_MODELS = 10;

const TIER_OPTIONS = [
  { value: '', text: 'All tiers' },
  { value: 'frontier', text: 'Frontier' },
  { value: 'mid', text: 'Mid' },
  { value: 'small', text: 'Small' },
];

const COLUMNS = ['Model', 'Input tokens', 'Output tokens', 'Per call', 'Per month', 'With cache', 'With batch', 'Context', 'Prices as of', ''];

export function createComparePanel(context: PanelContext): Panel {
  const { store } = context;
  const provider = selectField('Provider', (value) => store.update((ui) => (ui.compare.provider = value)));
  const tier = selectField('Tier', (value) => store.update((ui) => (ui.compare.tier = value as ModelTier | '')));
  tier.setOptions(TIER_OPTIONS);
  const note = element('p', { className: 'note' });
  const chart = new BarChart({ title: 'Monthly cost by model', formatValue: formatUsd });
  const body = element('tbody');
  const table = element('table', { className: 'data-table' }, [
    element('caption', { className: 'visually-hidden', text: 'Models that fit the call, cheapest first' }),
    element('thead', {}, [element('tr', {}, COLUMNS.map((name) => element('th', { text: name, attributes: { scope: 'col' } })))]),
    body,
  ]);
  const hidden = element('p', { className: 'note' });
  const root = element('section', { className: 'panel-body' }, [
    element('div', { className: 'field-row' }, [provider.element, tier.element]),
    note,
    chart.element,
    element('div', { className: 'table-scroll' }, [table]),
    hidden,
  ]);

  return {
    element: root,
    render(view) {
      const ui = store.state;
      const providers = [...new Set(view.host.models.map((model) => model.provider))].sort();
      provider.setOptions([{ value: '', text: 'All providers' }, ...providers.map((name) => ({ value: name, text: name }))]);
      provider.set(ui.compare.provider);
      tier.set(ui.compare.tier);
      const caching = { hitRate: ui.caching.hitRatePercent / 100, ttl: ui.caching.ttl };
      const { rows, tooSmall } = compareModels(view, ui.compare, caching);
      note.textContent = tokenNote(view);
      chart.show(chartData(rows));
      body.replaceChildren(...rows.map((row) => tableRow(row, view, context)));
      if (rows.length === 0) body.append(element('tr', {}, [element('td', { text: 'No model matches these filters.', attributes: { colspan: String(COLUMNS.length) } })]));
      hidden.textContent = tooSmall > 0 ? `${tooSmall} more ${tooSmall === 1 ? 'model is' : 'models are'} left out: the call does not fit their context window or output limit.` : '';
    },
  };
}

function tokenNote(view: CallView): string {
  const traffic = `Monthly: ${formatTokens(view.callsPerDay)} calls a day × 30. With cache: the hit rate and TTL from the Caching tab.`;
  if (!view.call) return `Tokens as typed above. ${traffic}`;
  const counter = view.call.model ?? 'the call’s model';
  return `Tokens are counted with ${counter}’s tokenizer, so other models’ counts are estimates (≈). ${traffic}`;
}

function chartData(rows: CompareRow[]): { categories: string[]; segments: { label: string; values: (number | null)[] }[] } {
  const shown = rows.slice(0, CHART_MODELS);
  const current = rows.find((row) => row.isCurrent);
  if (current && !shown.includes(current)) shown.push(current);
  return {
    categories: shown.map((row) => row.model.id),
    segments: [
      { label: 'Other models', values: shown.map((row) => (row.isCurrent ? null : row.perMonth)) },
      { label: 'The call’s model', values: shown.map((row) => (row.isCurrent ? row.perMonth : null)) },
    ],
  };
}

function tableRow(row: CompareRow, view: CallView, context: PanelContext): HTMLTableRowElement {
  const mark = row.approximate ? '≈' : '';
  const name = element('th', { attributes: { scope: 'row' } }, [
    element('span', { className: 'model-name', text: row.model.id }),
    element('span', { className: 'model-meta', text: `${row.model.provider} · ${row.model.tier}` }),
  ]);
  const cells = [
    name,
    numberCell(`${mark}${formatTokens(view.tokens.input)}`),
    numberCell(`${mark}${formatTokens(view.tokens.output)}`),
    numberCell(formatUsd(row.perCall)),
    numberCell(formatUsd(row.perMonth)),
    numberCell(row.withCache === null ? '—' : formatUsd(row.withCache), row.cacheNote),
    numberCell(row.withBatch === null ? '—' : formatUsd(row.withBatch), row.batchNote),
    numberCell(row.contextUse === null ? 'window unknown' : `${formatPercent(row.contextUse)} of ${formatWindow(row.model.contextWindow ?? 0)}`),
    element('td', { text: row.pricesAsOf }),
    element('td', {}, [selectCell(row, view, context)]),
  ];
  return element('tr', { className: row.isCurrent ? 'current' : '' }, cells);
}

function numberCell(text: string, explanation?: string): HTMLTableCellElement {
  const cell = element('td', { className: 'number', text });
  if (explanation) cell.title = explanation;
  return cell;
}

function selectCell(row: CompareRow, view: CallView, context: PanelContext): Node {
  if (row.isCurrent) return element('span', { className: 'badge', text: 'current' });
  if (!view.call?.modelEditable) return document.createTextNode('');
  const use = button('Use', () => context.post({ type: 'selectModel', model: row.model.id }), { secondary: true });
  use.setAttribute('aria-label', `Use ${row.model.id} for this call`);
  return use;
}
