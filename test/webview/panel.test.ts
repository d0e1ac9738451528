import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import type { HostMessage } from '../../src/webview/protocol';
import { CALL, HOSTILE_LOCATION, HOSTILE_MODEL_ID, HOSTILE_PROMPT_LINE, STATE } from './fixture';
import { buildWebview, RESULTS_DIR, startHarness, type Harness } from './harness';

/** The panel in headless Chromium under the host's CSP, driven like a user would. */

interface PageRecord {
  posted: unknown[];
  cspViolations: string[];
}

let harness: Harness;
let page: Page;
const dialogs: string[] = [];
const pageErrors: string[] = [];

async function send(message: unknown): Promise<void> {
  await page.evaluate((data) => window.postMessage(data, '*'), message);
}

async function posted(): Promise<unknown[]> {
  return page.evaluate(() => (window as unknown as PageRecord).posted);
}

function panel(name: string): Locator {
  return page.locator(`vscode-tab-panel[data-tab="${name}"]`);
}

async function openTab(name: string): Promise<Locator> {
  await page.locator(`vscode-tab-header[data-tab="${name}"]`).click();
  await panel(name).waitFor({ state: 'visible' });
  return panel(name);
}

function metric(scope: Locator, name: string): Locator {
  return scope.locator(`[data-metric="${name}"] .metric-value`);
}

async function screenshot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(RESULTS_DIR, `webview-${name}.png`), fullPage: true });
}

async function load(state: HostMessage = { type: 'state', state: STATE }): Promise<void> {
  await page.goto(harness.origin);
  await send(state);
  await page.getByText('gpt-4o-mini', { exact: true }).first().waitFor();
}

describe('comparison panel (webview)', () => {
  before(async () => {
    buildWebview();
    harness = await startHarness();
    page = harness.page;
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    await load();
  });

  after(async () => {
    await harness?.close();
  });

  test('says ready and lists every model that fits, cheapest first', async () => {
    const messages = await posted();
    assert.deepEqual(messages.slice(0, 2), [{ type: 'ready' }, { type: 'followCursor', follow: true }]);
    const compare = panel('compare');
    const names = await compare.locator('tbody .model-name').allTextContents();
    assert.equal(names[0], 'mistral-small-latest');
    assert.ok(names.includes('gemini-2.5-pro') && names.includes('claude-opus-4-1'));
    assert.ok(!names.includes('gpt-3.5-turbo-0613'), 'a 3,072-token window cannot hold 2,600 in + 900 out');
    assert.ok(!names.includes('text-embedding-3-small'), 'embedding models are not compared with a chat call');
    // gpt-4o: 2,600 × $2.50/M + 450 × $10/M = $0.011 per call; × 5,000 × 30 = $1,650 a month.
    const gpt4o = compare.locator('tbody tr.current');
    await assert.doesNotReject(gpt4o.getByText('$0.011', { exact: true }).waitFor());
    await assert.doesNotReject(gpt4o.getByText('$1,650', { exact: true }).waitFor());
    assert.ok(await compare.getByText('1 more model is left out').isVisible());
    await screenshot('compare');
  });

  test('selecting a model posts selectModel', async () => {
    await panel('compare').getByRole('button', { name: 'Use gpt-4o-mini for this call' }).click();
    assert.deepEqual((await posted()).at(-1), { type: 'selectModel', model: 'gpt-4o-mini' });
  });

  test('filters by provider and tier', async () => {
    const compare = panel('compare');
    await compare.getByRole('combobox', { name: 'Provider' }).selectOption('anthropic');
    assert.deepEqual(await compare.locator('tbody .model-name').allTextContents(), ['claude-haiku-4-5', 'claude-sonnet-4-6', 'claude-opus-4-1']);
    await compare.getByRole('combobox', { name: 'Tier' }).selectOption('frontier');
    assert.deepEqual(await compare.locator('tbody .model-name').allTextContents(), ['claude-opus-4-1']);
    await compare.getByRole('combobox', { name: 'Provider' }).selectOption('');
    await compare.getByRole('combobox', { name: 'Tier' }).selectOption('');
  });

  test('keyboard moves between tabs, and the tab survives a reload', async () => {
    await page.locator('vscode-tab-header[data-tab="compare"]').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await panel('routing').waitFor({ state: 'visible' });
    assert.ok(await panel('compare').isHidden());
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await panel('compare').waitFor({ state: 'visible' });
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await panel('compression').waitFor({ state: 'visible' });
    // VS Code reloads a hidden webview; its saved state brings the tab back before the host answers.
    await page.reload();
    await panel('compression').waitFor({ state: 'visible' });
    await page.getByText('Original', { exact: true }).waitFor();
  });

  test('routing: changing a share updates the blended cost', async () => {
    const routing = await openTab('routing');
    await routing.getByRole('combobox', { name: 'Tier 1 model' }).selectOption('mistral-small-latest');
    await routing.getByRole('combobox', { name: 'Tier 2 model' }).selectOption('gpt-4o');
    await routing.getByRole('spinbutton', { name: 'Tier 1 share of calls (%)' }).fill('80');
    await routing.getByText('The shares add up to 110%; a split needs them to add up to 100%.').waitFor();
    await routing.getByRole('spinbutton', { name: 'Tier 2 share of calls (%)' }).fill('20');
    // mistral-small: 2,600 × 0.06 + 450 × 0.18 = $0.000237; gpt-4o $0.011.
    // 0.8 × 0.000237 + 0.2 × 0.011 = $0.0023896 per call; × 150,000 calls = $358.44 a month.
    assert.equal(await metric(routing, 'blended-per-call').textContent(), '$0.00239');
    assert.equal(await metric(routing, 'blended-per-month').textContent(), '$358.44');
    // Against gpt-4o for all calls ($1,650): saves $1,291.56, 78%.
    assert.equal(await metric(routing, 'saving').textContent(), 'saves $1,292/month (78%)');
    await screenshot('routing');
  });

  test('routing: a cascade, and saving and loading scenarios', async () => {
    const routing = panel('routing');
    await routing.getByRole('radio', { name: /Cascade/ }).click();
    await routing.getByRole('spinbutton', { name: 'Tier 1 escalated to the next tier (%)' }).fill('30');
    // Every call pays mistral ($0.000237); 30% also pay gpt-4o: 0.000237 + 0.3 × 0.011 = $0.003537.
    assert.equal(await metric(routing, 'blended-per-call').textContent(), '$0.00354');
    await routing.getByRole('textbox', { name: 'Scenario name' }).fill('Mistral then 4o');
    await routing.getByRole('button', { name: 'Save scenario' }).click();
    assert.deepEqual((await posted()).at(-1), {
      type: 'saveScenario',
      scenario: { name: 'Mistral then 4o', mode: 'cascade', tiers: [{ model: 'mistral-small-latest', share: 0.3 }, { model: 'gpt-4o', share: 0 }] },
    });
    await routing.getByRole('combobox', { name: 'Saved scenarios' }).selectOption({ label: 'Nano first (cascade, 2 tiers)' });
    await routing.getByRole('button', { name: 'Load' }).click();
    assert.equal(await routing.getByRole('combobox', { name: 'Tier 1 model' }).inputValue(), 'gpt-4.1-nano');
    assert.equal(await routing.getByRole('spinbutton', { name: 'Tier 1 escalated to the next tier (%)' }).inputValue(), '25');
  });

  test('caching: the hit rate slider changes the cached cost', async () => {
    const caching = await openTab('caching');
    const slider = caching.getByRole('slider', { name: 'Cache hit rate' });
    await slider.focus();
    await page.keyboard.press('Home');
    for (let step = 0; step < 40; step++) await page.keyboard.press('ArrowRight');
    assert.equal(await caching.locator('output').textContent(), '40%');
    // gpt-4o, 1,800-token prefix: rest 800 × 2.5 + 450 × 10 = $0.0065; hits read at 1.25, misses
    // pay full input (no write price): 0.0065 + 0.4 × 0.00225 + 0.6 × 0.0045 = $0.0101 per call.
    assert.equal(await metric(caching, 'with-caching').textContent(), '$0.0101 per call · $1,515/month · saves 8.2%');
    // Batch: 2,600 × 1.25 + 450 × 5 = $0.0055, half price.
    assert.equal(await metric(caching, 'with-batch').textContent(), '$0.0055 per call · $825/month · saves 50%');
    await caching.getByRole('combobox', { name: 'Model' }).selectOption('claude-sonnet-4-6');
    await caching.getByRole('radio', { name: '1 hour' }).click();
    assert.equal(await metric(caching, 'with-caching').textContent(), 'not available');
    assert.equal(
      await caching.locator('[data-metric="with-caching"] .metric-note').textContent(),
      "the 1800-token static prefix is below claude-sonnet-4-6's 2048-token caching minimum",
    );
    await caching.getByRole('combobox', { name: 'Model' }).selectOption('');
    await screenshot('caching');
  });

  test('compression: remove examples, preview, apply', async () => {
    const compression = await openTab('compression');
    const before = await metric(compression, 'removed-share').textContent();
    await compression.locator('vscode-checkbox').click();
    assert.ok(await compression.getByRole('checkbox', { name: /Remove examples/ }).isChecked());
    await compression.getByText(/Removed example/).first().waitFor();
    assert.notEqual(await metric(compression, 'removed-share').textContent(), before);
    assert.ok(await compression.locator('del', { hasText: 'How do I reset my password?' }).count() > 0, 'the removed example is struck out in the original');
    assert.equal(await compression.locator('.chip').first().textContent(), '{question}');
    await compression.getByRole('button', { name: 'Apply to the code' }).click();
    assert.deepEqual((await posted()).at(-1), { type: 'applyCompression', options: { removeExamples: true } });
    await send({ type: 'applied', what: 'compression', ok: true, detail: 'Compressed 2 prompt literals in app/support_bot.py' });
    await page.getByRole('status').getByText('Compressed 2 prompt literals in app/support_bot.py').waitFor();
    await screenshot('compression');
  });

  test('text from the code stays text: no script runs, no element is made from it', async () => {
    const compression = await openTab('compression');
    assert.ok((await compression.locator('.prompt-text').first().textContent())?.includes(HOSTILE_PROMPT_LINE));
    assert.ok(await page.getByText(HOSTILE_LOCATION).isVisible());
    const compare = await openTab('compare');
    assert.ok(await compare.getByText(HOSTILE_MODEL_ID, { exact: true }).first().isVisible());
    const created = await page.evaluate(() => ({
      scripts: [...document.querySelectorAll('script')].map((script) => script.src),
      images: document.querySelectorAll('img').length,
      bold: document.querySelectorAll('b').length,
    }));
    assert.deepEqual(created, { scripts: [`${harness.origin}/media/panel.js`], images: 0, bold: 0 });
    assert.deepEqual(dialogs, []);
  });

  test('malformed messages are ignored', async () => {
    await send({ type: 'state', state: { ...STATE, call: { ...CALL, inputTokens: -5, model: 'claude-opus-4-1' } } });
    await send({ type: 'state', state: { ...STATE, models: [{ id: 'x', provider: 'y', mode: 'chat', inputPerMTok: '1', outputPerMTok: 1, tier: 'small' }] } });
    await send({ type: 'state' });
    await send({ type: 'applied', what: 'everything', ok: true, detail: 'no' });
    await send('state');
    const compare = panel('compare');
    assert.equal(await compare.locator('tbody tr.current .model-name').textContent(), 'gpt-4o');
    assert.equal(await page.getByRole('status').textContent(), 'Compressed 2 prompt literals in app/support_bot.py');
  });

  test('a blank scenario takes typed tokens and traffic', async () => {
    await send({ type: 'state', state: { ...STATE, call: null } });
    await page.getByText('Blank scenario', { exact: false }).waitFor();
    await page.getByRole('spinbutton', { name: 'Input tokens' }).fill('10000');
    await page.getByRole('spinbutton', { name: 'Output tokens' }).fill('1000');
    await page.getByRole('spinbutton', { name: 'Calls per day' }).fill('100');
    // gpt-4o: 10,000 × 2.5 + 1,000 × 10 = $0.035 per call; × 3,000 calls = $105 a month.
    const row = panel('compare').locator('tbody tr', { has: page.getByText('gpt-4o', { exact: true }) });
    await row.getByText('$0.035', { exact: true }).waitFor();
    assert.ok(await row.getByText('$105', { exact: true }).isVisible());
    assert.equal(await panel('compare').getByRole('button', { name: /^Use / }).count(), 0, 'a blank scenario has no code to change');
    await screenshot('blank');
    await load();
  });

  test('the page breaks no CSP rule and logs no error', async () => {
    assert.deepEqual(await page.evaluate(() => (window as unknown as PageRecord).cspViolations), []);
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(dialogs, []);
  });
});
