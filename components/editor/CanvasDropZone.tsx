'use client';
import { useState, type ReactNode } from 'react';
import { filesFromDrop } from '@/components/dialogs/dropFiles';
import { importIntoEditor, shownDiagnostics } from '@/components/dialogs/ImportDialog';
import { diagnosticsOf, type Diagnostic } from '@/lib/schema/diagnostics';
import { useEditorContext } from './EditorContextProvider';
import { useUi } from './uiStore';

/** What an import on the canvas reported (skipped statements, errors): shown in the import dialog. */
function report(diags: Diagnostic[]) {
  if (!diags.length) return;
  useUi.getState().setImportReport(diags);
  useUi.getState().openDialog('import');
}

/**
 * Dropping a .prisma, .sql or .json file (or a Prisma schema folder) on the canvas imports it. What
 * the import reports opens in the import dialog; drops during an import wait their turn.
 */
export function CanvasDropZone({ children }: { children: ReactNode }) {
  const ctx = useEditorContext();
  const [over, setOver] = useState(false);
  return (
    <main
      className="relative min-w-0 flex-1"
      aria-label="Schema canvas"
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setOver(false);
        void filesFromDrop(e.dataTransfer)
          .then((files) => importIntoEditor(ctx, files))
          .then((diags) => report(shownDiagnostics(diags)), (err: unknown) => report(diagnosticsOf(err)));
      }}
    >
      {children}
      {over && (
        <div className="pointer-events-none absolute inset-0 z-10 flex items-center justify-center border-4 border-dashed border-sky-400 bg-sky-100/40 text-lg font-semibold text-sky-800">
          Drop a .prisma, .sql or .json file to import it
        </div>
      )}
    </main>
  );
}
