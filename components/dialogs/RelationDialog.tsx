'use client';
import { useState } from 'react';
import { useUi } from '@/components/editor/uiStore';
import { useSchema, useSchemaStoreApi } from '@/lib/store/react';
import { Dialog, DialogHeader } from '@/components/ui/Dialog';
import { createRelation, type Cardinality } from '@/lib/store/commands';
import { CommandError } from '@/lib/store/command';
import type { ReferentialAction } from '@/lib/schema/types';
import { ReferentialActionSelect } from '@/components/ui/ReferentialActionSelect';


export function RelationDialog() {
  const pending = useUi((s) => s.pendingConnection);
  if (!pending) return null;
  return <RelationBody key={`${pending.source.table}-${pending.target.table}`} />;
}

function RelationBody() {
  const pending = useUi((s) => s.pendingConnection)!;
  const store = useSchemaStoreApi();
  const child = useSchema((s) => s.document.tables[pending.source.table]);
  const parent = useSchema((s) => s.document.tables[pending.target.table]);
  const [cardinality, setCardinality] = useState<Cardinality>('one-to-many');
  const [onDelete, setOnDelete] = useState<ReferentialAction | ''>('');
  const [onUpdate, setOnUpdate] = useState<ReferentialAction | ''>('');
  // A table that references itself: optional, or no first row could be inserted.
  const [required, setRequired] = useState(pending.source.table !== pending.target.table);
  const [error, setError] = useState('');
  const close = () => useUi.getState().setPendingConnection(null);
  if (!child || !parent) return null;
  const col = (t: typeof child, id?: string) => (id ? t.columns.find((c) => c.id === id)?.name : undefined);
  const from = col(child, pending.source.column);
  const to = col(parent, pending.target.column);
  const create = () => {
    try {
      store.getState().dispatch(
        createRelation(
          {
            child: pending.source,
            parent: pending.target,
            cardinality,
            required,
            ...(onDelete ? { onDelete } : {}),
            ...(onUpdate ? { onUpdate } : {}),
          },
          undefined,
          (ids) => useUi.getState().select(ids),
        ),
      );
      close();
    } catch (e) {
      setError(e instanceof CommandError ? e.message : String(e));
    }
  };
  return (
    <Dialog label="New relation" onClose={close}>
      <DialogHeader title="New relation" onClose={close} />
      <p className="mb-3 text-sm">
        <strong>{child.name}</strong>
        {from ? `.${from}` : ''} → <strong>{parent.name}</strong>
        {to ? `.${to}` : ' (primary key)'}
      </p>
      <fieldset className="mb-3 text-sm">
        <legend className="mb-1 font-medium">Cardinality</legend>
        {(
          [
            ['one-to-many', `Many ${child.name} to one ${parent.name} (1:n)`],
            ['one-to-one', `One ${child.name} to one ${parent.name} (1:1)`],
            ['many-to-many', 'Many to many (implicit join table)'],
            ['many-to-many-explicit', 'Many to many (explicit join table)'],
          ] as [Cardinality, string][]
        ).map(([v, label]) => (
          <label key={v} className="flex items-center gap-2 py-0.5">
            <input type="radio" name="cardinality" value={v} checked={cardinality === v} onChange={() => setCardinality(v)} />
            {label}
          </label>
        ))}
      </fieldset>
      {!cardinality.startsWith('many-to-many') && (
        <div className="mb-3 grid grid-cols-2 gap-2 text-sm">
          <ReferentialActionSelect label="On delete" value={onDelete} onChange={setOnDelete} />
          <ReferentialActionSelect label="On update" value={onUpdate} onChange={setOnUpdate} />
          {!from && (
            <label className="col-span-2 flex items-center gap-2">
              <input type="checkbox" checked={required} onChange={(e) => setRequired(e.target.checked)} />
              Required (the new foreign-key column is not nullable)
            </label>
          )}
        </div>
      )}
      {error && (
        <p role="alert" className="mb-2 text-sm text-red-600">
          {error}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <button type="button" className="btn" onClick={close}>
          Cancel
        </button>
        <button type="button" className="btn border-sky-600 bg-sky-600 text-white hover:bg-sky-700" onClick={create}>
          Create relation
        </button>
      </div>
    </Dialog>
  );
}
