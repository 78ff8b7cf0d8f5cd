import type { Action } from '@/lib/actions/registry';
import { addTable } from '@/lib/store/commands';
import type { EditorContext } from '@/components/editor/context';
import { newTable, viewportCenter } from './helpers';
import { freeSpot } from '@/lib/layout/free-spot';
import { estimateNodeSize } from '@/lib/layout/size';

export const addTableAction: Action<EditorContext> = {
  id: 'add-table',
  edits: true,
  label: 'Add table',
  group: 'Table',
  shortcuts: ['T'],
  perform(ctx) {
    const doc = ctx.store.getState().document;
    const table = newTable(doc);
    // At the centre of the view, or the nearest place around it that covers no table, view, enum or note.
    const rects = ctx.flow
      .getNodes()
      .filter((n) => n.type !== 'group' && !n.hidden)
      .map((n) => ({ x: n.position.x, y: n.position.y, width: n.measured?.width ?? n.width ?? 224, height: n.measured?.height ?? n.height ?? 120 }));
    const spot = freeSpot(rects, viewportCenter(ctx), estimateNodeSize({ ...doc, tables: { ...doc.tables, [table.id]: table } }, table.id));
    ctx.store.getState().dispatch(addTable(table, { ...spot, pinned: true }));
    ctx.ui().select([table.id]);
    ctx.ui().showPanel('inspector');
    ctx.ui().announce(`Added table ${table.name}`);
  },
};
