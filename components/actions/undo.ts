import type { Action } from '@/lib/actions/registry';
import type { EditorContext } from '@/components/editor/context';

export const undoAction: Action<EditorContext> = {
  id: 'undo',
  label: 'Undo',
  group: 'Edit',
  shortcuts: ['Mod+Z'],
  enabled: (ctx) => ctx.store.getState().past.length > 0 && !ctx.store.getState().provisional,
  perform: (ctx) => ctx.store.getState().undo(),
};
