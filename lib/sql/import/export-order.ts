/** The export order of an imported script's objects: script order, with what an object needs first. */
import type { Id } from '../../schema/types';
import type { R } from './catalog-read';

/** Catalog dependency key prefix for the object a raw statement creates. */
export const KEY_PREFIX: Record<string, string> = {
  function: 'fn:', procedure: 'fn:', aggregate: 'fn:', domain: 'type:', type: 'type:', sequence: 'rel:', 'materialized-view': 'rel:',
};

export interface OrderNode {
  id: Id;
  /** Statement index in the script (the original order). */
  prio: number;
  /** Catalog keys of what it creates. */
  keys: string[];
  raw: boolean;
}

/**
 * Export order: the original statement order, except that what an object needs (per pg_depend: a
 * domain or sequence a table uses, a table a view reads, ...) comes first. Raw statements keep their
 * relative order (they may depend on session state such as the search_path); cycles fall back to
 * the original order.
 */
export function dependencyOrder(nodes: OrderNode[], deps: R[]): Record<Id, number> {
  nodes.sort((a, b) => a.prio - b.prio);
  const byKey = new Map<string, OrderNode[]>();
  for (const n of nodes) for (const k of n.keys) (byKey.get(k) ?? byKey.set(k, []).get(k)!).push(n);
  const needs = new Map<OrderNode, OrderNode[]>();
  const need = (a: OrderNode, b: OrderNode) => a !== b && (needs.get(a) ?? needs.set(a, []).get(a)!).push(b);
  for (const d of deps) {
    const from = byKey.get(d.from!);
    const to = byKey.get(d.to!);
    // Raw statements keep their relative order (the script ran in it), so only edges to or from
    // modelled objects matter; this also keeps overloaded functions (one key) from reordering raws.
    if (from && to) for (const a of from) for (const b of to) if (!(a.raw && b.raw)) need(a, b);
  }
  let prevRaw: OrderNode | undefined;
  for (const n of nodes) {
    if (!n.raw) continue;
    if (prevRaw) need(n, prevRaw);
    prevRaw = n;
  }
  const order: Record<Id, number> = {};
  const state = new Map<OrderNode, 1 | 2>();
  let pos = 0;
  const visit = (n: OrderNode) => {
    if (state.has(n)) return;
    state.set(n, 1);
    // Iterative over the raw chain would avoid deep recursion; chains are short in practice except
    // raw -> previous raw, which is visited in order below, so the stack stays shallow.
    for (const m of needs.get(n) ?? []) visit(m);
    state.set(n, 2);
    order[n.id] = pos++;
  };
  for (const n of nodes) visit(n);
  return order;
}
