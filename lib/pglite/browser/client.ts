/**
 * Main-thread side of the SQL-import worker. `warmSqlImport()` starts the worker and boots a
 * database in the background (call it when the app is idle); `importPostgresInWorker` imports.
 */
import { DiagnosticError, type Diagnostic } from '../../schema/diagnostics';
import type { ImportResult, SourceFile } from '../../formats/types';
import { withLayout } from '../../layout/with-layout';
import { previewPostgres } from '../../sql/preview/preview';

let worker: Worker | undefined;
let seq = 0;
const pending = new Map<number, { resolve(r: ImportResult): void; reject(e: Error): void; preview?(r: ImportResult): void }>();

function getWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module', name: 'schemata-sql-import' });
  w.onmessage = (e: MessageEvent<{ type?: 'warm-done'; id: number; preview?: ImportResult; result?: ImportResult; error?: { message: string; diagnostics?: Diagnostic[] } }>) => {
    if (e.data.type === 'warm-done') {
      warmed = true;
      warmResolve?.();
      return;
    }
    const p = pending.get(e.data.id);
    if (!p) return;
    if (e.data.preview) {
      p.preview?.(e.data.preview);
      return;
    }
    pending.delete(e.data.id);
    if (e.data.error) {
      p.reject(e.data.error.diagnostics ? new DiagnosticError(e.data.error.diagnostics) : new Error(e.data.error.message));
    } else {
      p.resolve(e.data.result!);
    }
  };
  w.onerror = (e) => {
    // A worker script that fails to load reports a plain Event, without a message.
    const reason = e.message || 'the SQL import worker could not start';
    for (const p of pending.values()) p.reject(new Error(`SQL import worker failed: ${reason}`));
    pending.clear();
    w.terminate();
    worker = undefined;
    // Warming up again starts a new worker.
    warmResolve?.();
    warm = undefined;
    warmed = false;
  };
  worker = w;
  return w;
}

let warmResolve: (() => void) | undefined;
let warm: Promise<void> | undefined;
/** The worker has warmed up: it answers at once (while it warms, booting PostgreSQL holds it for seconds). */
let warmed = false;

/** Starts the worker and boots a database; resolves when an import would start at once. */
export function warmSqlImport(): Promise<void> {
  warm ??= new Promise<void>((resolve) => {
    warmResolve = resolve;
    getWorker().postMessage({ type: 'warm' });
  });
  return warm;
}

/** Imports in the worker; `onPreview` gets the parser's preview first, while PGlite runs the script. */
export function importPostgresInWorker(files: SourceFile[], opts: { name?: string; onPreview?(preview: ImportResult): void } = {}): Promise<ImportResult> {
  const id = ++seq;
  let onPreview = opts.onPreview;
  // While the worker warms up, its preview would wait for PostgreSQL's boot: the page's own parser,
  // once loaded (it loads when the page is idle), gives it now. The result is then reconciled with it
  // here (see importIntoStore), not in the worker.
  // Only for scripts small enough not to hold the page (parsing, layout and the reconcile after run here).
  const small = files.reduce((n, f) => n + f.text.length, 0) <= MAIN_THREAD_PREVIEW_CHARS;
  if (onPreview && warm && !warmed && small && previewHere(files, opts.name, onPreview)) onPreview = undefined;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, preview: onPreview });
    getWorker().postMessage({ type: 'import', id, files, name: opts.name, preview: !!onPreview });
  });
}

/** The largest script previewed on the page's thread while the worker warms up (about 100 ms of work here). */
const MAIN_THREAD_PREVIEW_CHARS = 200_000;

/** The parser's preview, made on this thread; whether it was shown. */
function previewHere(files: SourceFile[], name: string | undefined, show: (preview: ImportResult) => void): boolean {
  try {
    const doc = previewPostgres(files, { name });
    if (!doc || !Object.keys(doc.tables).length) return false;
    show({ document: withLayout(doc), diagnostics: [] });
    return true;
  } catch {
    return false;
  }
}
