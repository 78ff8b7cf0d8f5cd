/** Node sizes for layout before the canvas has measured them. Mirrors the table node's CSS. */
import type { SchemaDocument } from '../schema/types';

export const HEADER_HEIGHT = 30;
export const ROW_HEIGHT = 24;
export const MIN_WIDTH = 224;
const CHAR = 7;

export function estimateNodeSize(doc: SchemaDocument, id: string): { width: number; height: number } {
  const t = doc.tables[id];
  if (t) {
    const collapsed = doc.layout.nodes[id]?.collapsed;
    const rows = collapsed ? t.columns.filter((c) => t.primaryKey?.columns.some((k) => k.column === c.id)).length : t.columns.length;
    const widest = Math.max(t.name.length * 8, ...t.columns.map((c) => (c.name.length + 14) * CHAR));
    return { width: Math.max(MIN_WIDTH, widest + 48), height: HEADER_HEIGHT + rows * ROW_HEIGHT + 2 };
  }
  const v = doc.views[id];
  if (v) {
    const cols = v.columns ?? [];
    const widest = Math.max(v.name.length * 8, ...cols.map((c) => (c.name.length + 14) * CHAR));
    return { width: Math.max(MIN_WIDTH, widest + 48), height: HEADER_HEIGHT + Math.max(1, cols.length) * ROW_HEIGHT + 2 };
  }
  const e = doc.enums[id];
  if (e) return { width: Math.max(160, ...e.values.map((v) => v.name.length * CHAR + 32)), height: HEADER_HEIGHT + e.values.length * ROW_HEIGHT + 2 };
  return { width: MIN_WIDTH, height: 120 };
}
