import type { Action } from '@/lib/actions/registry';
import { copyTables, pasteFragment } from '@/lib/store/commands';
import type { EditorContext } from '@/components/editor/context';
import { selectedTableIds } from './helpers';

function copy(ctx: EditorContext): boolean {
  const fragment = copyTables(ctx.store.getState().document, selectedTableIds(ctx));
  if (!fragment) return false;
  ctx.ui().setClipboard(fragment);
  void navigator.clipboard?.writeText(JSON.stringify(fragment)).catch(() => {});
  return true;
}

function paste(ctx: EditorContext, fragment = ctx.ui().clipboard) {
  if (!fragment) return;
  ctx.store.getState().dispatch(pasteFragment(fragment, { onPasted: (ids) => ctx.ui().select(ids) }));
  ctx.ui().announce(`Pasted ${fragment.tables.length} table(s)`);
}

export const copyAction: Action<EditorContext> = {
  id: 'copy',
  label: 'Copy',
  group: 'Edit',
  shortcuts: ['Mod+C'],
  enabled: (ctx) => selectedTableIds(ctx).length > 0,
  perform: (ctx) => void copy(ctx),
};

export const pasteAction: Action<EditorContext> = {
  id: 'paste',
  edits: true,
  label: 'Paste',
  group: 'Edit',
  shortcuts: ['Mod+V'],
  enabled: (ctx) => !!ctx.ui().clipboard,
  perform: (ctx) => paste(ctx),
};

export const duplicateAction: Action<EditorContext> = {
  id: 'duplicate',
  edits: true,
  label: 'Duplicate',
  group: 'Edit',
  shortcuts: ['Mod+D'],
  enabled: (ctx) => selectedTableIds(ctx).length > 0,
  perform(ctx) {
    const fragment = copyTables(ctx.store.getState().document, selectedTableIds(ctx));
    if (fragment) paste(ctx, fragment);
  },
};
