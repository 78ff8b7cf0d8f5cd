/**
 * A simple grid layout for documents without positions (templates, imports). Row heights follow
 * the tallest node in the row, estimated from its column count, so nodes do not overlap.
 * A real auto layout can replace this later; it only fills in `layout.nodes`.
 */
import type { NodeLayout, SchemaDocument } from '../schema/types';

export interface GridLayoutOptions {
  /** Nodes per row; defaults to about the square root of the node count (at least 3). */
  columns?: number;
  cellWidth?: number;
  gap?: number;
  headerHeight?: number;
  rowHeight?: number;
  /** Keep positions already in the document (default true). */
  keepExisting?: boolean;
}

export function gridLayout(doc: SchemaDocument, opts: GridLayoutOptions = {}): SchemaDocument {
  const { cellWidth = 380, gap = 60, headerHeight = 44, rowHeight = 26, keepExisting = true } = opts;
  const nodes: { id: string; rows: number }[] = [
    ...Object.values(doc.tables).map((t) => ({ id: t.id, rows: t.columns.length })),
    ...Object.values(doc.enums).map((e) => ({ id: e.id, rows: e.values.length })),
  ].filter((n) => !(keepExisting && doc.layout.nodes[n.id]));
  if (!nodes.length) return doc;
  const columns = opts.columns ?? Math.max(3, Math.ceil(Math.sqrt(nodes.length)));
  const placed: Record<string, NodeLayout> = {};
  // Below anything already placed.
  let y = keepExisting
    ? Math.max(0, ...Object.values(doc.layout.nodes).map((n) => n.y + (n.height ?? 300) + gap))
    : 0;
  for (let start = 0; start < nodes.length; start += columns) {
    const row = nodes.slice(start, start + columns);
    row.forEach((n, i) => {
      placed[n.id] = { x: i * cellWidth, y };
    });
    y += headerHeight + rowHeight * Math.max(...row.map((n) => n.rows)) + gap;
  }
  const kept = keepExisting ? doc.layout.nodes : {};
  return { ...doc, layout: { ...doc.layout, nodes: { ...kept, ...placed } } };
}
