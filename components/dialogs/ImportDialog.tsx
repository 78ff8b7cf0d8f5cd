'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useUi } from '@/components/editor/uiStore';
import { useEditorContext } from '@/components/editor/EditorContextProvider';
import { Dialog, DialogHeader } from '@/components/ui/Dialog';
import { sniffFormat } from '@/lib/formats/import';
import { importIntoStore, NOTHING_TO_IMPORT } from '@/lib/formats/import-into-store';
import { FORMATS } from '@/lib/formats/registry';
import { diagnosticsOf, formatDiagnostic, type Diagnostic } from '@/lib/schema/diagnostics';
import type { SourceFile } from '@/lib/formats/types';
import type { SchemaDocument } from '@/lib/schema/types';
import type { EditorContext } from '@/components/editor/context';
import { filesFromDrop } from './dropFiles';
import { runAutoLayout } from '@/components/actions/auto-layout';

const ACCEPT = FORMATS.filter((f) => f.read).flatMap((f) => f.extensions).join(',');

async function readFiles(list: FileList | File[]): Promise<SourceFile[]> {
  return Promise.all(
    [...list].map(async (f) => ({ path: (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name, text: await f.text() })),
  );
}

/** Imports run one after another: each replaces the document, and its undo step, in turn. */
let queue: Promise<unknown> = Promise.resolve();
let imports = 0;

/**
 * Imports files into a new document (lib/formats/import-into-store: a SQL preview first, then the
 * checked document), shows it at once, and reports warnings. Used by the dialog and by drops.
 * `signal` cancels it (before it starts, or while it runs: see importIntoStore).
 */
export function importIntoEditor(ctx: EditorContext, files: SourceFile[], format?: string, signal?: AbortSignal): Promise<Diagnostic[]> {
  const run = queue.then(() => (signal?.aborted ? [] : importNow(ctx, files, format, signal)));
  queue = run.catch(() => {});
  return run;
}

async function importNow(ctx: EditorContext, files: SourceFile[], format?: string, signal?: AbortSignal): Promise<Diagnostic[]> {
  const mergeKey = `import:${++imports}`;
  const count = (doc: SchemaDocument) => `${Object.keys(doc.tables).length} table${Object.keys(doc.tables).length === 1 ? '' : 's'}`;
  let shown: SchemaDocument | undefined;
  const { document, diagnostics } = await importIntoStore(ctx.store, files, {
    format,
    mergeKey,
    signal,
    onShown: (doc) => {
      // The new document is fitted by the canvas (useFitOnOpen).
      shown = doc;
      ctx.ui().clearSelection();
      ctx.ui().announce(ctx.store.getState().provisional ? `Preview of ${count(doc)}, while PostgreSQL checks the import` : `Imported ${count(doc)}`);
    },
  });
  // The checked document may have more or fewer tables than its preview (PostgreSQL refused one, or
  // made one the preview could not read): the count the user sees is the checked one.
  if (document && document !== shown) ctx.ui().announce(`Imported ${count(document)}`);
  // Sources without a layout get the instant layered layout; ELK then refines it in its worker, as
  // part of the import's undo step, at any size (1,000 tables take about 1.5 s there). The instant
  // layout is the preview's, whose tables may have grown since (a partition's columns are its parent's).
  const laidOut = files.every((f) => f.path.toLowerCase().endsWith('.json'));
  if (document && !laidOut) {
    // Only this import's document: by then an undo, or the next import, may have replaced it.
    setTimeout(() => ctx.store.getState().document === document && void runAutoLayout(ctx, false, mergeKey).catch(() => {}), 50);
  }
  return diagnostics;
}

/** What an import reports to the user: everything but info, except what the schema expects of its database (a platform, roles). */
export const shownDiagnostics = (diags: Diagnostic[]) => diags.filter((d) => d.severity !== 'info' || d.code === 'sql/environment' || d.code === 'sql/roles');

export function ImportDialog() {
  const open = useUi((s) => s.dialog === 'import');
  if (!open) return null;
  return <ImportBody />;
}

function ImportBody() {
  const ctx = useEditorContext();
  const input = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  // The dialog's running import lives in the UI store: a dialog closed and opened again still shows
  // it, and can cancel it.
  const running = useUi((s) => s.importRunning);
  const busy = !!running;
  const [done, setDone] = useState(false);
  // The last import stopped on an error (a file of no known kind, JSON that is not a document, ...).
  const [failed, setFailed] = useState(false);
  // Messages of the last import: this dialog's, or a drop's on the canvas that opened it.
  const messages = useUi((s) => s.importReport) ?? [];
  const close = useCallback(() => {
    useUi.getState().setImportReport(null);
    useUi.getState().openDialog(null);
  }, []);
  // Closing the dialog leaves its import running, as a drop on the canvas runs: what it reports then
  // opens the dialog again (or, when another dialog is open, is announced). Cancel import stops it
  // (the preview is taken back).
  const shown = useRef(true);
  useEffect(() => {
    shown.current = true;
    return () => {
      shown.current = false;
    };
  }, []);

  const run = async (read: () => Promise<SourceFile[]>, format?: string) => {
    const ui = useUi.getState();
    if (ui.importRunning) return ctx.ui().announce('An import is already running');
    const ctrl = new AbortController();
    ui.setImportRunning(ctrl);
    const report = (d: Diagnostic[]) => {
      if (ctrl.signal.aborted) return;
      const now = useUi.getState();
      now.setImportReport(d);
      if (!shown.current && d.length) {
        if (now.dialog === null) now.openDialog('import');
        else if (now.dialog !== 'import') ctx.ui().announce(`The import has ${d.length} message${d.length === 1 ? '' : 's'}: open Import to read them`);
      }
    };
    setDone(false);
    setFailed(false);
    report([]);
    try {
      const diags = shownDiagnostics(await importIntoEditor(ctx, await read(), format, ctrl.signal));
      if (ctrl.signal.aborted) return ctx.ui().announce('Import cancelled');
      report(diags);
      if (shown.current) setDone(true);
      if (!diags.length && shown.current) close();
    } catch (e) {
      report(diagnosticsOf(e));
      if (shown.current && !ctrl.signal.aborted) setFailed(true);
    } finally {
      if (useUi.getState().importRunning === ctrl) useUi.getState().setImportRunning(null);
    }
  };

  return (
    <Dialog label="Import" onClose={close} wide>
      <DialogHeader title="Import a schema" onClose={close} />
      <div
        className="mb-3 rounded-lg border-2 border-dashed border-slate-300 p-6 text-center text-sm dark:border-slate-600"
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          e.preventDefault();
          const { dataTransfer } = e;
          void run(() => filesFromDrop(dataTransfer));
        }}
        aria-label="Drop files here"
      >
        <p className="mb-2">Drop a <code>.prisma</code>, <code>.sql</code> or <code>.json</code> file here, or</p>
        {/* aria-disabled, not disabled, while an import runs: a disabled button would drop the focus out of the dialog. */}
        <button type="button" className="btn" onClick={() => !busy && input.current?.click()} aria-disabled={busy}>
          Choose file
        </button>{' '}
        <button type="button" className="btn" onClick={() => !busy && folder.current?.click()} aria-disabled={busy}>
          Choose folder
        </button>
        <input
          ref={input}
          type="file"
          accept={ACCEPT}
          multiple
          hidden
          aria-label="Schema file"
          onChange={(e) => {
            const picked = [...(e.target.files ?? [])];
            e.target.value = ''; // choosing the same file again imports it again
            if (picked.length) void run(() => readFiles(picked));
          }}
        />
        <input
          ref={folder}
          type="file"
          hidden
          multiple
          aria-label="Schema folder"
          {...{ webkitdirectory: '' }}
          onChange={(e) => {
            const picked = [...(e.target.files ?? [])].filter((f) => f.name.endsWith('.prisma'));
            e.target.value = '';
            if (picked.length) void run(() => readFiles(picked));
          }}
        />
      </div>
      <label className="mb-1 block text-sm font-medium" htmlFor="import-paste">
        Or paste Prisma, SQL or a Schemata document
      </label>
      <textarea
        id="import-paste"
        className="mb-2 h-40 w-full rounded-md border border-slate-300 p-2 font-mono text-xs dark:border-slate-600 dark:bg-slate-800"
        value={text}
        onChange={(e) => setText(e.target.value)}
        spellCheck={false}
      />
      <div className="flex items-center justify-between">
        <span className="text-xs text-slate-500" aria-live="polite">
          {busy ? 'Importing…' : failed ? 'Nothing imported.' : done ? (messages.some((m) => m.code === NOTHING_TO_IMPORT.code) ? 'Nothing imported.' : 'Imported.') : ''}
          {busy && (
            <button type="button" className="ml-2 underline" onClick={() => running?.abort()}>
              Cancel import
            </button>
          )}
        </span>
        <button
          type="button"
          className="btn"
          disabled={!busy && !text.trim()}
          aria-disabled={busy}
          onClick={() => {
            if (busy) return;
            const format = sniffFormat(text);
            const ext = format === 'json' ? 'json' : format === 'prisma' ? 'prisma' : 'sql';
            void run(async () => [{ path: `pasted.${ext}`, text }], format);
          }}
        >
          Import pasted text
        </button>
      </div>
      {messages.length > 0 && (
        <ul aria-label="Import messages" className="mt-3 max-h-48 overflow-auto rounded bg-slate-50 p-2 font-mono text-xs dark:bg-slate-800">
          {messages.map((m, i) => (
            <li key={i} className={m.severity === 'error' ? 'text-red-600' : 'text-amber-700 dark:text-amber-400'}>
              {formatDiagnostic(m)}
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
