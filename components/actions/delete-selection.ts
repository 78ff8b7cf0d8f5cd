import type { Action } from '@/lib/actions/registry';
import { goesInWords, whatGoes } from '@/lib/sql/follow';
import { deleteTable, deleteNote, deleteGroup, deleteEnum, deleteRelation, deleteView } from '@/lib/store/commands';
import { command } from '@/lib/store/command';
import type { EditorContext } from '@/components/editor/context';

/** A view selected with a table it reads may have gone with the table already. */
const deleteViewIfThere = (id: string) => command('view/delete', 'Delete view', (d) => (d.views[id] ? deleteView(id).apply(d) : d));

export const deleteSelectionAction: Action<EditorContext> = {
  id: 'delete',
  edits: true,
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
    // One command, so one undo step restores everything.
    const cmds = [...edges.map(deleteRelation), ...tables.map(deleteTable), ...enums.map(deleteEnum), ...views.map(deleteViewIfThere), ...notes.map(deleteNote), ...groups.map(deleteGroup)];
    const remove = command('selection/delete', 'Delete', (d) => cmds.reduce((acc, c) => c.apply(acc), d));
    const run = () => {
      ctx.store.getState().dispatch(remove);
      ctx.ui().clearSelection();
      ctx.ui().announce(`Deleted ${ids.length} item(s)`);
    };
    // What goes with them (relations, SQL kept on the tables, views that read them), as in PostgreSQL's DROP ... CASCADE.
    // A relation of a selected table is told even when it is selected too: a box selection selects
    // every edge that touches a table in the box, which is not asking for it.
    const asked = new Set([...tables, ...notes, ...groups, ...enums, ...views, ...edges]);
    const also = goesInWords(whatGoes(doc, remove.apply(doc), asked), tables.length + views.length > 1 ? 'them' : 'it');
    if (also) {
      const names = [...tables.map((id) => doc.tables[id].name), ...views.map((id) => doc.views[id].name)].join(', ');
      ctx.ui().askConfirm({
        title: tables.length ? 'Delete tables?' : 'Delete views?',
        message: `Deleting ${names} also drops ${also}.`,
        confirmLabel: 'Delete',
        onConfirm: run,
      });
    } else run();
  },
};
