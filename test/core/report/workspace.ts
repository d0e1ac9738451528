import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { resolveConfig, type PromptmeterConfig } from '../../../src/core/config/config';
import { buildReport, type BuildReportOptions, type CostReport } from '../../../src/core/report';
import { scan, type ScanResult } from '../../../src/core/scan/scan';
import { testEngine, testEstimateContext } from '../../support/engine';
import { supportPolicy } from '../../support/prompts';

/** A workspace on disk, scanned for real; the report tests build their reports from it. */
export interface TestWorkspace {
  dir: string;
  config: PromptmeterConfig;
  scan(): Promise<ScanResult>;
  report(options?: BuildReportOptions): Promise<CostReport>;
  /** Reads a file by its report path, as the CLI's reader does. */
  readText(relPath: string): string | null;
  remove(): void;
}

export const TOOL = { name: 'promptmeter', version: '9.9.9' };

/** A model name, path and prompt that try to inject markup into the HTML and Markdown reports. */
export const HOSTILE_MODEL = '<script>alert("model")</script>';
export const HOSTILE_PATH = 'web/<img onerror=x>.ts';

/**
 * Prices chosen so every cost can be checked by hand: no input price, so a call
 * costs its expected output (half of max_tokens=100: 50 tokens) at the output
 * price. pm-big: 50 × $1,000/1M = $0.05 a call; pm-small: $0.005. Traffic comes
 * from calls-per-day comments; 30 days a month.
 */
export const COST_FILES: Record<string, string> = {
  // $0.05 × 100 × 30 = $150; $0.005 × 100 × 30 = $15; in a loop: $150, and the Batch API at half price saves $75.
  'app/bot.py': [
    'from openai import OpenAI',
    'client = OpenAI()',
    '# promptmeter: calls-per-day=100',
    'client.chat.completions.create(model="pm-big", max_tokens=100, messages=[{"role": "user", "content": "Hi"}])',
    '# promptmeter: calls-per-day=100',
    'client.chat.completions.create(model="pm-small", max_tokens=100, messages=[{"role": "user", "content": "Hi"}])',
    'for doc in docs:',
    '    # promptmeter: calls-per-day=100',
    '    client.chat.completions.create(model="pm-big", max_tokens=100, messages=[{"role": "user", "content": doc}])',
    '',
  ].join('\n'),
  // $0.05 × 10 × 30 = $15: the same monthly cost as the pm-small call; ties sort by path. A deployment name for pm-big.
  'top.py': [
    'import anthropic',
    '# promptmeter: calls-per-day=10',
    'anthropic.Anthropic().messages.create(model="prod-big", max_tokens=100, messages=[{"role": "user", "content": "Hi"}])',
    '',
  ].join('\n'),
  // A model the price list does not know, with no output limit (a fixable finding).
  [HOSTILE_PATH]: [
    "import OpenAI from 'openai';",
    'const client = new OpenAI();',
    `client.chat.completions.create({ model: '${HOSTILE_MODEL}', messages: [{ role: 'user', content: '<script>alert("prompt")</script>' }] });`,
    '',
  ].join('\n'),
};

export const COST_CONFIG = resolveConfig([
  {
    pricing: {
      models: {
        'pm-big': { provider: 'openai', mode: 'chat', inputPerMTok: 0, outputPerMTok: 1000, batchInputPerMTok: 0, batchOutputPerMTok: 500 },
        'pm-small': { provider: 'openai', mode: 'chat', inputPerMTok: 0, outputPerMTok: 100 },
      },
      aliases: { 'prod-big': 'pm-big' },
    },
  },
]);

const POLICY = supportPolicy(60, 0);

/** One call per rule that names a saving (real catalog models), and one that names a risk. */
export const SAVING_FILES: Record<string, string> = {
  'cache_control.py': [
    'import anthropic',
    'client = anthropic.Anthropic()',
    'def reply(question):',
    '    return client.messages.create(',
    '        model="claude-sonnet-4-5",',
    '        max_tokens=1024,',
    `        system="""${POLICY}""",`,
    '        messages=[{"role": "user", "content": question}],',
    '    )',
    '',
  ].join('\n'),
  'order.py': [
    'from datetime import datetime',
    'from openai import OpenAI',
    'client = OpenAI()',
    'def answer(question):',
    '    return client.chat.completions.create(',
    '        model="gpt-4o",',
    '        messages=[',
    '            {"role": "system", "content": f"""Today is {datetime.now():%Y-%m-%d}.',
    POLICY,
    '"""},',
    '            {"role": "user", "content": question},',
    '        ],',
    '        max_completion_tokens=300,',
    '    )',
    '',
  ].join('\n'),
  'simple.py': [
    'from openai import OpenAI',
    'client = OpenAI()',
    'client.chat.completions.create(',
    '    model="gpt-6-astra",',
    '    max_completion_tokens=5,',
    '    messages=[',
    '        {"role": "system", "content": "Classify the ticket as billing, bug or other. Reply with one word."},',
    '        {"role": "user", "content": ticket},',
    '    ],',
    ')',
    '',
  ].join('\n'),
  'compress.py': [
    'from openai import OpenAI',
    'client = OpenAI()',
    'SYSTEM = """',
    "        You are a customer support assistant for ACME Corporation.",
    "        Please answer the customer's question politely and accurately.",
    '        It is important that you never share internal notes with the customer.',
    '        Make sure to answer in the same language as the customer.',
    '',
    '',
    '',
    '        I would like you to keep every answer under one hundred words.',
    "        Please answer the customer's question politely and accurately.",
    '        You should always end with a short summary of the next steps.',
    '        It is important that you never share internal notes with the customer.',
    '        Make sure to answer in the same language as the customer.',
    '        Please make sure to check the order status before you promise a refund.',
    '        You should always end with a short summary of the next steps.',
    '"""',
    'def reply(question):',
    '    return client.chat.completions.create(',
    '        model="gpt-4o",',
    '        messages=[{"role": "system", "content": SYSTEM}, {"role": "user", "content": question}],',
    '        max_tokens=300,',
    '    )',
    '',
  ].join('\n'),
  'loop.py': [
    'from openai import OpenAI',
    'client = OpenAI()',
    'for ticket in tickets:',
    '    client.chat.completions.create(model="gpt-4o", max_tokens=200, messages=[{"role": "user", "content": ticket}])',
    '',
  ].join('\n'),
  'risk.py': ['from openai import OpenAI', 'OpenAI().chat.completions.create(model="gpt-4o", messages=[])', ''].join('\n'),
};

export function createWorkspace(files: Record<string, string>, config: PromptmeterConfig): TestWorkspace {
  const dir = mkdtempSync(path.join(tmpdir(), 'promptmeter-report-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  const readText = (relPath: string): string | null => {
    try {
      return readFileSync(path.join(dir, relPath), 'utf8');
    } catch {
      return null;
    }
  };
  const estimate = testEstimateContext(config);
  const run = (): Promise<ScanResult> => scan(testEngine(), { roots: ['.'], cwd: dir, estimate });
  return {
    dir,
    config,
    scan: run,
    report: async (options = { readText }) => buildReport(await run(), config, TOOL, options),
    readText,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
