import type { Action } from '@/lib/actions/registry';
import type { EditorContext } from '@/components/editor/context';

export const selectAllAction: Action<EditorContext> = {
  id: 'select-all',
  label: 'Select all',
  group: 'Edit',
  shortcuts: ['Mod+A'],
  perform(ctx) {
    const doc = ctx.store.getState().document;
    ctx.ui().select([...Object.keys(doc.tables), ...Object.keys(doc.enums), ...Object.keys(doc.layout.notes)]);
  },
};

export const clearSelectionAction: Action<EditorContext> = {
  id: 'clear-selection',
  label: 'Clear selection',
  group: 'Edit',
  shortcuts: ['Escape'],
  perform: (ctx) => ctx.ui().clearSelection(),
};
