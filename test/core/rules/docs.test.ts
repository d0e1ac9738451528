import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../../src/core/rules';
import { ruleDocMarkdown } from '../../../src/core/rules/docs';

const DOCS = path.join(__dirname, '..', '..', '..', 'docs', 'rules');

describe('rule documentation', () => {
  for (const rule of RULES) {
    it(`docs/rules/${rule.meta.id}.md is generated from the rule's metadata (npm run docs:rules)`, () => {
      assert.equal(readFileSync(path.join(DOCS, `${rule.meta.id}.md`), 'utf8'), ruleDocMarkdown(rule.meta));
    });
  }

  it('every rule has an id in kebab-case and all doc sections', () => {
    for (const { meta } of RULES) {
      assert.match(meta.id, /^[a-z]+(-[a-z]+)*$/);
      for (const section of [meta.docs.whatItDoes, meta.docs.whyItCostsMoney, meta.docs.example, meta.docs.useInstead]) {
        assert.ok(section.trim().length > 20, `${meta.id} has a short section`);
      }
    }
  });
});
