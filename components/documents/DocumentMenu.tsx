'use client';
/** Toolbar entry for documents: the stored list, new, templates, open/save JSON files. */
import { useCallback, useEffect, useRef, useState, type ChangeEvent } from 'react';
import { createDocument } from '@/lib/schema/document';
import type { DocumentSummary } from '@/lib/documents/repository';
import type { DocumentSession } from '@/lib/documents/session';
import { TEMPLATES } from '@/lib/documents/templates';
import { useSchema, useSchemaStoreApi } from '@/lib/store/react';
import { documentFromTemplate, downloadDocument, readDocumentFile } from './actions';
import { DocumentList, type Editing } from './DocumentList';
import { errorMessage, getDocumentSession } from './session-client';

export function DocumentMenu() {
  const store = useSchemaStoreApi();
  const currentId = useSchema((s) => s.document.id);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [docs, setDocs] = useState<DocumentSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);

  const refresh = useCallback(async () => {
    const session = await getDocumentSession(store);
    await session.start();
    setDocs(await session.list());
  }, [store]);

  // While open, keys whose target is outside the dialog (focus fell back to <body> after a row
  // was removed) are the modal dialog's too: keep the editor's global shortcuts from acting on them.
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (!(e.target instanceof Node && dialogRef.current?.contains(e.target))) e.stopPropagation();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [open]);

  // Keep the list fresh while the dialog is open (autosaves, other operations).
  useEffect(() => {
    if (!open) return;
    let live = true;
    let unsubscribe: (() => void) | undefined;
    getDocumentSession(store)
      .then((session) => {
        if (live) unsubscribe = session.subscribe(() => void refresh().catch(() => {}));
      })
      .catch(() => {});
    return () => {
      live = false;
      unsubscribe?.();
    };
  }, [open, store, refresh]);

  const close = () => dialogRef.current?.close();

  const show = () => {
    setError(null);
    setStatus('');
    setEditing(null);
    setOpen(true);
    dialogRef.current?.showModal();
    refresh().catch((e) => {
      setDocs([]);
      setError(`Documents cannot be stored in this browser: ${errorMessage(e)}`);
    });
  };

  /** Runs one operation; closes the dialog afterwards when it opened a document. */
  const run = async (what: string, op: (session: DocumentSession) => Promise<unknown>, closeAfter = false) => {
    setBusy(true);
    setError(null);
    setStatus(`${what}…`);
    try {
      const session = await getDocumentSession(store);
      await session.start();
      await op(session);
      setEditing(null);
      setStatus(`${what}: done`);
      // A different document is fitted by the canvas (useFitOnOpen).
      if (closeAfter) close();
      else {
        setDocs(await session.list());
        // The focused control may have gone with its row: keep focus in the dialog.
        requestAnimationFrame(() => {
          const d = dialogRef.current;
          if (d?.open && !d.contains(document.activeElement)) d.focus();
        });
      }
    } catch (e) {
      setStatus('');
      setError(`${what} failed: ${errorMessage(e)}`);
    } finally {
      setBusy(false);
    }
  };

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file) void run(`Open ${file.name}`, async (s) => s.openNew(await readDocumentFile(file)), true);
  };

  const section = 'flex flex-wrap items-center gap-2';
  return (
    <>
      <button type="button" className="btn" aria-haspopup="dialog" aria-expanded={open} onClick={show}>
        Documents
      </button>
      <dialog
        ref={dialogRef}
        tabIndex={-1}
        aria-label="Documents"
        className="m-auto w-[min(40rem,calc(100vw-2rem))] rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-950/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
        onClose={() => {
          setOpen(false);
          setEditing(null);
        }}
        // The editor's global shortcuts (Escape, Delete, undo...) must not act behind the dialog.
        onKeyDown={(e) => e.stopPropagation()}
        onCancel={(e) => {
          // Escape first leaves an inline rename or delete confirmation, then closes.
          if (editing) {
            e.preventDefault();
            setEditing(null);
          }
        }}
      >
        {open && (
          <div className="flex flex-col gap-4 p-4">
            <div className="flex items-center justify-between">
              <h2 className="text-base font-semibold">Documents</h2>
              <button type="button" className="btn" aria-label="Close" onClick={close}>
                Close
              </button>
            </div>

            <div className={section}>
              <button type="button" className="btn" disabled={busy} onClick={() => run('New document', (s) => s.openNew(createDocument()), true)}>
                New document
              </button>
              <button type="button" className="btn" disabled={busy} onClick={() => fileRef.current?.click()}>
                Open file…
              </button>
              <input ref={fileRef} type="file" accept=".json,application/json" className="hidden" aria-label="Document file" tabIndex={-1} onChange={onFile} />
              <button type="button" className="btn" disabled={busy} onClick={() => downloadDocument(store.getState().document)}>
                Save file
              </button>
            </div>

            <fieldset className="flex flex-col gap-2">
              <legend className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">New from template</legend>
              <div role="group" aria-label="New from template" className={section}>
                {TEMPLATES.map((t) => (
                  <button
                    key={t.id}
                    type="button"
                    className="btn"
                    title={t.description}
                    disabled={busy}
                    onClick={() => run(`New from template ${t.name}`, async (s) => s.openNew(await documentFromTemplate(t.id)), true)}
                  >
                    {t.name}
                  </button>
                ))}
              </div>
            </fieldset>

            {error && (
              <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm whitespace-pre-wrap text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
                {error}
              </p>
            )}
            <p role="status" className="sr-only">
              {status}
            </p>

            <section>
              <h3 className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">In this browser</h3>
              <DocumentList
                docs={docs}
                currentId={currentId}
                busy={busy}
                editing={editing}
                setEditing={setEditing}
                onOpen={(id) => run('Open document', (s) => s.open(id), true)}
                onRename={(id, name) => run('Rename', (s) => s.rename(id, name))}
                onDuplicate={(id) => run('Duplicate', (s) => s.duplicate(id))}
                onDelete={(id) => run('Delete', (s) => s.remove(id))}
              />
            </section>
          </div>
        )}
      </dialog>
    </>
  );
}
