import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluate } from '../../src/core/engine/evaluate';
import { analyzeSnippet, testEstimateContext } from '../support/engine';

/** Names that every plain JavaScript object has: code uses them too, and they must not match a catalog entry or a setting. */
const OBJECT_NAMES = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'];

describe('names of Object.prototype in the analysed code', () => {
  it('a Python module named like one is not an SDK', async () => {
    for (const name of OBJECT_NAMES) {
      const analysis = await analyzeSnippet(`import openai\nimport ${name}\n${name}()\nx = ${name}.create()\n`, 'python');
      assert.deepEqual(analysis.calls, [], name);
    }
  });

  it('a prompt slot named like one gets the default size', async () => {
    for (const name of OBJECT_NAMES) {
      const text = `from openai import OpenAI\nclient = OpenAI()\ndef go(${name}):\n    return client.chat.completions.create(model="gpt-4o", max_tokens=10, messages=[{"role": "user", "content": ${name}}])\n`;
      const context = testEstimateContext();
      const [estimate] = evaluate(await analyzeSnippet(text, 'python'), text, context).estimates;
      assert.deepEqual(estimate?.input.dynamicSlots, [{ name, tokens: context.config.defaultSlotTokens, source: 'default' }], name);
    }
  });
});
