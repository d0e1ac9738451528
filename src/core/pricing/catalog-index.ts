import { closestIds } from './closest';
import { matchesRule } from './match';
import { bareName, parseModelName, type ParsedName } from './normalize';
import type { ModelPrice } from './types';

export type Resolution =
  | { found: true; price: ModelPrice; matchedAs: string }
  | { found: false; closest: string[]; reason?: string };

/**
 * Finds the entry that prices a name: within the price list its prefix points to (and the
 * lists that one falls back on), else among first-party models, else among hosts.
 */
export class CatalogIndex {
  private readonly byProvider = new Map<string, ModelPrice[]>();
  /** Entries without a host in the id, in match order: what an unprefixed name is looked up in. */
  private readonly firstParty: ModelPrice[] = [];
  /** Entries whose id names a host or cloud (`groq/…`, `bedrock/…`). */
  private readonly hosted: ModelPrice[] = [];

  constructor(models: readonly ModelPrice[], private readonly fallbacks: Readonly<Record<string, readonly string[]>>) {
    for (const model of models) {
      const list = this.byProvider.get(model.provider) ?? [];
      list.push(model);
      this.byProvider.set(model.provider, list);
      (model.id.includes('/') ? this.hosted : this.firstParty).push(model);
    }
  }

  resolve(name: string): Resolution {
    const parsed = parseModelName(name);
    if (parsed.unpricedHost) {
      return { found: false, closest: [], reason: `${parsed.unpricedHost} sets its own prices, which the price list does not hold` };
    }
    if (parsed.scope) return this.scoped(parsed, parsed.scope);
    const own = firstHit(this.firstParty, parsed.forms);
    return own ?? this.byHost(parsed.forms);
  }

  private scoped(parsed: ParsedName, scope: string): Resolution {
    const scopes = [scope, ...(this.fallbacks[scope] ?? []), ...(parsed.vendorScope ? [parsed.vendorScope] : [])];
    for (const provider of new Set(scopes)) {
      const hit = firstHit(this.byProvider.get(provider) ?? [], parsed.forms);
      if (hit) return hit;
    }
    const listed = this.byProvider.get(scope) ?? [];
    const reason = listed.length === 0 ? `the price list has no prices from ${scope}` : `${scope} lists no price for this model`;
    return { found: false, closest: suggestions(parsed, listed), reason };
  }

  /** A bare open-model name is priced only when every host listing it charges the same: the host sets the price. */
  private byHost(forms: readonly string[]): Resolution {
    const candidates = this.hosted
      // By listed id only: hosts' rules are written for names already routed to them (Azure's `contains: o4-mini`).
      .filter((price) => forms.some((form) => listsName(price, form)))
      .sort((a, b) => a.inputPerMTok - b.inputPerMTok || a.outputPerMTok - b.outputPerMTok || (a.id < b.id ? -1 : 1));
    if (candidates.length > 0 && candidates.every((price) => samePrice(price, candidates[0]))) {
      return { found: true, price: candidates[0], matchedAs: bareName(candidates[0].id) };
    }
    if (candidates.length > 0) return { found: false, closest: candidates.map((price) => price.id) };
    // A typo of a maker's own id is the likely one; hosts' copies of it would only repeat it.
    const own = suggestions({ forms: [...forms] }, this.firstParty);
    return { found: false, closest: own.length > 0 ? own : suggestions({ forms: [...forms] }, this.hosted) };
  }
}

/** Per form, most specific first: an entry's own id, then the first rule that matches. */
function firstHit(list: readonly ModelPrice[], forms: readonly string[]): Resolution | undefined {
  for (const form of forms) {
    const price = list.find((entry) => listsName(entry, form)) ?? list.find((entry) => entry.match !== undefined && matchesRule(entry.match, form));
    if (price) return { found: true, price, matchedAs: form };
  }
  return undefined;
}

/** The id itself, without its host (`groq/…`), or its last segment (hosts nest vendors: `accounts/fireworks/models/…`). */
function listsName(price: ModelPrice, form: string): boolean {
  const id = price.id.toLowerCase();
  if (id === form) return true;
  if (!id.includes('/')) return false;
  return id.slice(id.indexOf('/') + 1) === form || (form.includes('/') ? false : bareName(id) === form);
}

function suggestions(parsed: ParsedName, list: readonly ModelPrice[]): string[] {
  const form = parsed.forms[parsed.forms.length - 1];
  return form ? closestIds(form, list.map((price) => price.id)) : [];
}

function samePrice(a: ModelPrice, b: ModelPrice): boolean {
  return a.inputPerMTok === b.inputPerMTok && a.outputPerMTok === b.outputPerMTok;
}
