import type { Action } from '@/lib/actions/registry';
import { addTable } from '@/lib/store/commands';
import type { EditorContext } from '@/components/editor/context';
import { newTable, viewportCenter } from './helpers';

export const addTableAction: Action<EditorContext> = {
  id: 'add-table',
  label: 'Add table',
  group: 'Table',
  shortcuts: ['T'],
  perform(ctx) {
    const doc = ctx.store.getState().document;
    const table = newTable(doc);
    const c = viewportCenter(ctx);
    const n = Object.keys(doc.tables).length % 5;
    ctx.store.getState().dispatch(addTable(table, { x: Math.round(c.x - 110 + n * 24), y: Math.round(c.y - 60 + n * 24), pinned: true }));
    ctx.ui().select([table.id]);
    ctx.ui().showPanel('inspector');
    ctx.ui().announce(`Added table ${table.name}`);
  },
};
