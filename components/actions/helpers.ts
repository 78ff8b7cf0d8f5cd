'use client';
import { createColumn, createTable } from '@/lib/schema/document';
import type { Id, SchemaDocument } from '@/lib/schema/types';
import type { EditorContext } from '@/components/editor/context';

export function selectedTableIds(ctx: EditorContext): Id[] {
  const doc = ctx.store.getState().document;
  return [...ctx.ui().selected].filter((id) => doc.tables[id]);
}

/** The canvas point at the centre of the viewport. */
export function viewportCenter(ctx: EditorContext): { x: number; y: number } {
  const el = document.querySelector('.react-flow');
  const r = el?.getBoundingClientRect();
  return ctx.flow.screenToFlowPosition({ x: (r?.left ?? 0) + (r?.width ?? 800) / 2, y: (r?.top ?? 0) + (r?.height ?? 600) / 2 });
}

export function freeTableName(doc: SchemaDocument, base = 'Table'): string {
  const taken = new Set(Object.values(doc.tables).map((t) => t.name));
  for (let i = 1; ; i++) if (!taken.has(`${base}${i}`)) return `${base}${i}`;
}

export function newTable(doc: SchemaDocument) {
  const id = createColumn('id', 'Int', undefined, { default: { kind: 'function', name: 'autoincrement', args: [] } });
  return createTable(freeTableName(doc), undefined, { columns: [id], primaryKey: { columns: [{ column: id.id }] } });
}

/** Centres a table and selects it in the inspector; with `column`, that column's name field takes the focus there. */
export function focusTable(ctx: EditorContext, id: Id, column?: Id) {
  const node = ctx.flow.getNode(id);
  const m = ctx.measured().get(id);
  if (node) {
    ctx.flow.setCenter(node.position.x + (m?.width ?? 220) / 2, node.position.y + (m?.height ?? 120) / 2, { zoom: Math.max(ctx.flow.getZoom(), 0.9), duration: 300 });
  }
  ctx.ui().select([id]);
  ctx.ui().showPanel('inspector');
  if (column) {
    // Once the inspector shows the table.
    requestAnimationFrame(() => {
      const input = document.querySelector<HTMLInputElement>(`[data-column-name="${CSS.escape(column)}"]`);
      input?.scrollIntoView({ block: 'nearest' });
      input?.focus();
    });
  }
}
