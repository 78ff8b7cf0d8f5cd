'use client';
/** The stored documents: open, inline rename, duplicate, delete with confirmation. */
import { useState } from 'react';
import type { DocumentSummary } from '@/lib/documents/repository';

export type Editing = { kind: 'rename' | 'delete'; id: string } | null;

export interface DocumentListProps {
  docs: DocumentSummary[] | null;
  currentId: string;
  busy: boolean;
  editing: Editing;
  setEditing(editing: Editing): void;
  onOpen(id: string): void;
  onRename(id: string, name: string): void;
  onDuplicate(id: string): void;
  onDelete(id: string): void;
}

const small = 'rounded px-2 py-0.5 text-xs text-slate-600 hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-sky-500 disabled:opacity-40 dark:text-slate-300 dark:hover:bg-slate-700';

function when(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function RenameForm({ doc, onDone, onCancel }: { doc: DocumentSummary; onDone(name: string): void; onCancel(): void }) {
  const [value, setValue] = useState(doc.name);
  return (
    <form
      className="flex flex-1 items-center gap-1"
      onSubmit={(e) => {
        e.preventDefault();
        const name = value.trim();
        if (name && name !== doc.name) onDone(name);
        else onCancel();
      }}
    >
      <input
        autoFocus
        className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-2 py-0.5 text-sm dark:border-slate-600 dark:bg-slate-800"
        aria-label={`New name for ${doc.name}`}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onFocus={(e) => e.target.select()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onCancel();
          }
        }}
      />
      <button type="submit" className={small}>
        Save name
      </button>
      <button type="button" className={small} onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}

export function DocumentList(props: DocumentListProps) {
  const { docs, currentId, busy, editing, setEditing } = props;
  if (!docs) return <p className="py-4 text-sm text-slate-500">Loading documents…</p>;
  if (!docs.length) return <p className="py-4 text-sm text-slate-500">No stored documents yet.</p>;
  return (
    <ul aria-label="Stored documents" className="max-h-80 divide-y divide-slate-200 overflow-y-auto dark:divide-slate-800">
      {docs.map((doc) => {
        const current = doc.id === currentId;
        const renaming = editing?.kind === 'rename' && editing.id === doc.id;
        const deleting = editing?.kind === 'delete' && editing.id === doc.id;
        return (
          <li key={doc.id} aria-label={doc.name} aria-current={current ? 'true' : undefined} className="flex items-center gap-2 py-1.5">
            {renaming ? (
              <RenameForm doc={doc} onDone={(name) => props.onRename(doc.id, name)} onCancel={() => setEditing(null)} />
            ) : (
              <button
                type="button"
                className="flex min-w-0 flex-1 flex-col items-start rounded px-2 py-1 text-left hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-500 disabled:opacity-40 dark:hover:bg-slate-800"
                aria-label={`Open ${doc.name}`}
                disabled={busy}
                onClick={() => props.onOpen(doc.id)}
              >
                <span className="w-full truncate text-sm font-medium">
                  {doc.name}
                  {current && <span className="ml-2 text-xs font-normal text-sky-600 dark:text-sky-400">open</span>}
                </span>
                <span className="text-xs text-slate-500 dark:text-slate-400">
                  {doc.tableCount} {doc.tableCount === 1 ? 'table' : 'tables'} · {when(doc.updatedAt)}
                </span>
              </button>
            )}
            {deleting ? (
              <span role="group" aria-label={`Confirm deleting ${doc.name}`} className="flex items-center gap-1 text-xs">
                <span className="text-red-700 dark:text-red-400">Delete?</span>
                <button type="button" autoFocus className={`${small} text-red-700 dark:text-red-400`} disabled={busy} onClick={() => props.onDelete(doc.id)}>
                  Confirm delete
                </button>
                <button type="button" className={small} onClick={() => setEditing(null)}>
                  Keep
                </button>
              </span>
            ) : (
              !renaming && (
                <span className="flex shrink-0 items-center gap-0.5">
                  <button type="button" className={small} aria-label={`Rename ${doc.name}`} disabled={busy} onClick={() => setEditing({ kind: 'rename', id: doc.id })}>
                    Rename
                  </button>
                  <button type="button" className={small} aria-label={`Duplicate ${doc.name}`} disabled={busy} onClick={() => props.onDuplicate(doc.id)}>
                    Duplicate
                  </button>
                  <button type="button" className={small} aria-label={`Delete ${doc.name}`} disabled={busy} onClick={() => setEditing({ kind: 'delete', id: doc.id })}>
                    Delete
                  </button>
                </span>
              )
            )}
          </li>
        );
      })}
    </ul>
  );
}
