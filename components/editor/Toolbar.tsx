'use client';
import { useSchema } from '@/lib/store/react';
import { READ_ONLY_WHILE_CHECKING, runAction } from '@/components/actions/run';
import { actionRegistry } from '@/components/actions';
import { displayShortcut } from '@/lib/actions/shortcuts';
import { DocumentMenu } from '@/components/documents/DocumentMenu';
import { TabPresence } from '@/components/documents/TabPresence';
import { useEditorContext } from './EditorContextProvider';
import { useUi } from './uiStore';

function ActionButton({ id, children, disabled }: { id: string; children?: React.ReactNode; disabled?: boolean }) {
  const ctx = useEditorContext();
  const action = actionRegistry.get(id)!;
  const shortcut = action.shortcuts?.[0];
  // An import preview is read-only until PostgreSQL has checked it: edits say so, and wait.
  const readOnly = useSchema((s) => !!s.provisional) && !!action.edits;
  const title = shortcut ? `${action.label} (${displayShortcut(shortcut)})` : action.label;
  return (
    <button
      type="button"
      className="btn"
      aria-label={action.label}
      title={readOnly ? `${title}: ${READ_ONLY_WHILE_CHECKING.toLowerCase()}` : title}
      disabled={disabled || readOnly}
      onClick={() => runAction(ctx, action)}
    >
      {children ?? action.label}
    </button>
  );
}

export function Toolbar() {
  const name = useSchema((s) => s.document.name);
  const tableCount = useSchema((s) => Object.keys(s.document.tables).length);
  const provisional = useSchema((s) => s.provisional);
  const canUndo = useSchema((s) => s.past.length > 0 && !s.provisional);
  const canRedo = useSchema((s) => s.future.length > 0 && !s.provisional);
  const oneTable = useUi((s) => s.selected.size === 1);
  const dark = useUi((s) => s.dark);
  return (
    <header className="flex h-12 shrink-0 items-center gap-2 border-b border-slate-200 bg-white px-3 dark:border-slate-800 dark:bg-slate-900">
      <span className="font-semibold tracking-tight">Schemata</span>
      <DocumentMenu />
      <h1 className="min-w-0 truncate text-sm text-slate-600 dark:text-slate-300">
        {name} <span className="text-slate-400">· {tableCount} tables</span>
      </h1>
      <TabPresence />
      {provisional && (
        <span role="status" data-import-state="checking" className="shrink-0 animate-pulse whitespace-nowrap rounded bg-amber-100 px-2 py-0.5 text-xs text-amber-900 dark:bg-amber-900/40 dark:text-amber-200">
          Preview · {provisional}
        </span>
      )}
      <nav aria-label="Editor actions" className="ml-auto flex shrink-0 items-center gap-1 whitespace-nowrap">
        <ActionButton id="add-table" />
        <ActionButton id="add-column" disabled={!oneTable} />
        <ActionButton id="add-note">Note</ActionButton>
        <ActionButton id="auto-layout" />
        <span className="mx-1 h-5 w-px bg-slate-200 dark:bg-slate-700" />
        <ActionButton id="undo" disabled={!canUndo} />
        <ActionButton id="redo" disabled={!canRedo} />
        <span className="mx-1 h-5 w-px bg-slate-200 dark:bg-slate-700" />
        <ActionButton id="search">Search</ActionButton>
        <ActionButton id="import" />
        <ActionButton id="export" />
        <ActionButton id="toggle-dark">{dark ? 'Light' : 'Dark'}</ActionButton>
        <ActionButton id="help">?</ActionButton>
      </nav>
    </header>
  );
}
