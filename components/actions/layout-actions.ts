import type { Action } from '@/lib/actions/registry';
import { addGroup, addNote, deleteGroup, toggleCollapsed } from '@/lib/store/commands';
import { newId } from '@/lib/schema/ids';
import type { EditorContext } from '@/components/editor/context';
import { selectedTableIds, viewportCenter } from './helpers';

const GROUP_COLORS = ['#0ea5e9', '#22c55e', '#f59e0b', '#ef4444', '#a855f7', '#14b8a6'];

export const collapseAction: Action<EditorContext> = {
  id: 'collapse',
  edits: true,
  label: 'Collapse to keys',
  group: 'Table',
  shortcuts: ['Shift+C'],
  enabled: (ctx) => selectedTableIds(ctx).length > 0,
  perform(ctx) {
    const ids = selectedTableIds(ctx);
    if (ids.length) ctx.store.getState().dispatch(toggleCollapsed(ids));
  },
};

export const addNoteAction: Action<EditorContext> = {
  id: 'add-note',
  edits: true,
  label: 'Add note',
  group: 'Table',
  shortcuts: ['N'],
  perform(ctx) {
    const c = viewportCenter(ctx);
    const id = newId('note');
    ctx.store.getState().dispatch(addNote({ id, text: 'Note', x: Math.round(c.x - 90), y: Math.round(c.y - 50), width: 180, height: 100, color: '#fef08a' }));
    ctx.ui().select([id]);
    ctx.ui().editNote(id);
  },
};

export const groupAction: Action<EditorContext> = {
  id: 'group',
  edits: true,
  label: 'Group tables',
  group: 'Table',
  shortcuts: ['Mod+G'],
  enabled: (ctx) => selectedTableIds(ctx).length > 0,
  perform(ctx) {
    const tableIds = selectedTableIds(ctx);
    if (!tableIds.length) return ctx.ui().announce('Select tables to group');
    const n = Object.keys(ctx.store.getState().document.layout.groups).length;
    const id = newId('grp');
    ctx.store.getState().dispatch(addGroup({ id, name: `Group ${n + 1}`, color: GROUP_COLORS[n % GROUP_COLORS.length], tableIds }));
    ctx.ui().announce(`Grouped ${tableIds.length} tables`);
  },
};

export const ungroupAction: Action<EditorContext> = {
  id: 'ungroup',
  edits: true,
  label: 'Ungroup',
  group: 'Table',
  shortcuts: ['Mod+Shift+G'],
  perform(ctx) {
    const doc = ctx.store.getState().document;
    const sel = ctx.ui().selected;
    for (const g of Object.values(doc.layout.groups)) {
      if (sel.has(g.id) || g.tableIds.some((t) => sel.has(t))) ctx.store.getState().dispatch(deleteGroup(g.id));
    }
  },
};
