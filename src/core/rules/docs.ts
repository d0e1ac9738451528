import type { RuleMeta } from './rule';

/** The published page of a rule, generated from the metadata beside its code. */
export function ruleDocMarkdown(meta: RuleMeta, language: 'python' | 'typescript' = 'python'): string {
  const { docs } = meta;
  const fence = (code: string): string => ['```' + language, code, '```'].join('\n');
  const sections = [
    `# ${meta.id}`,
    '',
    `${meta.summary}.`,
    '',
    `Default severity: **${meta.defaultSeverity}** · Fix: **${meta.fixable ? 'available' : 'none'}**`,
    '',
    '## What it does',
    '',
    docs.whatItDoes,
    '',
    '## Why it costs money',
    '',
    docs.whyItCostsMoney,
    '',
    '## Example',
    '',
    fence(docs.example),
    '',
    'Use instead:',
    '',
    fence(docs.useInstead),
  ];
  if (docs.fixSafety) sections.push('', '## Fix safety', '', docs.fixSafety);
  if (docs.references?.length) sections.push('', '## References', '', ...docs.references.map((reference) => `- ${reference}`));
  sections.push(
    '',
    '## Configuration',
    '',
    'Change the severity or turn the rule off in `.promptmeter.json` (`"rules": { "' + meta.id + '": "off" }`) or the `promptmeter.rules` setting; silence one place with `# promptmeter: ignore[' + meta.id + ']` (Python) or `// promptmeter-ignore-next-line ' + meta.id + '`.',
    '',
  );
  return sections.join('\n');
}
