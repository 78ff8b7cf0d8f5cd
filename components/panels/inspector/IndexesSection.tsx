'use client';
import { useState } from 'react';
import { useSchema } from '@/lib/store/react';
import { addIndex, deleteIndex, updateIndex } from '@/lib/store/commands';
import { newId } from '@/lib/schema/ids';
import type { Id, IndexMethod } from '@/lib/schema/types';
import { CommitInput, Section } from '@/components/ui/fields';
import { useSafeDispatch } from './useSafeDispatch';

const METHODS: IndexMethod[] = ['btree', 'hash', 'gin', 'gist', 'spgist', 'brin'];

export function IndexesSection({ tableId }: { tableId: Id }) {
  const table = useSchema((s) => s.document.tables[tableId]);
  const run = useSafeDispatch();
  const [picking, setPicking] = useState<Id[] | null>(null);
  const [unique, setUnique] = useState(false);
  if (!table) return null;
  const colName = (id?: Id) => table.columns.find((c) => c.id === id)?.name ?? '?';
  return (
    <Section
      title="Indexes and unique constraints"
      action={
        !picking && (
          <button type="button" className="text-xs text-sky-700 hover:underline dark:text-sky-400" onClick={() => setPicking([])}>
            Add index
          </button>
        )
      }
    >
      <ul className="text-xs">
        {table.indexes.map((ix) => (
          <li key={ix.id} aria-label={`${ix.unique ? 'Unique' : 'Index'} on ${ix.columns.map((c) => colName(c.column) ?? c.expression).join(', ')}`} className="flex flex-wrap items-center gap-1 py-0.5">
            <span className={`rounded px-1 font-semibold ${ix.unique ? 'bg-amber-100 text-amber-800' : 'bg-slate-100 text-slate-700'} dark:bg-slate-800 dark:text-slate-200`}>
              {ix.unique ? 'UNIQUE' : 'INDEX'}
            </span>
            <span className="font-mono">({ix.columns.map((c) => `${c.column ? colName(c.column) : c.expression}${c.sort === 'desc' ? ' DESC' : ''}`).join(', ')})</span>
            <select
              aria-label="Index method"
              className="rounded border border-slate-300 bg-white px-1 dark:border-slate-600 dark:bg-slate-800"
              value={ix.method ?? 'btree'}
              onChange={(e) => run(updateIndex(tableId, ix.id, { method: e.target.value === 'btree' ? undefined : (e.target.value as IndexMethod) }))}
            >
              {METHODS.map((m) => (
                <option key={m}>{m}</option>
              ))}
            </select>
            <label className="flex items-center gap-0.5">
              <input type="checkbox" checked={ix.unique} onChange={(e) => run(updateIndex(tableId, ix.id, { unique: e.target.checked }))} />
              unique
            </label>
            <button type="button" className="ml-auto text-red-600" aria-label="Delete index" onClick={() => run(deleteIndex(tableId, ix.id))}>
              ✕
            </button>
            <CommitInput label="Index name" className="w-28" placeholder="name (default)" value={ix.dbName ?? ''} onCommit={(v) => run(updateIndex(tableId, ix.id, { dbName: v.trim() || undefined }))} />
            <CommitInput label="Partial index condition" className="flex-1" placeholder="WHERE … (partial)" value={ix.where ?? ''} onCommit={(v) => run(updateIndex(tableId, ix.id, { where: v.trim() || undefined }))} />
          </li>
        ))}
      </ul>
      {picking && (
        <fieldset className="mt-1 rounded border border-slate-200 p-2 text-xs dark:border-slate-700">
          <legend>New index: pick columns in order</legend>
          {table.columns.map((c) => (
            <label key={c.id} className="mr-2 inline-flex items-center gap-1">
              <input
                type="checkbox"
                checked={picking.includes(c.id)}
                onChange={(e) => setPicking(e.target.checked ? [...picking, c.id] : picking.filter((p) => p !== c.id))}
              />
              {c.name}
            </label>
          ))}
          <label className="mt-1 flex items-center gap-1">
            <input type="checkbox" checked={unique} onChange={(e) => setUnique(e.target.checked)} /> Unique
          </label>
          <div className="mt-1 flex gap-2">
            <button
              type="button"
              className="btn"
              disabled={!picking.length}
              onClick={() => {
                if (run(addIndex(tableId, { id: newId('idx'), unique, columns: picking.map((column) => ({ column })) }))) setPicking(null);
              }}
            >
              Create index
            </button>
            <button type="button" className="btn" onClick={() => setPicking(null)}>
              Cancel
            </button>
          </div>
        </fieldset>
      )}
    </Section>
  );
}
