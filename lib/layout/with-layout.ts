/** Positions for tables, enums and views that have none, from the fast layered layout, so a document can be shown at once. */
import type { SchemaDocument } from '../schema/types';
import { layoutGraph } from './graph';
import { quickLayout } from './quick';

export function withLayout(doc: SchemaDocument): SchemaDocument {
  const ids = [...Object.keys(doc.tables), ...Object.keys(doc.enums), ...Object.keys(doc.views)];
  const missing = ids.filter((id) => !doc.layout.nodes[id]);
  if (!missing.length) return doc;
  const positions = quickLayout(layoutGraph(doc));
  const nodes = { ...doc.layout.nodes };
  for (const id of missing) nodes[id] = positions[id];
  return { ...doc, layout: { ...doc.layout, nodes } };
}
