'use client';
import { useMemo, useState } from 'react';
import { useUi } from '@/components/editor/uiStore';
import { useSchema } from '@/lib/store/react';
import { Dialog } from '@/components/ui/Dialog';
import { searchSchema } from '@/lib/schema/search';

export function SearchDialog(props: { onPick(tableId: string, columnId?: string): void }) {
  const open = useUi((s) => s.dialog === 'search');
  if (!open) return null;
  return <SearchBody onPick={props.onPick} />;
}

function SearchBody(props: { onPick(tableId: string, columnId?: string): void }) {
  const doc = useSchema((s) => s.document);
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  const results = useMemo(() => searchSchema(doc, q, 50), [doc, q]);
  const close = () => useUi.getState().openDialog(null);
  const pick = (i: number) => {
    const r = results[i];
    if (!r) return;
    close();
    props.onPick(r.tableId, r.columnId);
  };
  return (
    <Dialog label="Search tables and columns" onClose={close}>
      <input
        autoFocus
        role="combobox"
        aria-expanded="true"
        aria-controls="search-results"
        aria-label="Search tables and columns"
        placeholder="Search tables and columns…"
        className="mb-2 w-full rounded-md border border-slate-300 px-3 py-2 dark:border-slate-600 dark:bg-slate-800"
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, results.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter') pick(active);
          else return;
          e.preventDefault();
        }}
      />
      <ul id="search-results" role="listbox" aria-label="Results" className="max-h-80 overflow-auto text-sm">
        {results.map((r, i) => (
          <li
            key={`${r.tableId}:${r.columnId ?? ''}`}
            role="option"
            aria-selected={i === active}
            className={`cursor-pointer rounded px-2 py-1 ${i === active ? 'bg-sky-100 dark:bg-sky-900' : ''}`}
            onMouseDown={(e) => {
              e.preventDefault();
              pick(i);
            }}
          >
            <span className="font-medium">{r.label}</span> <span className="text-slate-500">{r.detail}</span>
          </li>
        ))}
        {!results.length && <li className="px-2 py-1 text-slate-500">No matches</li>}
      </ul>
    </Dialog>
  );
}
