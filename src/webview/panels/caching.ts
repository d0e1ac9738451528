import type { ModelPrice } from '../../core/pricing/types';
import { formatTokens, formatUsd } from '../../core/report/format';
import { batchCost, cachedBatchCost, cachingCost, monthly } from '../../core/scenarios';
import { modelsOfCallKind, resolveModel, type CallView } from '../call-view';
import { BarChart } from '../charts/bar-chart';
import { numberField, selectField } from '../controls';
import { radioGroup } from '../controls-radio';
import { element, uniqueId } from '../dom';
import { formatPercent } from '../text-format';
import { metric } from './metric';
import type { Panel, PanelContext } from './panel';

/** Prompt caching (hit rate, TTL) and the Batch API, alone and together, for one model. */
export function createCachingPanel(context: PanelContext): Panel {
  const { store } = context;
  const model = selectField('Model', (value) => store.update((ui) => (ui.caching.model = value)));
  const hitRate = hitRateSlider((percent) => store.update((ui) => (ui.caching.hitRatePercent = percent)));
  const ttl = radioGroup(
    'Cache lifetime (TTL)',
    [
      { value: '5m', text: '5 minutes' },
      { value: '1h', text: '1 hour' },
    ],
    (value) => store.update((ui) => (ui.caching.ttl = value === '1h' ? '1h' : '5m')),
  );
  const ttlNote = element('p', { className: 'note' });
  const prefix = numberField({ label: 'Static prefix tokens', min: 0, step: 1, onChange: (value) => store.update((ui) => (ui.blank.cacheablePrefixTokens = value)) });
  const prefixNote = element('p', { className: 'note' });
  const summary = element('div', { className: 'summary', attributes: { 'aria-live': 'polite' } });
  const chart = new BarChart({ title: 'Monthly cost with caching and batching', formatValue: formatUsd });
  const root = element('section', { className: 'panel-body' }, [
    element('div', { className: 'field-row' }, [model.element, hitRate.element]),
    ttl.element,
    ttlNote,
    prefix.element,
    prefixNote,
    summary,
    chart.element,
  ]);

  return {
    element: root,
    render(view) {
      const ui = store.state;
      const current = view.currentModel ? [{ value: '', text: `The call’s model (${view.currentModel.id})` }] : [];
      model.setOptions([...current, ...modelsOfCallKind(view).map((entry) => ({ value: entry.id, text: entry.id }))]);
      const chosen = resolveModel(view, ui.caching.model);
      model.set(ui.caching.model || (view.currentModel ? '' : (chosen?.id ?? '')));
      hitRate.set(ui.caching.hitRatePercent);
      ttl.set(ui.caching.ttl);
      prefix.element.hidden = view.call !== null;
      prefix.set(ui.blank.cacheablePrefixTokens);
      prefixNote.textContent = view.call
        ? `Static prefix: ${formatTokens(view.tokens.cacheablePrefix)} tokens, the prompt text before its first dynamic part (a prompt cache can serve it).`
        : 'The prompt’s fixed start, which a prompt cache can serve.';
      if (!chosen) {
        summary.replaceChildren(element('p', { className: 'problem', text: 'There are no models to price.' }));
        return;
      }
      showTtlChoice(chosen, ttl, ttlNote);
      showCosts(view, chosen, { hitRate: ui.caching.hitRatePercent / 100, ttl: ui.caching.ttl }, summary, chart);
    },
  };
}

function hitRateSlider(onChange: (percent: number) => void): { element: HTMLElement; set(percent: number): void } {
  const id = uniqueId('hit-rate');
  const slider = element('input', { attributes: { id, type: 'range', min: '0', max: '100', step: '1' } });
  const shown = element('output', { attributes: { for: id } });
  slider.addEventListener('input', () => onChange(Number(slider.value)));
  return {
    element: element('div', { className: 'field slider' }, [element('label', { text: 'Cache hit rate', attributes: { for: id } }), slider, shown]),
    set(percent) {
      slider.value = String(percent);
      slider.setAttribute('aria-valuetext', `${percent}%`);
      shown.textContent = `${percent}%`;
    },
  };
}

/** TTLs matter only where the provider charges cache writes; a 1-hour price falls back to the 5-minute one. */
function showTtlChoice(model: ModelPrice, ttl: ReturnType<typeof radioGroup>, note: HTMLElement): void {
  const charged = model.cacheWrite5mPerMTok !== undefined || model.cacheWrite1hPerMTok !== undefined;
  ttl.element.hidden = !charged;
  note.textContent = charged
    ? `Cache writes: ${writePrices(model)} per 1M tokens; reads ${model.cachedInputPerMTok === undefined ? 'not priced' : formatUsd(model.cachedInputPerMTok)}.`
    : `${model.id} does not charge cache writes: a miss is billed as ordinary input, so the TTL does not change the cost.`;
}

function writePrices(model: ModelPrice): string {
  const prices = [
    model.cacheWrite5mPerMTok === undefined ? null : `${formatUsd(model.cacheWrite5mPerMTok)} (5 min)`,
    model.cacheWrite1hPerMTok === undefined ? null : `${formatUsd(model.cacheWrite1hPerMTok)} (1 hour)`,
  ];
  return prices.filter((price) => price !== null).join(', ');
}

function showCosts(view: CallView, model: ModelPrice, scenario: { hitRate: number; ttl: '5m' | '1h' }, summary: HTMLElement, chart: BarChart): void {
  const cached = cachingCost(view.tokens, model, scenario);
  const batch = batchCost(view.tokens, model);
  const both = cachedBatchCost(view.tokens, model, scenario);
  const perMonth = (perCall: number | null): number | null => (perCall === null ? null : monthly(perCall, view.callsPerDay));
  const figure = (perCall: number | null): string => {
    if (perCall === null) return 'not available';
    const saving = cached.withoutCaching - perCall;
    const versus = saving === 0 ? '' : ` · ${saving > 0 ? 'saves' : 'costs'} ${formatPercent(Math.abs(saving) / cached.withoutCaching)}${saving > 0 ? '' : ' more'}`;
    return `${formatUsd(perCall)} per call · ${formatUsd(perMonth(perCall))}/month${versus}`;
  };
  const cachedPerCall = cached.applies ? cached.perCall : null;
  summary.replaceChildren(
    metric('Without caching', figure(cached.withoutCaching), 'without-caching'),
    metric('With caching', figure(cachedPerCall), 'with-caching', cached.reason),
    metric('Batch API', figure(batch.perCall), 'with-batch', batch.reason),
    metric('Caching + batch', figure(both), 'with-both', both === null ? batch.reason : cached.reason),
  );
  chart.show({
    categories: ['Without caching', 'With caching', 'Batch API', 'Caching + batch'],
    segments: [{ label: 'Monthly cost', values: [cached.withoutCaching, cachedPerCall, batch.perCall, both].map(perMonth) }],
  });
}
