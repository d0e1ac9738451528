import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_CONFIG } from '../../../src/core/config/config';
import { buildReport, reportHtml, reportJson, reportMarkdown, reportText, type CostReport } from '../../../src/core/report';
import { COST_CONFIG, COST_FILES, createWorkspace, HOSTILE_MODEL, TOOL, type TestWorkspace } from './workspace';

describe('report renderers', () => {
  let workspace: TestWorkspace;
  let report: CostReport;

  before(async () => {
    workspace = createWorkspace(COST_FILES, COST_CONFIG);
    report = await workspace.report();
  });
  after(() => workspace.remove());

  describe('text', () => {
    it('shows the totals, groups, costliest calls, findings and assumptions', () => {
      const text = reportText(report);
      assert.match(text, /^Promptmeter cost report\npromptmeter 9\.9\.9 · prices as of \d{4}-\d{2}-\d{2}\n\nCost unknown for 1 of 5 LLM call sites in 3 files; ≈\$330 per month for the other 4\n/);
      assert.match(text, /By model\n\s+calls\s+per month\s+share\n\s+pm-big\s+3\s+\$315\s+95%\n\s+pm-small\s+1\s+\$15\s+5%\n/);
      assert.match(text, /app\/bot\.py:4:25\s+openai chat\.completions\.create\s+pm-big\s+\$0\.05\s+\$150/);
      assert.match(text, /Calls of unknown cost \(not counted\)\n/);
      assert.match(text, /llm-call-in-loop\s+1\s+\$75/);
      assert.match(text, /up to \$75 per month/);
      assert.match(text, /Traffic: 1,000 calls per day/);
      assert.ok(!text.includes('\u001b['), 'no colour unless asked');
      assert.ok(reportText(report, { color: true }).includes('\u001b['));
      const hostile = { ...report, unknownModels: [{ model: 'gpt\u001b]0;pwned\u0007', closest: [], calls: 1 }] };
      assert.ok(reportText(hostile).includes('gpt\uFFFD]0;pwned\uFFFD: 1 call'), 'terminal escapes from the code are not passed through');
    });
  });

  describe('Markdown', () => {
    it('has the tables, the savings caveat and the assumptions', () => {
      const markdown = reportMarkdown(report);
      assert.match(markdown, /^# Promptmeter cost report\n\n\*\*Cost unknown for 1 of 5 LLM call sites in 3 files; ≈\$330 per month for the other 4\.\*\*/);
      for (const title of ['provider', 'model', 'folder', 'file']) {
        assert.ok(markdown.includes(`## By ${title}\n\n| ${title} | calls | per month | share |\n| --- | ---: | ---: | ---: |\n`), title);
      }
      assert.ok(markdown.includes('| pm-big | 3 | $315 | 95% |'));
      assert.ok(markdown.includes('| . | 1 | $15 | 5% |'), 'top-level files are in the folder `.`');
      assert.ok(markdown.includes('| [app/bot.py:4](app/bot.py#L4) | `openai chat.completions.create` | pm-big | $0.05 | $150 |'));
      assert.ok(markdown.includes('## Calls of unknown cost'));
      assert.ok(markdown.includes('| [llm-call-in-loop](https://github.com/promptmeter/promptmeter/blob/main/docs/rules/llm-call-in-loop.md) | 1 | up to $75 |'));
      assert.match(markdown, /## Assumptions\n\n- Traffic: 1,000 calls per day per call site .*×10 inside loops; 30 days a month\.\n- Output: 50% of the output limit, or of 1,024 tokens/);
      assert.match(markdown, /Savings are upper bounds and overlap/);
    });

    it('links with the given function and escapes text from the code', () => {
      const markdown = reportMarkdown(report, { link: (path, line) => `https://example.test/${path}?line=${line}` });
      assert.ok(markdown.includes('[app/bot.py:4](https://example.test/app/bot.py?line=4)'));
      assert.ok(markdown.includes('(https://example.test/web/%3Cimg%20onerror=x%3E.ts?line=3)'), 'a link target stays one');
      assert.ok(!/(?<!\\)<(?:script|img)/.test(markdown), 'no raw markup from the code or a path');
      assert.ok(markdown.includes('\\<script\\>alert("model")\\</script\\>'));
    });
  });

  describe('HTML', () => {
    it('is one self-contained page: no script, no external URL, no inline style attribute', () => {
      const html = reportHtml(report);
      assert.match(html, /^<!DOCTYPE html>\n<html lang="en">\n<head>\n/);
      assert.ok(!/<script/i.test(html), 'no <script> element, and the hostile names are escaped');
      assert.ok(!/(?:https?:)?\/\/[a-z]/i.test(html), 'no external URL');
      // Text from the code is escaped, so every `<` starts one of the report's own tags.
      const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
      assert.deepEqual(tags.filter((tag) => /\s(?:src|srcset|style|on[a-z]+)=/i.test(tag)), [], 'no resource, inline style or event handler attribute');
      assert.ok(!/<img|<iframe|<link|<object|<embed/i.test(html));
      assert.equal((html.match(/<style>/g) ?? []).length, 1, 'one plain <style> element the editor panel can give a nonce');
      assert.match(html, /<\/body>\n<\/html>\n$/);
    });

    it('escapes a hostile model, path and finding message', () => {
      const html = reportHtml(report);
      assert.ok(html.includes('&#60;script&#62;alert(&#34;model&#34;)&#60;/script&#62;'));
      assert.ok(html.includes('<td>No max_completion_tokens on &#60;script&#62;alert(&#34;model&#34;)&#60;/script&#62;: worst case'));
      assert.ok(html.includes('web/&#60;img onerror=x&#62;.ts:3:25'));
      assert.ok(html.includes('href="web/%3Cimg%20onerror=x%3E.ts#L3"'));
    });

    it('charts cost by model and by folder in inline SVG, and lists calls, findings and assumptions', () => {
      const html = reportHtml(report);
      assert.match(html, /<h2>Cost by model<\/h2>\n<svg class="chart"[^>]*aria-label="Cost by model">/);
      assert.match(html, /<h2>Cost by folder<\/h2>\n<svg class="chart"[^>]*aria-label="Cost by folder">/);
      // The largest bar spans the whole bar area; the others are to scale.
      const widths = [...html.matchAll(/<rect class="bar" [^>]*width="([\d.]+)"/g)].map((match) => Number(match[1]));
      assert.deepEqual(widths, [400, 400 * (15 / 315), 400, 400 * (15 / 315)].map((width) => Number(width.toFixed(1))));
      assert.ok(html.includes('<a href="top.py#L3">top.py:3:32</a>'));
      assert.ok(html.includes('<td><span class="unknown">unknown: &#60;script&#62;'));
      assert.ok(html.includes('Add max_completion_tokens=1024'));
      assert.ok(html.includes('<h2>Assumptions</h2>'));
    });

    it('renders an empty report', () => {
      const empty = buildReport({ files: [], skipped: [], missingRoots: [], stats: { filesSeen: 0, filesParsed: 0, filesSkipped: 0, ms: 1 } }, DEFAULT_CONFIG, TOOL);
      const html = reportHtml(empty);
      assert.ok(html.includes('No LLM calls found.'));
      assert.ok(!html.includes('<svg'));
    });
  });

  describe('JSON', () => {
    it('round-trips and is byte-identical for a second scan of the same files', async () => {
      const json = reportJson(report);
      assert.ok(json.endsWith('}\n'));
      assert.deepEqual(JSON.parse(json), report);
      assert.equal(reportJson(await workspace.report()), json);
      assert.ok(json.includes(`"model": ${JSON.stringify(HOSTILE_MODEL)}`));
    });

    it('keeps Markdown and HTML byte-identical too', async () => {
      const again = await workspace.report();
      assert.equal(reportMarkdown(again), reportMarkdown(report));
      assert.equal(reportHtml(again), reportHtml(report));
      assert.equal(reportText(again), reportText(report));
    });
  });
});
