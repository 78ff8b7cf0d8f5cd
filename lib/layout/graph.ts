/** The layout input for a document (no layout engine here: the import worker and the quick layout use it without ELK). */
import type { Id, SchemaDocument } from '../schema/types';
import { estimateNodeSize } from './size';

export interface LayoutGraph {
  nodes: { id: Id; width: number; height: number; fixed?: { x: number; y: number } }[];
  edges: { id: string; source: Id; target: Id }[];
}

/** The layout input for a document: tables, enums and views, edges from relations. */
export function layoutGraph(
  doc: SchemaDocument,
  opts: { sizes?: ReadonlyMap<Id, { width: number; height: number }>; keep?: ReadonlySet<Id> } = {},
): LayoutGraph {
  const ids = [...Object.keys(doc.tables), ...Object.keys(doc.enums), ...Object.keys(doc.views)];
  const nodes = ids.map((id) => {
    const size = opts.sizes?.get(id) ?? estimateNodeSize(doc, id);
    const pos = doc.layout.nodes[id];
    return { id, ...size, ...(opts.keep?.has(id) && pos ? { fixed: { x: pos.x, y: pos.y } } : {}) };
  });
  const edges: LayoutGraph['edges'] = [];
  for (const r of Object.values(doc.relations)) {
    if (r.kind === 'foreign-key') {
      if (r.from.table !== r.to.table) edges.push({ id: r.id, source: r.to.table, target: r.from.table });
    } else if (r.a.table !== r.b.table) edges.push({ id: r.id, source: r.a.table, target: r.b.table });
  }
  for (const t of Object.values(doc.tables)) {
    for (const c of t.columns) {
      if (c.type.kind === 'Enum' && c.type.enumId && doc.enums[c.type.enumId]) {
        edges.push({ id: `${t.id}:${c.id}:enum`, source: c.type.enumId, target: t.id });
      }
    }
  }
  return { nodes, edges };
}
