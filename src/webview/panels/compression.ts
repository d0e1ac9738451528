import { diffLines, diffWords, type Change } from 'diff';
import { formatTokens, formatUsd } from '../../core/report/format';
import { resolveModel, type CallView } from '../call-view';
import { previewCompression, type CompressionPreview } from '../compression-preview';
import { button, checkbox } from '../controls';
import { element } from '../dom';
import { formatPercent } from '../text-format';
import { metric } from './metric';
import type { Panel, PanelContext } from './panel';

/** Word diffs of very long prompts can take long; past this the diff falls back to whole lines. */
const WORD_DIFF_TIMEOUT_MS = 150;

/**
 * The prompt's static text, compressed by the engine's deterministic rules,
 * side by side with the original. Dynamic parts show as `{name}` chips and are
 * never changed. "Apply" asks the extension to rewrite the literals.
 */
export function createCompressionPanel(context: PanelContext): Panel {
  const { store } = context;
  const removeExamples = checkbox('Remove examples (few-shot sections, “For example, …” sentences)', (checked) =>
    store.update((ui) => (ui.compression.removeExamples = checked)),
  );
  const apply = button('Apply to the code', () => context.post({ type: 'applyCompression', options: { removeExamples: store.state.compression.removeExamples } }));
  const notEditable = element('p', { className: 'note', text: 'This prompt is not written as plain literals, so the panel cannot rewrite it: copy the text from the preview.' });
  const summary = element('div', { className: 'summary', attributes: { 'aria-live': 'polite' } });
  const steps = element('ul', { className: 'steps' });
  const original = element('div', { className: 'prompt-text', attributes: { 'aria-label': 'Original prompt' } });
  const compressed = element('div', { className: 'prompt-text', attributes: { 'aria-label': 'Compressed prompt' } });
  const diff = element('div', { className: 'diff' }, [
    element('div', {}, [element('h3', { text: 'Original' }), original]),
    element('div', {}, [element('h3', { text: 'Compressed' }), compressed]),
  ]);
  const content = element('div', {}, [element('div', { className: 'field-row' }, [removeExamples.element, apply]), notEditable, summary, steps, diff]);
  const empty = element('p', { className: 'note' });
  const root = element('section', { className: 'panel-body' }, [empty, content]);

  return {
    element: root,
    render(view) {
      const call = view.call;
      const hasText = call?.prompt.some((part) => part.kind === 'static' && part.text.trim() !== '') ?? false;
      content.hidden = !call || !hasText;
      empty.hidden = !content.hidden;
      empty.textContent = call ? 'The call’s prompt has no static text to compress.' : 'Open the panel from a call in the code to compress its prompt.';
      if (!call || !hasText) return;
      const options = { removeExamples: store.state.compression.removeExamples };
      removeExamples.set(options.removeExamples);
      const model = resolveModel(view, '');
      const preview = previewCompression(view, call, options, model);
      apply.hidden = !call.promptEditable;
      apply.disabled = preview.steps.length === 0;
      notEditable.hidden = call.promptEditable;
      showSummary(preview, view, model?.id, summary);
      steps.replaceChildren(...preview.steps.map((step) => element('li', { text: `${step.description} (${formatTokens(step.removedChars)} ${step.removedChars === 1 ? 'character' : 'characters'})` })));
      showDiff(preview, original, compressed);
    },
  };
}

function showSummary(preview: CompressionPreview, view: CallView, modelId: string | undefined, summary: HTMLElement): void {
  if (preview.steps.length === 0) {
    summary.replaceChildren(element('p', { text: 'Nothing to compress: the prompt is already tight.' }));
    return;
  }
  const priced = modelId ? `at ${modelId}’s prices, ${formatTokens(view.callsPerDay)} calls a day` : 'no model to price with';
  summary.replaceChildren(
    metric('Static text removed', formatPercent(preview.removedShare), 'removed-share'),
    metric('Tokens saved per call', `≈${formatTokens(preview.savedTokensPerCall)}`, 'saved-tokens'),
    metric('Saved per call', formatUsd(preview.savedPerCall), 'saved-per-call', priced),
    metric('Saved per month', formatUsd(preview.savedPerMonth), 'saved-per-month'),
  );
}

/** Both columns follow the prompt's parts; each static part is diffed on its own. */
function showDiff(preview: CompressionPreview, original: HTMLElement, compressed: HTMLElement): void {
  const left: Node[] = [];
  const right: Node[] = [];
  preview.original.forEach((part, index) => {
    if (part.kind === 'dynamic') {
      left.push(chip(part.name));
      right.push(chip(part.name));
      return;
    }
    // compressParts keeps every part's kind, so this is the static part's new text.
    const after = preview.compressed[index];
    const text = after.kind === 'static' ? after.text : part.text;
    for (const change of textChanges(part.text, text)) {
      if (!change.added) left.push(change.removed ? element('del', { text: change.value }) : document.createTextNode(change.value));
      if (!change.removed) right.push(change.added ? element('ins', { text: change.value }) : document.createTextNode(change.value));
    }
  });
  original.replaceChildren(...left);
  compressed.replaceChildren(...right);
}

function textChanges(before: string, after: string): Change[] {
  if (before === after) return [{ value: before, added: false, removed: false, count: 1 }];
  return diffWords(before, after, { timeout: WORD_DIFF_TIMEOUT_MS }) ?? diffLines(before, after);
}

function chip(name: string): HTMLElement {
  return element('span', { className: 'chip', text: `{${name}}`, attributes: { title: 'Dynamic part: filled in at run time, never changed' } });
}
