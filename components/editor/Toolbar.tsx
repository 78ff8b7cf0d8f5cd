'use client';
import { useSchema } from '@/lib/store/react';

export function Toolbar() {
  const name = useSchema((s) => s.document.name);
  const tableCount = useSchema((s) => Object.keys(s.document.tables).length);
  const canUndo = useSchema((s) => s.past.length > 0);
  const canRedo = useSchema((s) => s.future.length > 0);
  const undo = useSchema((s) => s.undo);
  const redo = useSchema((s) => s.redo);
  return (
    <header className="flex h-12 shrink-0 items-center gap-3 border-b border-slate-200 bg-white px-3 dark:border-slate-800 dark:bg-slate-900">
      <span className="font-semibold tracking-tight">Schemata</span>
      <h1 className="text-sm text-slate-600 dark:text-slate-300">
        {name} <span className="text-slate-400">· {tableCount} tables</span>
      </h1>
      <div className="ml-auto flex items-center gap-1">
        <button type="button" className="btn" onClick={undo} disabled={!canUndo} aria-label="Undo" title="Undo (Ctrl+Z)">
          Undo
        </button>
        <button type="button" className="btn" onClick={redo} disabled={!canRedo} aria-label="Redo" title="Redo (Ctrl+Shift+Z)">
          Redo
        </button>
      </div>
    </header>
  );
}
