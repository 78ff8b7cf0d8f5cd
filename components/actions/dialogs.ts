import type { Action } from '@/lib/actions/registry';
import type { EditorContext } from '@/components/editor/context';

export const searchAction: Action<EditorContext> = {
  id: 'search',
  label: 'Search',
  group: 'View',
  shortcuts: ['Mod+K'],
  inInputs: true,
  perform: (ctx) => ctx.ui().openDialog('search'),
};

export const helpAction: Action<EditorContext> = {
  id: 'help',
  label: 'Keyboard shortcuts',
  group: 'Help',
  shortcuts: ['?'],
  perform: (ctx) => ctx.ui().openDialog('help'),
};

export const importAction: Action<EditorContext> = {
  id: 'import',
  label: 'Import',
  group: 'Document',
  shortcuts: ['Mod+O'],
  inInputs: true,
  perform: (ctx) => {
    ctx.ui().setImportReport(null); // a fresh dialog, not the last import's messages
    ctx.ui().openDialog('import');
  },
};

export const exportAction: Action<EditorContext> = {
  id: 'export',
  label: 'Export',
  group: 'Document',
  shortcuts: ['Mod+E'],
  inInputs: true,
  perform: (ctx) => ctx.ui().openDialog('export'),
};
