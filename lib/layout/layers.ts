/**
 * Layers and their order in linear time, for graphs where ELK's layered layout is slow: ELK gives
 * each layer an edge crosses a dummy node, so a deep schema whose tables also reference a few hubs
 * costs it seconds (a chain of 300 such tables: about 11 s). compactLayered only needs the layers and
 * the order in each, which this finds with longest-path layering (cycles broken by depth-first
 * search) and a few barycentre sweeps over every neighbour (no dummies).
 */
import type { Id } from '../schema/types';
import type { LayoutGraph } from './graph';
import type { Placed } from './compact';

/** Each node's layer: referenced tables before the tables that reference them; a source just before its first successor. */
export function layerOf(graph: LayoutGraph): Map<Id, number> {
  const ids = graph.nodes.map((n) => n.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const out: number[][] = ids.map(() => []);
  for (const e of graph.edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s !== undefined && t !== undefined && s !== t) out[s].push(t);
  }
  // Depth-first search (iterative): an edge to a node on the stack closes a cycle and is left out.
  const state = new Uint8Array(ids.length); // 0 new, 1 on the stack, 2 done
  const dag: number[][] = ids.map(() => []);
  const order: number[] = [];
  for (let root = 0; root < ids.length; root++) {
    if (state[root]) continue;
    const stack: [number, number][] = [[root, 0]];
    state[root] = 1;
    while (stack.length) {
      const top = stack[stack.length - 1];
      const [v, k] = top;
      if (k < out[v].length) {
        top[1]++;
        const w = out[v][k];
        if (state[w] === 0) {
          dag[v].push(w);
          state[w] = 1;
          stack.push([w, 0]);
        } else if (state[w] === 2) dag[v].push(w);
      } else {
        state[v] = 2;
        order.push(v);
        stack.pop();
      }
    }
  }
  // `order` is a post-order: reversed, every edge of the DAG goes forwards.
  order.reverse();
  const rank = new Array<number>(ids.length).fill(0);
  for (const v of order) for (const w of dag[v]) rank[w] = Math.max(rank[w], rank[v] + 1);
  const hasPred = new Uint8Array(ids.length);
  for (const v of order) for (const w of dag[v]) hasPred[w] = 1;
  for (let i = order.length - 1; i >= 0; i--) {
    const v = order[i];
    if (!hasPred[v] && dag[v].length) rank[v] = Math.min(...dag[v].map((w) => rank[w])) - 1;
  }
  return new Map(ids.map((id, i) => [id, rank[i]]));
}

/** How many layers the graph's edges cross (ELK's dummy nodes): what makes ELK slow. */
export function crossedLayers(graph: LayoutGraph, layers: Map<Id, number>): number {
  let n = 0;
  for (const e of graph.edges) {
    const a = layers.get(e.source);
    const b = layers.get(e.target);
    if (a !== undefined && b !== undefined) n += Math.max(0, Math.abs(b - a) - 1);
  }
  return n;
}

/**
 * The nodes placed in their layers (x: one layer after another, y: the order), the order from
 * barycentre sweeps over each node's neighbours in every layer: input for compactLayered.
 */
export function orderedLayers(graph: LayoutGraph, layers: Map<Id, number>, sweeps = 4): Placed[] {
  const byLayer = new Map<number, Id[]>();
  for (const n of graph.nodes) {
    const l = layers.get(n.id)!;
    const list = byLayer.get(l);
    if (list) list.push(n.id);
    else byLayer.set(l, [n.id]);
  }
  const keys = [...byLayer.keys()].sort((a, b) => a - b);
  const neighbours = new Map<Id, Id[]>(graph.nodes.map((n) => [n.id, []]));
  for (const e of graph.edges) {
    if (e.source === e.target || !neighbours.has(e.source) || !neighbours.has(e.target)) continue;
    neighbours.get(e.source)!.push(e.target);
    neighbours.get(e.target)!.push(e.source);
  }
  // A node's place in its layer, from 0 to 1, so layers of different sizes compare.
  const pos = new Map<Id, number>();
  const place = (list: Id[]) => list.forEach((id, i) => pos.set(id, list.length > 1 ? i / (list.length - 1) : 0.5));
  for (const k of keys) place(byLayer.get(k)!);
  for (let s = 0; s < sweeps; s++) {
    for (const k of s % 2 ? [...keys].reverse() : keys) {
      const list = byLayer.get(k)!;
      const bary = new Map(
        list.map((id) => {
          const ns = neighbours.get(id)!;
          return [id, ns.length ? ns.reduce((sum, m) => sum + pos.get(m)!, 0) / ns.length : pos.get(id)!];
        }),
      );
      list.sort((a, b) => bary.get(a)! - bary.get(b)!);
      place(list);
    }
  }
  const widest = Math.max(0, ...graph.nodes.map((n) => n.width));
  const size = new Map(graph.nodes.map((n) => [n.id, n]));
  const out: Placed[] = [];
  keys.forEach((k, x) => {
    byLayer.get(k)!.forEach((id, y) => out.push({ id, x: x * (widest + 1), y, width: size.get(id)!.width, height: size.get(id)!.height }));
  });
  return out;
}
