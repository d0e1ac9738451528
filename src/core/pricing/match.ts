import type { MatchRule } from './types';

/** Compiled once: a catalog holds a few hundred regex rules and a workspace asks about the same few names. */
const compiled = new Map<string, RegExp | null>();

/** Whether `name` (lowercased, without a route prefix) satisfies the entry's rule. */
export function matchesRule(rule: MatchRule, name: string): boolean {
  if ('equals' in rule) return name === rule.equals.toLowerCase();
  if ('starts_with' in rule) return name.startsWith(rule.starts_with.toLowerCase());
  if ('ends_with' in rule) return name.endsWith(rule.ends_with.toLowerCase());
  if ('contains' in rule) return name.includes(rule.contains.toLowerCase());
  if ('regex' in rule) return regex(rule.regex)?.test(name) ?? false;
  if ('or' in rule) return rule.or.some((part) => matchesRule(part, name));
  return rule.and.every((part) => matchesRule(part, name));
}

function regex(source: string): RegExp | null {
  let pattern = compiled.get(source);
  if (pattern === undefined) {
    // Case-insensitive like the other rules; a pattern JavaScript cannot compile matches nothing rather than throwing.
    try {
      pattern = new RegExp(source, 'i');
    } catch {
      pattern = null;
    }
    compiled.set(source, pattern);
  }
  return pattern;
}
