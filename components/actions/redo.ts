import type { Action } from '@/lib/actions/registry';
import type { EditorContext } from '@/components/editor/context';

export const redoAction: Action<EditorContext> = {
  id: 'redo',
  label: 'Redo',
  group: 'Edit',
  shortcuts: ['Mod+Shift+Z', 'Mod+Y'],
  enabled: (ctx) => ctx.store.getState().future.length > 0 && !ctx.store.getState().provisional,
  perform: (ctx) => ctx.store.getState().redo(),
};
