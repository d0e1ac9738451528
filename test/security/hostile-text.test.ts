import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Marked } from 'marked';
import type { PromptFileReader } from '../../src/core/analyze/prompts';
import { DEFAULT_CONFIG, resolveConfig, type PromptmeterConfig } from '../../src/core/config/config';
import { estimateCall, type CallEstimate } from '../../src/core/estimate/estimate';
import type { LlmCall } from '../../src/core/model';
import { buildReport, reportMarkdown, reportSarif, type CostReport } from '../../src/core/report';
import { breakdownMarkdown, callHeadline, promptPartMarkdown } from '../../src/core/report/describe';
import { diffReports } from '../../src/core/report/diff';
import { diffMarkdown } from '../../src/core/report/diff-markdown';
import { codiconSafe, htmlText, markdownCode, markdownText, sarifText } from '../../src/core/report/escape';
import { fileHref } from '../../src/core/report/summary';
import { docsUrl } from '../../src/core/rules/rule';
import { createWorkspace, TOOL, type TestWorkspace } from '../core/report/workspace';
import { testEngine, testEstimateContext } from '../support/engine';

/**
 * Text a hostile repository writes into its code, where Promptmeter shows it:
 * breaking out of a code span (one backtick and a run of three), an image that
 * fetches a URL, a command link, HTML, bare URLs and an autolink, a table pipe.
 */
const HOSTILE =
  'gpt-4o` ![p](https://example.test/pixel.png) ``` [x](command:workbench.action.terminal.new) <img src=https://example.test/a.png> <script>alert(1)</script> https://example.test/auto www.example.test <https://example.test/x> a|b';
/** The same for a file name, which cannot hold a `/`. */
const HOSTILE_FILE = 'w` ![p](pixel.png) ``` [x](command:workbench.action.terminal.new) <img src=a.png> <script> www.example.test.ts';

/** VS Code renders a MarkdownString with marked, GFM on. */
const vscodeMarked = new Marked({ gfm: true });
const render = (markdown: string): string => vscodeMarked.parse(markdown, { async: false });
const MARKDOWN_TAGS = new Set(['p', 'code', 'strong', 'em', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'br']);

function tags(html: string): { name: string; attributes: string }[] {
  return [...html.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)].map(([, name, attributes]) => ({ name: name!.toLowerCase(), attributes: attributes!.trim() }));
}

/** What the reader sees: the tags dropped, entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&amp;/g, '&');
}

/** Only the tags Markdown makes of its own syntax (a table column's alignment included); no image, link or HTML from the text. */
function assertInert(markdown: string, visible: readonly string[]): void {
  const html = render(markdown);
  assert.doesNotMatch(html, /<img|<a[\s>]|<script|<https?:/i, html);
  for (const tag of tags(html)) {
    assert.ok(MARKDOWN_TAGS.has(tag.name), `<${tag.name}> in ${html}`);
    assert.match(tag.attributes, /^(?:align="(?:left|right|center)")?$/, html);
  }
  const text = visibleText(html);
  for (const expected of visible) assert.ok(text.includes(expected), `${JSON.stringify(expected)} not visible in ${text}`);
}

describe('the escape functions', () => {
  it('markdownText: literal text, whatever markup or URL it spells', () => {
    for (const text of [HOSTILE, '*a* _b_ ~c~ `d` \\e &amp; #f snake_case_name', 'x@example.test WWW.example.test ftp://example.test', '- item', '12. item', '  + item', 'a\\|b']) {
      // A paragraph and a table cell drop the spaces at their edges.
      assertInert(markdownText(text), [text.trim()]);
      assertInert(`| cell |\n| --- |\n| ${markdownText(text)} |`, [text.trim()]);
    }
    assert.equal(markdownText('line\r\none\ntwo'), 'line one two');
    assert.equal(markdownText('max_tokens o200k_base'), 'max_tokens o200k_base', 'an underscore inside a word starts nothing and stays as written');
    assert.equal(markdownText('.'), '.');
  });

  it('markdownCode: one code span that holds any backtick run, inline and in a table cell', () => {
    for (const text of ['`', '``', '```x```', '` edge `', ' spaced ', 'a|b', 'a\\|b', HOSTILE]) {
      for (const tableCell of [false, true]) {
        const span = markdownCode(text, { tableCell });
        const markdown = tableCell ? `| h |\n| --- |\n| ${span} |` : span;
        assertInert(markdown, [text]);
        const spans = [...render(markdown).matchAll(/<code>(.*?)<\/code>/g)].map(([, inner]) => visibleText(inner!));
        // Before a pipe a backslash cannot be kept in a span of a table cell: the text is escaped plain text there.
        assert.deepEqual(spans, tableCell && text.includes('\\|') ? [] : [text], markdown);
      }
    }
    assert.equal(markdownCode('a`b'), '``a`b``');
    assert.equal(markdownCode('`a'), '`` `a ``');
    assert.equal(markdownCode(' a '), '`  a  `', 'edge spaces survive CommonMark stripping one from each end');
    assert.equal(markdownCode(' a'), '` a`');
    assert.equal(markdownCode('a|b', { tableCell: true }), '`a\\|b`');
    assert.equal(markdownCode('a\nb'), '`a b`');
  });

  it('htmlText, sarifText and codiconSafe', () => {
    assert.equal(htmlText(`<img src="x" alt='y'>&`), '&#60;img src=&#34;x&#34; alt=&#39;y&#39;&#62;&#38;');
    assert.equal(sarifText('see [x](1) and \\[y\\]'), 'see \\[x\\](1) and \\\\\\[y\\\\\\]');
    assert.equal(codiconSafe('$(alert) costs $(sync~spin) $5 $(not an icon)'), '\\$(alert) costs \\$(sync~spin) $5 $(not an icon)');
    assert.equal(codiconSafe('\\$(alert)'), '\\\\$(alert)', 'a backslash already there shows too');
  });
});

describe('the hover of a call from a hostile repository', () => {
  let calls: { call: LlmCall; estimate: CallEstimate }[];

  before(async () => {
    const engine = testEngine();
    await engine.prepare('typescript');
    const source = [
      "import OpenAI from 'openai';",
      "import * as fs from 'node:fs';",
      'const client = new OpenAI();',
      `client.chat.completions.create({ model: '${HOSTILE}', max_tokens: 5, messages: [`,
      `  { role: 'system', content: fs.readFileSync('../${HOSTILE}.txt', 'utf8') },`,
      `  { role: 'user', content: \`Summarise \${docs['${HOSTILE}']}\` },`,
      '] });',
    ].join('\n');
    // The prompt file is outside the workspace: refused, as the workspace reader refuses it.
    const readPromptFile: PromptFileReader = () => ({ ok: false, reason: 'outside the workspace, not read' });
    const [call] = engine.analyzeLoaded(source, 'typescript', { readPromptFile }).calls;
    assert.equal(call?.model, HOSTILE);
    const priced: PromptmeterConfig = resolveConfig([{ pricing: { models: { [HOSTILE]: { provider: 'openai', mode: 'chat', inputPerMTok: 1, outputPerMTok: 2 } } } }]);
    const unpriced = estimateCall(call, testEstimateContext(DEFAULT_CONFIG));
    const withPrice = estimateCall(call, testEstimateContext(priced));
    // The hostile text is where a repository can put it: slot names, the refused file's name, the price list's id.
    assert.deepEqual(
      unpriced.input.dynamicSlots.map((slot) => [slot.name, slot.reason]),
      [
        ['readFileSync', `prompt file ../${HOSTILE}.txt: outside the workspace, not read`],
        [HOSTILE, undefined],
      ],
    );
    assert.match(unpriced.cost.unknownReason ?? '', /is not in the price list/);
    assert.equal(withPrice.price?.found && withPrice.price.price.id, HOSTILE);
    calls = [
      { call, estimate: unpriced },
      { call, estimate: withPrice },
      // Names the engine does not take from the code today, escaped all the same.
      { call: { ...call, api: HOSTILE }, estimate: { ...withPrice, cost: { ...withPrice.cost, pricingAsOf: HOSTILE } } },
    ];
  });

  it('renders the breakdown with no image, link or HTML, and shows the names as written', () => {
    for (const { call, estimate } of calls) {
      const markdown = breakdownMarkdown(call, estimate);
      assertInert(markdown, [call.model!, call.api, `prompt file ../${HOSTILE}.txt: outside the workspace, not read`, estimate.cost.pricingAsOf]);
      assert.ok(render(markdown).includes('<table>'), 'the pipe in the slot name does not break the table');
    }
    const [unpriced] = calls;
    assertInert(breakdownMarkdown(unpriced!.call, unpriced!.estimate), [`Cost: unknown, ${unpriced!.estimate.cost.unknownReason}.`]);
  });

  it('renders the prompt-text hover with no image, link or HTML', () => {
    for (const { call, estimate } of calls) {
      assert.ok(estimate.input.parts.length > 0);
      for (const part of estimate.input.parts) assertInert(promptPartMarkdown(call, estimate, part), [call.model!, call.api]);
    }
  });

  it('keeps the CodeLens title free of icons', () => {
    const [{ call, estimate }] = calls;
    const title = codiconSafe(callHeadline({ ...call!, model: `$(alert) ${HOSTILE}` }, estimate!));
    assert.ok(title.startsWith('\\$(alert) gpt-4o`'));
  });
});

describe('reports of a hostile repository', () => {
  let workspace: TestWorkspace;
  let report: CostReport;

  before(async () => {
    workspace = createWorkspace(
      {
        [HOSTILE_FILE]: [
          "import OpenAI from 'openai';",
          'const client = new OpenAI();',
          `client.chat.completions.create({ model: '${HOSTILE}', messages: [{ role: 'user', content: docs }] });`,
          '',
        ].join('\n'),
      },
      DEFAULT_CONFIG,
    );
    report = buildReport(await workspace.scan(), DEFAULT_CONFIG, TOOL);
  });
  after(() => workspace.remove());

  /** Links the report makes itself: rule documentation and the call sites. */
  function ownLinks(): Set<string> {
    const places = [...report.calls, ...report.findings].map((item) => fileHref(item.path, item.line));
    return new Set([...report.findings.map((finding) => docsUrl(finding.ruleId)), ...places]);
  }

  function assertOnlyOwnLinks(markdown: string): void {
    const html = render(markdown);
    assert.doesNotMatch(html, /<img|<script|<https?:/i);
    const allowed = new Set([...MARKDOWN_TAGS, 'a', 'h1', 'h2', 'h3', 'ul', 'li', 'sub']);
    for (const tag of tags(html)) assert.ok(allowed.has(tag.name), `<${tag.name}${tag.attributes}>`);
    const links = [...html.matchAll(/<a ([^>]*)>/g)].map(([, attributes]) => /^href="([^"]*)"$/.exec(attributes!)?.[1]);
    assert.ok(links.length > 0);
    const own = ownLinks();
    for (const href of links) assert.ok(href !== undefined && own.has(visibleText(href)), `a link to ${href}`);
    assert.ok(visibleText(html).includes(HOSTILE), 'the model name shows as written');
  }

  it('the Markdown report links only to rule docs and call sites', () => {
    assert.ok(report.calls.some((call) => call.model === HOSTILE && call.path === HOSTILE_FILE));
    assertOnlyOwnLinks(reportMarkdown(report));
  });

  it('the pull-request comment links to nothing the code wrote', () => {
    const base: CostReport = { ...report, calls: [], findings: [] };
    const markdown = diffMarkdown(diffReports(base, report));
    const html = render(markdown);
    assert.doesNotMatch(html, /<img|<a[\s>]|<script|<https?:/i, html);
    assert.ok(visibleText(html).includes(HOSTILE));
  });

  it('SARIF messages hold no embedded link of the code', () => {
    const sarif = reportSarif(report) as { runs: { results: { message: { text: string } }[] }[] };
    const messages = sarif.runs[0]!.results.map((result) => result.message.text);
    assert.ok(messages.some((text) => text.includes('command:workbench.action.terminal.new')));
    for (const text of messages) assert.doesNotMatch(text.replace(/\\[\\[\]]/g, ''), /[[\]]/, text);
  });
});
