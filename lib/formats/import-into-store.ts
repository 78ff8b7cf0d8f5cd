/**
 * Imports files into a document store as one undo step. A reader that has a preview (the
 * PostgreSQL import's parser preview) shows it first as a provisional, read-only document; the real
 * result then replaces it with the preview's ids and layout (`reconcile`), or, if the import fails,
 * the preview is taken back.
 */
import type { Diagnostic } from '../schema/diagnostics';
import { reconcile } from '../schema/reconcile';
import type { SchemaDocument } from '../schema/types';
import type { SchemaStore } from '../store/store';
import { detectFormat, importSourceFiles } from './import';
import { isEmptyDocument } from '../schema/document';
import type { SourceFile } from './types';

/** What an import that found no schema reports; the document stays as it was. */
export const NOTHING_TO_IMPORT: Diagnostic = {
  severity: 'error',
  code: 'import/empty',
  message: 'Nothing to import: no tables, enums, views or other schema objects were found. The open document is unchanged.',
};

/** The status a provisional import document shows. */
export const CHECKING_LABEL = 'Checking with PostgreSQL…';

export interface StoreImportResult {
  /** The document now in the store; undefined if another document replaced the preview meanwhile, or the import was cancelled. */
  document?: SchemaDocument;
  diagnostics: Diagnostic[];
}

export async function importIntoStore(
  store: SchemaStore,
  files: SourceFile[],
  opts: {
    format?: string;
    onShown?(doc: SchemaDocument): void;
    /** A command dispatched next with this merge key joins the import's undo step (see SchemaState.load). */
    mergeKey?: string;
    /** Cancels the import: a preview shown is taken back at once, and the result is not loaded. */
    signal?: AbortSignal;
  } = {},
): Promise<StoreImportResult> {
  let preview: SchemaDocument | undefined;
  let result;
  const { signal } = opts;
  const takeBack = () => {
    if (preview && store.getState().document === preview) store.getState().settle();
  };
  // Cancelled: the preview goes at once, and so does the wait (the reader may run on; its result is
  // not used), so imports queued behind this one need not wait for it.
  let cancel!: () => void;
  const cancelled = new Promise<undefined>((resolve) => {
    cancel = () => {
      takeBack();
      resolve(undefined);
    };
  });
  if (signal?.aborted) cancel();
  signal?.addEventListener('abort', cancel);
  try {
    const reading = importSourceFiles(files, {
      format: opts.format,
      onPreview: (p) => {
        if (signal?.aborted) return;
        preview = p.document;
        store.getState().load(p.document, { keepHistory: true, provisional: CHECKING_LABEL, mergeKey: opts.mergeKey });
        opts.onShown?.(p.document);
      },
    });
    reading.catch(() => {}); // a cancelled import's failure is nobody's
    result = signal ? await Promise.race([reading, cancelled]) : await reading;
  } catch (e) {
    takeBack();
    throw e;
  } finally {
    signal?.removeEventListener('abort', cancel);
  }
  if (signal?.aborted || !result) return { diagnostics: result?.diagnostics ?? [] };
  // SQL with no schema in it (garbage, another dialect, only data or comments), or blank text, does
  // not replace the document: its messages say why. A saved document (JSON) or a Prisma file with no
  // models yet (what `prisma init` writes) may be empty.
  const format = opts.format ?? detectFormat(files);
  if (isEmptyDocument(result.document) && (format === 'postgres' || files.every((f) => !f.text.trim()))) {
    takeBack();
    return { diagnostics: [...result.diagnostics, NOTHING_TO_IMPORT] };
  }
  if (!preview) {
    store.getState().load(result.document, { keepHistory: true, mergeKey: opts.mergeKey });
    opts.onShown?.(result.document);
    return result;
  }
  // Another document may have been opened meanwhile: then this import has nothing left to settle.
  if (store.getState().document !== preview) return { diagnostics: result.diagnostics };
  // The worker reconciles with the preview it sent (off the main thread); other readers leave it here.
  const document = result.fromPreview ? result.document : reconcile(preview, result.document);
  store.getState().settle(document);
  return { document, diagnostics: result.diagnostics };
}
