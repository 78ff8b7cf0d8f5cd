/** Node sizes for layout before the canvas has measured them. Mirrors the table node's CSS. */
import type { SchemaDocument, Table } from '../schema/types';
import { columnTypeLabel } from '../schema/column-edit';
import { viewRows } from '../schema/views';

export const HEADER_HEIGHT = 30;
export const ROW_HEIGHT = 24;
export const MIN_WIDTH = 224;
const CHAR = 7;
/** A character of the type label (monospace, text-xs). */
const MONO = 7.3;
/** A column row: its padding (12 + 12), key marker (28), gaps (8 + 8), name and type label. */
const rowWidth = (name: string, label: string) => 68 + name.length * CHAR + label.length * MONO;

/** A table node's width from its column type labels (as `columnTypeLabel` gives them): the header (name and database name) or its widest row. */
export function tableWidth(t: Table, labels: string[]): number {
  const header = t.name.length * 8 + (t.dbName ? t.dbName.length * CHAR + 8 : 0) + 40;
  const widest = Math.max(header, ...t.columns.map((c, i) => rowWidth(c.name, labels[i] ?? '')));
  return Math.max(MIN_WIDTH, Math.ceil(widest));
}

export function estimateNodeSize(doc: SchemaDocument, id: string): { width: number; height: number } {
  const t = doc.tables[id];
  if (t) {
    const collapsed = doc.layout.nodes[id]?.collapsed;
    const rows = collapsed ? t.columns.filter((c) => t.primaryKey?.columns.some((k) => k.column === c.id)).length : t.columns.length;
    return { width: tableWidth(t, t.columns.map((c) => columnTypeLabel(doc, c))), height: HEADER_HEIGHT + rows * ROW_HEIGHT + 2 };
  }
  const v = doc.views[id];
  if (v) {
    // A row: its padding (12 + 12), the gap (16), the name and the type, both monospace.
    const rows = viewRows(doc, v);
    const widest = Math.max(v.name.length * 8 + 40, ...rows.map((r) => 44 + (r.name.length + r.type.length) * MONO));
    return { width: Math.max(MIN_WIDTH, Math.ceil(widest)), height: HEADER_HEIGHT + Math.max(1, rows.length) * ROW_HEIGHT + 2 };
  }
  const e = doc.enums[id];
  if (e) return { width: Math.max(160, ...e.values.map((v) => v.name.length * CHAR + 32)), height: HEADER_HEIGHT + e.values.length * ROW_HEIGHT + 2 };
  return { width: MIN_WIDTH, height: 120 };
}
