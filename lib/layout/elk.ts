/**
 * Auto layout with ELK's layered algorithm. Headless: runs in Node tests and inside the layout
 * worker (lib/layout/worker.ts) so the main thread stays free.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api';
import type { Id } from '../schema/types';

export { layoutGraph, type LayoutGraph } from './graph';
import type { LayoutGraph } from './graph';

export interface LayoutOptions {
  direction?: 'RIGHT' | 'DOWN';
  spacing?: number;
}

let elk: InstanceType<typeof ELK> | undefined;

/**
 * Positions for every node that is not fixed. Fixed nodes keep their place; the laid-out ones
 * are placed below them so they don't overlap.
 */
export async function computeLayout(graph: LayoutGraph, opts: LayoutOptions = {}): Promise<Record<Id, { x: number; y: number }>> {
  elk ??= new ELK();
  const free = graph.nodes.filter((n) => !n.fixed);
  const freeIds = new Set(free.map((n) => n.id));
  const spacing = opts.spacing ?? 60;
  const root: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': opts.direction ?? 'RIGHT',
      'elk.spacing.nodeNode': String(spacing),
      'elk.layered.spacing.nodeNodeBetweenLayers': String(spacing * 1.5),
      'elk.spacing.componentComponent': String(spacing),
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.separateConnectedComponents': 'true',
      'elk.aspectRatio': '1.6',
    },
    children: free.map((n) => ({ id: n.id, width: n.width, height: n.height })),
    edges: graph.edges
      .filter((e) => freeIds.has(e.source) && freeIds.has(e.target))
      .map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
  const result = await elk.layout(root);
  const fixed = graph.nodes.filter((n) => n.fixed);
  const top = fixed.length ? Math.max(...fixed.map((n) => n.fixed!.y + n.height)) + spacing * 2 : 0;
  const left = fixed.length ? Math.min(...fixed.map((n) => n.fixed!.x)) : 0;
  const out: Record<Id, { x: number; y: number }> = {};
  for (const c of result.children ?? []) out[c.id] = { x: Math.round((c.x ?? 0) + left), y: Math.round((c.y ?? 0) + top) };
  for (const n of fixed) out[n.id] = n.fixed!;
  return out;
}
