/**
 * A fast layered layout (linear time) used to show an import at once; ELK then refines it in the
 * worker. Rank = longest path from a referenced table; ranks become columns, wrapped into bands
 * when there are too many.
 */
import type { LayoutGraph } from './graph';
import type { Id } from '../schema/types';

export function quickLayout(graph: LayoutGraph, spacing = 60): Record<Id, { x: number; y: number }> {
  const ids = graph.nodes.map((n) => n.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const out: Id[][] = ids.map(() => []);
  const indeg = new Array(ids.length).fill(0);
  for (const e of graph.edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s === undefined || t === undefined || s === t) continue;
    out[s].push(e.target);
    indeg[t]++;
  }
  // Kahn's algorithm for longest-path ranks; nodes left in cycles get rank 0.
  const rank = new Array(ids.length).fill(0);
  const queue: number[] = [];
  indeg.forEach((d, i) => d === 0 && queue.push(i));
  for (let q = 0; q < queue.length; q++) {
    const i = queue[q];
    for (const t of out[i]) {
      const j = index.get(t)!;
      rank[j] = Math.max(rank[j], rank[i] + 1);
      if (--indeg[j] === 0) queue.push(j);
    }
  }
  const maxPerColumn = Math.max(4, Math.ceil(Math.sqrt(ids.length) * 0.8));
  const columns: number[][] = [];
  const byRank = new Map<number, number[]>();
  ids.forEach((_, i) => {
    const list = byRank.get(rank[i]) ?? [];
    list.push(i);
    byRank.set(rank[i], list);
  });
  for (const r of [...byRank.keys()].sort((a, b) => a - b)) {
    const list = byRank.get(r)!;
    for (let k = 0; k < list.length; k += maxPerColumn) columns.push(list.slice(k, k + maxPerColumn));
  }
  const maxColumns = Math.max(4, Math.ceil(Math.sqrt(ids.length) * 1.4));
  const positions: Record<Id, { x: number; y: number }> = {};
  let bandTop = 0;
  for (let b = 0; b < columns.length; b += maxColumns) {
    let x = 0;
    let bandHeight = 0;
    for (const col of columns.slice(b, b + maxColumns)) {
      let y = bandTop;
      let width = 0;
      for (const i of col) {
        const n = graph.nodes[i];
        positions[n.id] = { x, y };
        y += n.height + spacing / 2;
        width = Math.max(width, n.width);
      }
      bandHeight = Math.max(bandHeight, y - bandTop);
      x += width + spacing * 1.5;
    }
    bandTop += bandHeight + spacing * 2;
  }
  return positions;
}
