import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveConfig, type PromptmeterConfig } from '../../../src/core/config/config';
import { evaluate } from '../../../src/core/engine/evaluate';
import { loadBundledCatalog, PriceBook, type ModelPriceOverride } from '../../../src/core/pricing';
import { retiredModel } from '../../../src/core/rules/retired-model';
import { analyzeSnippet, code, testEstimateContext } from '../../support/engine';
import { ruleTester } from '../../support/rule-tester';

/** A date that stays in the future while this test is kept: the retirement is announced, not yet due. */
const NEXT_YEAR = `${new Date().getUTCFullYear() + 1}-06-30`;

/*
 * The tests bring their own models through price overrides. Real ids would borrow what the bundled
 * catalog (regenerated from upstream sources) says of them: an override cannot take a successor or a
 * retirement date away, so a successor the catalog later retires would change every message.
 */
const RETIRED = { provider: 'openai', inputPerMTok: 10, outputPerMTok: 20, retired: '2025-06-06', successor: 'acme-chat-2' };
const CURRENT = { provider: 'openai', inputPerMTok: 10, outputPerMTok: 20 };

function withModels(models: Record<string, ModelPriceOverride>, aliases: Record<string, string> = {}): PromptmeterConfig {
  return resolveConfig([{ pricing: { models, aliases } }]);
}

/** acme-chat-1, retired, and its successor acme-chat-2 at the given prices per 1M tokens. */
function successorAt(inputPerMTok: number, outputPerMTok: number): PromptmeterConfig {
  return withModels({ 'acme-chat-1': RETIRED, 'acme-chat-2': { ...CURRENT, inputPerMTok, outputPerMTok } });
}

const samePrice = successorAt(10, 20);
const pythonCall = (model: string) => `from openai import OpenAI\nOpenAI().chat.completions.create(model=${model}, max_tokens=1000, messages=[])`;
const typescriptCall = (model: string) => `import OpenAI from 'openai';\nnew OpenAI().chat.completions.create({ model: ${model}, max_tokens: 1000, messages: [] });`;

describe('retired-model', () => {
  ruleTester(retiredModel, {
    valid: [
      { name: 'a current model', language: 'python', config: samePrice, code: pythonCall('"acme-chat-2"') },
      { name: 'model not resolvable from the code', language: 'python', config: samePrice, code: 'import os\nfrom openai import OpenAI\nOpenAI().chat.completions.create(model=os.environ["MODEL"], max_tokens=5, messages=[])' },
      { name: 'a model not in the catalog (unknown-model reports it)', language: 'typescript', config: samePrice, code: typescriptCall("'acme-chat-unreleased'") },
      {
        name: 'through Azure OpenAI, which retires models on its own dates',
        language: 'python',
        config: samePrice,
        code: 'from openai import AzureOpenAI\nAzureOpenAI().chat.completions.create(model="acme-chat-1", max_tokens=1000, messages=[])',
      },
      { name: 'a Vertex AI version, which Vertex retires on its own date', language: 'python', config: samePrice, code: pythonCall('"acme-chat-1@20240620"') },
      { name: 'deprecated without a retirement date', language: 'python', config: withModels({ 'acme-chat-2': { ...CURRENT, deprecated: '2026-01-01' } }), code: pythonCall('"acme-chat-2"') },
    ],
    invalid: [
      {
        name: 'retired, with a successor at the same price: an unsafe fix to it',
        language: 'python',
        config: samePrice,
        code: pythonCall('"acme-chat-1"'),
        errors: [{ line: 2, column: 40, message: /^acme-chat-1 was retired on 2025-06-06: calls to it fail\. Its successor acme-chat-2 costs the same per token\.$/ }],
        output: pythonCall('"acme-chat-2"'),
      },
      {
        name: 'a dearer successor, keeping single quotes in TypeScript',
        language: 'typescript',
        config: successorAt(12, 24),
        code: typescriptCall("'acme-chat-1'"),
        errors: [{ line: 2, column: 47, message: /^acme-chat-1 was retired on 2025-06-06: calls to it fail\. Its successor acme-chat-2 costs 20% more per token\.$/ }],
        output: typescriptCall("'acme-chat-2'"),
      },
      {
        name: 'a cheaper successor',
        language: 'typescript',
        config: successorAt(7.5, 15),
        code: typescriptCall("'acme-chat-1'"),
        errors: [{ line: 2, column: 47, message: /Its successor acme-chat-2 costs 25% less per token\.$/ }],
        output: typescriptCall("'acme-chat-2'"),
      },
      {
        name: 'within 1% reads as the same',
        language: 'typescript',
        config: successorAt(10.08, 20.16),
        code: typescriptCall("'acme-chat-1'"),
        errors: [{ line: 2, column: 47, message: /Its successor acme-chat-2 costs the same per token\.$/ }],
        output: typescriptCall("'acme-chat-2'"),
      },
      {
        // 50,000 expected output tokens against a few input tokens: the output price decides (unweighted it would read 2.8×).
        name: "the comparison weighs input and output by the call's own tokens",
        language: 'typescript',
        config: withModels({ 'acme-chat-1': { ...RETIRED, inputPerMTok: 2, outputPerMTok: 2 }, 'acme-chat-2': { ...CURRENT, inputPerMTok: 1, outputPerMTok: 10 } }),
        code: "import OpenAI from 'openai';\nnew OpenAI().chat.completions.create({ model: 'acme-chat-1', max_tokens: 100000, messages: [] });",
        errors: [{ line: 2, column: 47, message: /Its successor acme-chat-2 costs 5× as much per token\.$/ }],
        output: "import OpenAI from 'openai';\nnew OpenAI().chat.completions.create({ model: 'acme-chat-2', max_tokens: 100000, messages: [] });",
      },
      {
        name: 'a free preview model whose successor is paid',
        language: 'python',
        config: withModels({ 'acme-chat-1': { ...RETIRED, inputPerMTok: 0, outputPerMTok: 0 }, 'acme-chat-2': CURRENT }),
        code: pythonCall('"acme-chat-1"'),
        errors: [{ line: 2, column: 40, message: /Its successor acme-chat-2 costs more per token \(the retired model was free\)\.$/ }],
        output: pythonCall('"acme-chat-2"'),
      },
      {
        name: 'retired without a successor: says so, no fix',
        language: 'python',
        config: withModels({ 'acme-chat-1': { ...RETIRED, successor: undefined } }),
        code: pythonCall('"acme-chat-1"'),
        errors: [{ line: 2, column: 40, message: /^acme-chat-1 was retired on 2025-06-06: calls to it fail\. The price catalog names no successor that is still served\.$/ }],
        output: null,
      },
      {
        name: 'a successor the catalog does not price is named, without a fix',
        language: 'python',
        config: withModels({ 'acme-chat-1': RETIRED }),
        code: pythonCall('"acme-chat-1"'),
        errors: [{ line: 2, column: 40, message: /^acme-chat-1 was retired on 2025-06-06: calls to it fail\. Its successor acme-chat-2 is not in the price catalog\.$/ }],
        output: null,
      },
      {
        name: 'a successor that is retired too is followed to the one it names',
        language: 'python',
        config: withModels({ 'acme-chat-1': RETIRED, 'acme-chat-2': { ...RETIRED, retired: '2026-02-19', successor: 'acme-chat-3' }, 'acme-chat-3': CURRENT }),
        code: pythonCall('"acme-chat-1"'),
        errors: [{ line: 2, column: 40, message: /Its successor acme-chat-3 costs the same per token\.$/ }],
        output: pythonCall('"acme-chat-3"'),
      },
      {
        name: 'a successor that is retiring itself but still served is suggested',
        language: 'python',
        config: withModels({ 'acme-chat-1': RETIRED, 'acme-chat-2': { ...RETIRED, retired: NEXT_YEAR, successor: undefined } }),
        code: pythonCall('"acme-chat-1"'),
        errors: [{ line: 2, column: 40, message: /Its successor acme-chat-2 costs the same per token\.$/ }],
        output: pythonCall('"acme-chat-2"'),
      },
      {
        name: 'a retirement announced for a future date',
        language: 'python',
        config: withModels({ 'acme-chat-1': { ...RETIRED, retired: NEXT_YEAR }, 'acme-chat-2': CURRENT }),
        code: pythonCall('"acme-chat-1"'),
        errors: [{ line: 2, column: 40, message: new RegExp(`^acme-chat-1 will be retired on ${NEXT_YEAR}: calls to it fail from that day\\. Its successor acme-chat-2 costs the same per token\\.$`) }],
        output: pythonCall('"acme-chat-2"'),
      },
      {
        name: 'a dated snapshot of a retired id gets the fix',
        language: 'python',
        config: samePrice,
        code: pythonCall('"acme-chat-1-20240620"'),
        errors: [{ line: 2, column: 40, message: /^acme-chat-1-20240620 was retired on 2025-06-06/ }],
        output: pythonCall('"acme-chat-2"'),
      },
      {
        name: 'a name with a route prefix is reported without a fix (routes spell the successor their own way)',
        language: 'python',
        config: samePrice,
        code: 'import litellm\nlitellm.completion(model="openai/acme-chat-1", max_tokens=1000, messages=[])',
        errors: [{ line: 2, column: 26, message: /^openai\/acme-chat-1 was retired on 2025-06-06: calls to it fail\. Its successor acme-chat-2 / }],
        output: null,
      },
      {
        name: 'a deployment alias names the model behind it, without a fix',
        language: 'typescript',
        config: withModels({ 'acme-chat-1': RETIRED, 'acme-chat-2': CURRENT }, { 'prod-chat': 'acme-chat-1' }),
        code: typescriptCall("'prod-chat'"),
        errors: [{ line: 2, column: 47, message: /^prod-chat \(acme-chat-1\) was retired on 2025-06-06: calls to it fail\. Its successor acme-chat-2 / }],
        output: null,
      },
      {
        name: 'a model from a constant is reported at the call, without a fix',
        language: 'python',
        config: samePrice,
        code: 'from openai import OpenAI\nMODEL = "acme-chat-1"\nOpenAI().chat.completions.create(model=MODEL, max_tokens=1000, messages=[])',
        errors: [{ line: 3, column: 40, message: /^acme-chat-1 was retired on 2025-06-06/ }],
        output: null,
      },
      {
        name: 'a model from a TypeScript constant',
        language: 'typescript',
        config: successorAt(12, 24),
        code: "import OpenAI from 'openai';\nconst MODEL = 'acme-chat-1';\nnew OpenAI().chat.completions.create({ model: MODEL, max_tokens: 1000, messages: [] });",
        errors: [{ line: 3, column: 47, message: /^acme-chat-1 was retired on 2025-06-06: calls to it fail\. Its successor acme-chat-2 costs 20% more per token\.$/ }],
        output: null,
      },
    ],
  });

  // The one test on the bundled catalog's own data: its dates and successors come from the providers' pages, so they are read, not repeated.
  it('the bundled catalog: claude-3-5-sonnet-20241022 is retired, with the successor the catalog names as an unsafe fix', async () => {
    const lookup = new PriceBook(loadBundledCatalog()).lookup('claude-3-5-sonnet-20241022');
    assert.ok(lookup.found && lookup.price.retired && lookup.price.successor, 'the bundled catalog marks claude-3-5-sonnet-20241022 retired, with a successor');
    const { retired, successor } = lookup.price;
    const source = 'import anthropic\nanthropic.Anthropic().messages.create(model="claude-3-5-sonnet-20241022", max_tokens=1000, messages=[])';
    const findings = evaluate(await analyzeSnippet(source, 'python'), code(source), testEstimateContext(), { only: [retiredModel.meta.id] }).findings;
    assert.equal(findings.length, 1);
    assert.match(findings[0]?.message ?? '', new RegExp(`^claude-3-5-sonnet-20241022 was retired on ${retired}: calls to it fail\\. Its successor ${successor} costs `));
    assert.deepEqual(findings[0]?.fix && { title: findings[0].fix.title, safe: findings[0].fix.safe }, { title: `Use ${successor}`, safe: false });
  });
});
