/**
 * Makes a layered layout compact. ELK's layered algorithm leaves room for the long edges it routes
 * (a dummy node per layer an edge crosses), and puts every table that references a hub (`User`)
 * in one layer: a schema of hundreds of tables becomes a column thousands of pixels tall and
 * mostly empty. The canvas draws its own edges, so that room is of no use to it.
 *
 * This keeps what the layering decided (which layer a table is in, and its order in the layer) and
 * places the tables again: each layer stacked tight, wrapped into several columns where it would be
 * taller than the rest of the drawing allows, each connected component made about as wide as
 * `aspect` times its height, and the components packed in rows to the same aspect. Linear in the
 * number of tables per try; the column height and the row width are found by bisection.
 */
import type { Id } from '../schema/types';

export interface Placed {
  id: Id;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface CompactOptions {
  /** Space between tables in a column, and between components. */
  gap: number;
  /** Space between layers (where edges run). */
  layerGap: number;
  /** Width over height aimed at, for each component and for the whole. */
  aspect: number;
}

type Size = { width: number; height: number };

/** Components of the graph (by its edges), each a list of its nodes. */
function components(nodes: Placed[], edges: { source: Id; target: Id }[]): Placed[][] {
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const parent = nodes.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (const e of edges) {
    const a = index.get(e.source);
    const b = index.get(e.target);
    if (a !== undefined && b !== undefined) parent[find(a)] = find(b);
  }
  const groups = new Map<number, Placed[]>();
  nodes.forEach((n, i) => {
    const root = find(i);
    const list = groups.get(root);
    if (list) list.push(n);
    else groups.set(root, [n]);
  });
  return [...groups.values()];
}

/** A component's layers, left to right, each top to bottom: nodes whose x ranges overlap share a layer. */
function layers(nodes: Placed[]): Placed[][] {
  const byX = [...nodes].sort((a, b) => a.x - b.x || a.y - b.y);
  const out: Placed[][] = [];
  let right = -Infinity;
  for (const n of byX) {
    if (n.x >= right) {
      out.push([n]);
      right = n.x + n.width;
    } else {
      out[out.length - 1].push(n);
      right = Math.max(right, n.x + n.width);
    }
  }
  for (const layer of out) layer.sort((a, b) => a.y - b.y || a.x - b.x);
  return out;
}

/**
 * Columns of layers wrapped at `limit` height, and layers wrapped into bands (rows of layers, one
 * under the other) at `bandWidth`: a deep component (a chain of references) would else be one long
 * row. Positions relative to the component, and its size.
 */
function arrange(ls: Placed[][], limit: number, bandWidth: number, o: CompactOptions, out?: Map<Id, { x: number; y: number }>): Size {
  type Column = { nodes: Placed[]; width: number; height: number; x: number };
  const bands: { columns: Column[]; height: number }[] = [{ columns: [], height: 0 }];
  let x = 0;
  let width = 0;
  for (const layer of ls) {
    let band = bands[bands.length - 1];
    if (x > 0 && x + layer[0].width > bandWidth) {
      band = { columns: [], height: 0 };
      bands.push(band);
      x = 0;
    }
    let col: Column | undefined;
    for (const n of layer) {
      if (!col || (col.nodes.length && col.height + o.gap + n.height > limit)) {
        if (col) x += col.width + o.gap;
        col = { nodes: [], width: 0, height: 0, x };
        band.columns.push(col);
      }
      col.height += (col.nodes.length ? o.gap : 0) + n.height;
      col.width = Math.max(col.width, n.width);
      col.nodes.push(n);
      band.height = Math.max(band.height, col.height);
    }
    if (col) {
      width = Math.max(width, x + col.width);
      x += col.width + o.layerGap;
    }
  }
  let top = 0;
  for (const band of bands) {
    if (out) {
      for (const c of band.columns) {
        // Short columns are centred on the band's tallest, as a layered drawing centres its layers.
        let y = top + Math.round((band.height - c.height) / 2);
        for (const n of c.nodes) {
          out.set(n.id, { x: c.x, y });
          y += n.height + o.gap;
        }
      }
    }
    top += band.height + o.layerGap;
  }
  return { width, height: Math.max(0, top - o.layerGap) };
}

/**
 * The column height for which `size(limit)` comes closest to `aspect` (wider as the limit falls),
 * between the tallest item and everything in one column.
 */
function fit(min: number, max: number, aspect: number, size: (limit: number) => Size): number {
  const score = (s: Size) => Math.abs(Math.log(Math.max(1, s.width) / Math.max(1, s.height) / aspect));
  let lo = min;
  let hi = Math.max(min, max);
  let best = hi;
  let bestScore = score(size(hi));
  for (let i = 0; i < 24 && hi - lo > 1; i++) {
    const mid = (lo + hi) / 2;
    const s = size(mid);
    const sc = score(s);
    if (sc < bestScore) [best, bestScore] = [mid, sc];
    if (s.width / Math.max(1, s.height) > aspect) lo = mid;
    else hi = mid;
  }
  return best;
}

const turned = (s: Size): Size => ({ width: s.height, height: s.width });

/** Boxes packed in rows (tallest first) no wider than `limit`: their positions, and the size of the whole. */
function pack(boxes: Size[], limit: number, gap: number, out?: { x: number; y: number }[]): Size {
  const order = boxes.map((_, i) => i).sort((a, b) => boxes[b].height - boxes[a].height || boxes[b].width - boxes[a].width);
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  let width = 0;
  for (const i of order) {
    const b = boxes[i];
    if (x > 0 && x + b.width > limit) {
      y += rowHeight + gap;
      x = 0;
      rowHeight = 0;
    }
    if (out) out[i] = { x, y };
    x += b.width + gap;
    rowHeight = Math.max(rowHeight, b.height);
    width = Math.max(width, x - gap);
  }
  return { width, height: y + rowHeight };
}

/** New positions (top left at 0,0) for nodes laid out in layers from left to right. */
export function compactLayered(nodes: Placed[], edges: { source: Id; target: Id }[], o: CompactOptions): Map<Id, { x: number; y: number }> {
  const parts = components(nodes, edges).map((members) => {
    const ls = layers(members);
    const tallest = Math.max(...members.map((n) => n.height));
    const all = members.reduce((s, n) => s + n.height + o.gap, 0);
    const limit = fit(tallest, all, o.aspect, (l) => arrange(ls, l, Infinity, o));
    // Still too wide with the shortest columns (a deep component): wrap its layers into bands.
    const natural = arrange(ls, limit, Infinity, o);
    const widest = Math.max(...members.map((n) => n.width));
    const band = natural.width > 1.5 * o.aspect * natural.height ? fit(widest, natural.width, 1 / o.aspect, (w) => turned(arrange(ls, limit, w, o))) : Infinity;
    const local = new Map<Id, { x: number; y: number }>();
    const size = arrange(ls, limit, band, o, local);
    return { local, size };
  });
  const sizes = parts.map((p) => p.size);
  const widest = Math.max(0, ...sizes.map((s) => s.width));
  const total = sizes.reduce((s, b) => s + b.width + o.gap, 0);
  // Rows as wide as the widest component at least. Packing is not quite monotone in the limit; bisection keeps the best seen.
  // A wider limit gives a wider packing, where fit() expects a narrower one: so it is given the packing turned round.
  const rowLimit = fit(widest, total, 1 / o.aspect, (l) => turned(pack(sizes, l, o.gap)));
  const at: { x: number; y: number }[] = [];
  pack(sizes, rowLimit, o.gap, at);
  const out = new Map<Id, { x: number; y: number }>();
  parts.forEach((p, i) => {
    for (const [id, q] of p.local) out.set(id, { x: Math.round(q.x + at[i].x), y: Math.round(q.y + at[i].y) });
  });
  return out;
}
