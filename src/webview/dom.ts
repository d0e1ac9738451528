/**
 * Element helpers. Text always goes in through textContent, never innerHTML:
 * prompts, model names and paths come from the user's code and must stay inert.
 */

export interface ElementOptions {
  className?: string;
  text?: string;
  attributes?: Record<string, string>;
}

export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElementOptions = {},
  children: (Node | string)[] = [],
): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  if (options.className) created.className = options.className;
  if (options.text !== undefined) created.textContent = options.text;
  for (const [name, value] of Object.entries(options.attributes ?? {})) created.setAttribute(name, value);
  // append() inserts strings as text nodes.
  created.append(...children);
  return created;
}

let nextId = 0;

/** A page-unique id for label/aria references. */
export function uniqueId(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}
