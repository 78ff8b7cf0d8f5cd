import type { Action } from '@/lib/actions/registry';
import type { EditorContext } from '@/components/editor/context';

export const selectAllAction: Action<EditorContext> = {
  id: 'select-all',
  label: 'Select all tables',
  group: 'Edit',
  shortcuts: ['Mod+A'],
  perform: (ctx) => ctx.ui().select(Object.keys(ctx.store.getState().document.tables)),
};

export const clearSelectionAction: Action<EditorContext> = {
  id: 'clear-selection',
  label: 'Clear selection',
  group: 'Edit',
  shortcuts: ['Escape'],
  perform: (ctx) => ctx.ui().clearSelection(),
};
