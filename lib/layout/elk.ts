/**
 * Auto layout with ELK's layered algorithm. Headless: runs in Node tests and inside the layout
 * worker (lib/layout/worker.ts) so the main thread stays free.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api';
import type { Id } from '../schema/types';

export { layoutGraph, type LayoutGraph } from './graph';
import type { LayoutGraph } from './graph';
import { compactLayered } from './compact';
import { crossedLayers, layerOf, orderedLayers } from './layers';

export interface LayoutOptions {
  direction?: 'RIGHT' | 'DOWN';
  spacing?: number;
}

let elk: InstanceType<typeof ELK> | undefined;

/**
 * The ELK instance, made once. Made in a worker, ELK's bundle takes the worker's `self.onmessage`
 * for its own dispatcher (it expects to be the worker script): the layout worker makes it first, and
 * sets its own handler after.
 */
export function elkInstance(): InstanceType<typeof ELK> {
  return (elk ??= new ELK());
}

/**
 * Positions for every node that is not fixed. Fixed nodes keep their place; the laid-out ones
 * are placed below them so they don't overlap.
 *
 * ELK decides the layers (referenced tables before the tables that reference them) and the order
 * in each layer (fewest crossings); compactLayered then places the tables, since the canvas draws
 * its own edges and needs none of the room ELK leaves for its routes. ELK's own placement is the
 * cheapest (SIMPLE, POLYLINE), and it is not asked to keep the model order: at 1,000 tables
 * that costs about 20 s instead of 1.
 */
export async function computeLayout(graph: LayoutGraph, opts: LayoutOptions = {}): Promise<Record<Id, { x: number; y: number }>> {
  const elk = elkInstance();
  const free = graph.nodes.filter((n) => !n.fixed);
  const freeIds = new Set(free.map((n) => n.id));
  const spacing = opts.spacing ?? 60;
  const down = opts.direction === 'DOWN';
  const edges = graph.edges.filter((e) => freeIds.has(e.source) && freeIds.has(e.target));
  const root: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': String(spacing),
      'elk.layered.spacing.nodeNodeBetweenLayers': String(spacing * 1.5),
      'elk.spacing.componentComponent': String(spacing),
      'elk.layered.nodePlacement.strategy': 'SIMPLE',
      'elk.edgeRouting': 'POLYLINE',
      'elk.separateConnectedComponents': 'true',
    },
    // Laid out left to right; for DOWN, with width and height swapped, and turned afterwards.
    children: free.map((n) => ({ id: n.id, width: down ? n.height : n.width, height: down ? n.width : n.height })),
    edges: edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
  // ELK's time grows with the dummy nodes it makes (one per layer an edge crosses): past a budget,
  // the layers and their order are found in linear time instead (layers.ts).
  const laidOut = { nodes: root.children!.map((c) => ({ id: c.id, width: c.width!, height: c.height! })), edges };
  const layers = layerOf(laidOut);
  const placed =
    free.length + crossedLayers(laidOut, layers) > ELK_BUDGET
      ? orderedLayers(laidOut, layers)
      : ((await elk.layout(root)).children ?? []).map((c) => ({ id: c.id, x: c.x ?? 0, y: c.y ?? 0, width: c.width ?? 0, height: c.height ?? 0 }));
  const compact = compactLayered(placed, edges, { gap: spacing / 2, layerGap: spacing * 1.5, aspect: down ? 1 / ASPECT : ASPECT });
  const fixed = graph.nodes.filter((n) => n.fixed);
  const top = fixed.length ? Math.max(...fixed.map((n) => n.fixed!.y + n.height)) + spacing * 2 : 0;
  const left = fixed.length ? Math.min(...fixed.map((n) => n.fixed!.x)) : 0;
  const out: Record<Id, { x: number; y: number }> = {};
  for (const [id, p] of compact) out[id] = { x: (down ? p.y : p.x) + left, y: (down ? p.x : p.y) + top };
  for (const n of fixed) out[n.id] = n.fixed!;
  return out;
}

/** Nodes plus dummy nodes ELK lays out in about 1 s on this project's machine (1,000 tables around hubs: about 2,100). */
const ELK_BUDGET = 3000;

/** Width over height of a laid-out drawing: a screen's. */
const ASPECT = 1.6;
