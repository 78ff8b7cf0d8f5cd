'use client';
import { useEffect, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { SchemaStoreProvider } from '@/lib/store/react';
import { SchemaCanvas } from '@/components/canvas/SchemaCanvas';
import { SidePanel } from '@/components/panels/SidePanel';
import { DocumentSession } from '@/components/documents/DocumentSession';
import { ConfirmDialog } from '@/components/dialogs/ConfirmDialog';
import { HelpOverlay } from '@/components/dialogs/HelpOverlay';
import { SearchDialog } from '@/components/dialogs/SearchDialog';
import { ImportDialog } from '@/components/dialogs/ImportDialog';
import { ExportDialog } from '@/components/dialogs/ExportDialog';
import { RelationDialog } from '@/components/dialogs/RelationDialog';
import { focusTable } from '@/components/actions/helpers';
import { Toolbar } from './Toolbar';
import { CanvasDropZone } from './CanvasDropZone';
import { SqlImportSetup } from './SqlImportSetup';
import { KeyboardShortcuts } from './KeyboardShortcuts';
import { EditorContextProvider, useEditorContext } from './EditorContextProvider';
import { useUi } from './uiStore';
import { sampleDocument } from './sample';
import { installBrowserSchemaWasm } from '@/lib/prisma/browser-wasm';
import { loadPgQueryBrowser } from '@/lib/sql/preview/pg-query-browser';

/** Prisma's validator runs in the browser; registering its loader fetches nothing until first use. */
function PrismaWasm() {
  useEffect(() => installBrowserSchemaWasm(), []);
  return null;
}

/** PostgreSQL's parser, which views need to follow edits of the tables they read; loaded once the page is idle. */
function PgParser() {
  useEffect(() => {
    const load = () => void loadPgQueryBrowser().catch((e) => console.warn('views will not follow table edits:', e));
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(load, { timeout: 2000 });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(load, 500);
    return () => clearTimeout(id);
  }, []);
  return null;
}

function Theme() {
  const dark = useUi((s) => s.dark);
  useEffect(() => {
    try {
      const saved = localStorage.getItem('schemata:theme');
      const prefers = window.matchMedia?.('(prefers-color-scheme: dark)').matches;
      useUi.getState().setDark(saved ? saved === 'dark' : !!prefers);
    } catch {}
  }, []);
  useEffect(() => {
    document.documentElement.classList.toggle('dark', dark);
  }, [dark]);
  return null;
}

function Dialogs() {
  const ctx = useEditorContext();
  return (
    <>
      <SearchDialog onPick={(id, column) => focusTable(ctx, id, column)} />
      <HelpOverlay />
      <ImportDialog />
      <ExportDialog />
      <RelationDialog />
      <ConfirmDialog />
    </>
  );
}

/** What the editor announces (a refused edit, a layout done), read out and shown for a few seconds. */
function Status() {
  const status = useUi((s) => s.status);
  const seq = useUi((s) => s.statusSeq);
  const [faded, setFaded] = useState(0);
  useEffect(() => {
    const timer = setTimeout(() => setFaded(seq), 5000);
    return () => clearTimeout(timer);
  }, [seq]);
  const shown = seq !== faded;
  return (
    <div
      role="status"
      aria-live="polite"
      className={`pointer-events-none fixed bottom-4 left-1/2 z-50 max-w-xl -translate-x-1/2 rounded bg-slate-800 px-3 py-1.5 text-sm text-white shadow transition-opacity dark:bg-slate-200 dark:text-slate-900 ${shown && status ? 'opacity-100' : 'opacity-0'}`}
    >
      {status}
    </div>
  );
}

export function Editor() {
  return (
    <SchemaStoreProvider initial={sampleDocument}>
      <ReactFlowProvider>
        <EditorContextProvider>
          <Theme />
          <PrismaWasm />
          <PgParser />
          <SqlImportSetup />
          <DocumentSession />
          <KeyboardShortcuts />
          <div className="flex h-screen flex-col">
            <Toolbar />
            <div className="flex min-h-0 flex-1">
              <CanvasDropZone>
                <SchemaCanvas />
              </CanvasDropZone>
              <SidePanel />
            </div>
          </div>
          <Dialogs />
          <Status />
        </EditorContextProvider>
      </ReactFlowProvider>
    </SchemaStoreProvider>
  );
}
