import type { Action } from '@/lib/actions/registry';
import type { EditorContext } from '@/components/editor/context';
import { focusTable, selectedTableIds } from './helpers';

export const fitViewAction: Action<EditorContext> = {
  id: 'fit-view',
  label: 'Fit view',
  group: 'View',
  shortcuts: ['Shift+1'],
  perform: (ctx) => void ctx.flow.fitView({ padding: 0.1, duration: 300 }),
};

export const zoomToSelectionAction: Action<EditorContext> = {
  id: 'zoom-to-selection',
  label: 'Zoom to selection',
  group: 'View',
  shortcuts: ['Shift+2'],
  enabled: (ctx) => ctx.ui().selected.size > 0,
  perform(ctx) {
    const ids = selectedTableIds(ctx);
    if (ids.length === 1) return focusTable(ctx, ids[0]);
    void ctx.flow.fitView({ nodes: ids.map((id) => ({ id })), padding: 0.2, duration: 300 });
  },
};

export const toggleDarkAction: Action<EditorContext> = {
  id: 'toggle-dark',
  label: 'Dark mode',
  group: 'View',
  shortcuts: ['Shift+D'],
  perform(ctx) {
    const dark = !ctx.ui().dark;
    ctx.ui().setDark(dark);
    try {
      localStorage.setItem('schemata:theme', dark ? 'dark' : 'light');
    } catch {}
  },
};
