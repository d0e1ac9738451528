import { element } from '../dom';

/** A labelled figure; `name` (data-metric) lets tests and styles find it. */
export function metric(label: string, value: string, name: string, explanation?: string): HTMLElement {
  const children = [element('span', { className: 'metric-label', text: label }), element('span', { className: 'metric-value', text: value })];
  if (explanation) children.push(element('span', { className: 'metric-note', text: explanation }));
  return element('div', { className: 'metric', attributes: { 'data-metric': name } }, children);
}
