import type { Action } from '@/lib/actions/registry';
import { relationsOfTable } from '@/lib/schema/document';
import { rawOnTables } from '@/lib/sql/raw-subjects';
import { deleteTable, deleteNote, deleteGroup, deleteEnum, deleteRelation, deleteView } from '@/lib/store/commands';
import { command } from '@/lib/store/command';
import type { EditorContext } from '@/components/editor/context';

export const deleteSelectionAction: Action<EditorContext> = {
  id: 'delete',
  label: 'Delete selection',
  group: 'Edit',
  shortcuts: ['Delete', 'Backspace'],
  enabled: (ctx) => ctx.ui().selected.size > 0,
  perform(ctx) {
    const doc = ctx.store.getState().document;
    const ids = [...ctx.ui().selected];
    const tables = ids.filter((id) => doc.tables[id]);
    const notes = ids.filter((id) => doc.layout.notes[id]);
    const groups = ids.filter((id) => doc.layout.groups[id]);
    const enums = ids.filter((id) => doc.enums[id]);
    const views = ids.filter((id) => doc.views[id]);
    const tableSet = new Set(tables);
    // Relations selected on their own (edges), unless a selected table takes them away anyway.
    const edges = ids.filter((id) => {
      const r = doc.relations[id];
      return r && !(r.kind === 'foreign-key' ? tableSet.has(r.from.table) || tableSet.has(r.to.table) : tableSet.has(r.a.table) || tableSet.has(r.b.table));
    });
    if (!tables.length && !notes.length && !groups.length && !enums.length && !views.length && !edges.length) return;
    const relations = new Set(tables.flatMap((id) => relationsOfTable(doc, id).map((r) => r.id)));
    const run = () => {
      // One command, so one undo step restores everything.
      const cmds = [...edges.map(deleteRelation), ...tables.map(deleteTable), ...enums.map(deleteEnum), ...views.map(deleteView), ...notes.map(deleteNote), ...groups.map(deleteGroup)];
      ctx.store.getState().dispatch(command('selection/delete', 'Delete', (d) => cmds.reduce((acc, c) => c.apply(acc), d)));
      ctx.ui().clearSelection();
      ctx.ui().announce(`Deleted ${ids.length} item(s)`);
    };
    // What is kept as SQL on the tables (triggers, policies, ...) goes too, as in PostgreSQL's DROP TABLE.
    const raws = rawOnTables(doc, tableSet).length;
    if (relations.size || raws) {
      const names = tables.map((id) => doc.tables[id].name).join(', ');
      const also = [relations.size ? `${relations.size} relation${relations.size > 1 ? 's' : ''}` : '', raws ? `${raws} SQL statement${raws > 1 ? 's' : ''} on ${tables.length > 1 ? 'them' : 'it'} (triggers, policies, indexes, ...)` : ''].filter(Boolean);
      ctx.ui().askConfirm({
        title: 'Delete tables?',
        message: `Deleting ${names} also drops ${also.join(' and ')}.`,
        confirmLabel: 'Delete',
        onConfirm: run,
      });
    } else run();
  },
};
