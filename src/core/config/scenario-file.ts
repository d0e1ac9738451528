import { applyEdits, getNodeValue, modify, parseTree, stripComments, type ParseError } from 'jsonc-parser';
import type { RoutingScenario } from './config';
import { syntaxError } from './config-text';

/**
 * The settings file's text with `scenario` saved into `scenarios` (replacing one
 * of the same name), keeping comments and layout; or why that cannot be done
 * without losing what the file holds, in which case nothing should be written.
 */
export function withScenario(text: string, scenario: RoutingScenario): { text: string } | { problem: string } {
  const body = text.replace(/^\uFEFF/, '');
  const errors: ParseError[] = [];
  const root = parseTree(body, errors, { allowTrailingComma: true, disallowComments: false });
  // An empty file, or one with only comments, has no root yet: the edit creates it.
  const empty = stripComments(body).trim() === '';
  if (errors[0] && !empty) return { problem: `${syntaxError(body, errors[0])}; fix it first` };
  if (root && root.type !== 'object') return { problem: 'must hold a JSON object ({ … }); fix it first' };
  const existing = root?.children?.find((property) => property.children?.[0]?.value === 'scenarios')?.children?.[1];
  if (existing && existing.type !== 'array') return { problem: 'has "scenarios" that is not a list; fix or remove it first' };
  const saved = existing ? (getNodeValue(existing) as unknown[]) : [];
  const scenarios = [...saved.filter((entry) => (entry as { name?: unknown } | null)?.name !== scenario.name), scenario];
  return { text: applyEdits(text, modify(text, ['scenarios'], scenarios, { formattingOptions: { insertSpaces: true, tabSize: 2 } })) };
}
