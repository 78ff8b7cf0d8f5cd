'use client';
import { useState, type ReactNode } from 'react';
import { filesFromDrop } from '@/components/dialogs/dropFiles';
import { importIntoEditor } from '@/components/dialogs/ImportDialog';
import { DiagnosticError, formatDiagnostic } from '@/lib/schema/diagnostics';
import { useEditorContext } from './EditorContextProvider';

/** Dropping a .prisma, .sql or .json file (or a Prisma schema folder) on the canvas imports it. */
export function CanvasDropZone({ children }: { children: ReactNode }) {
  const ctx = useEditorContext();
  const [over, setOver] = useState(false);
  const [error, setError] = useState('');
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
        setError('');
        void filesFromDrop(e.dataTransfer)
          .then((files) => importIntoEditor(ctx, files))
          .catch((err: Error) => setError(err instanceof DiagnosticError ? formatDiagnostic(err.diagnostics[0]) : err.message));
      }}
    >
      {children}
      {over && (
        <div className="pointer-events-none absolute inset-0 z-10 flex items-center justify-center border-4 border-dashed border-sky-400 bg-sky-100/40 text-lg font-semibold text-sky-800">
          Drop a .prisma, .sql or .json file to import it
        </div>
      )}
      {error && (
        <p role="alert" className="absolute bottom-4 left-1/2 z-10 -translate-x-1/2 rounded bg-red-600 px-3 py-1 text-sm text-white">
          {error}
        </p>
      )}
    </main>
  );
}
