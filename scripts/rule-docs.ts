import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../src/core/rules';
import { ruleDocMarkdown } from '../src/core/rules/docs';

/** Writes docs/rules/<id>.md for every rule; `npm test` checks they are current. */
const dir = path.join(__dirname, '..', 'docs', 'rules');
for (const rule of RULES) {
  writeFileSync(path.join(dir, `${rule.meta.id}.md`), ruleDocMarkdown(rule.meta));
}
const index = ['# Rules', '', '| Rule | Default | Fix | What it flags |', '| --- | --- | --- | --- |'];
for (const { meta } of RULES) index.push(`| [${meta.id}](${meta.id}.md) | ${meta.defaultSeverity} | ${meta.fixable ? 'yes' : '—'} | ${meta.summary} |`);
writeFileSync(path.join(dir, 'README.md'), `${index.join('\n')}\n`);
