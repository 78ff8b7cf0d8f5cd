'use client';
import { memo } from 'react';
import { useSchema, useSchemaStoreApi } from '@/lib/store/react';
import { deleteColumn, setColumnUnique, togglePrimaryKeyColumn, updateColumn } from '@/lib/store/commands';
import { newId } from '@/lib/schema/ids';
import { formatDefault, parseDefaultFor } from '@/lib/schema/defaults';
import { POSTGRES_NATIVE_TYPES, SCALAR_TYPES } from '@/lib/schema/native-types';
import type { Column, Id } from '@/lib/schema/types';
import { autoValueOf, editableNativeType, typeChoiceOf, typeFromChoice, withAutoValue, type AutoValue } from '@/lib/schema/column-edit';
import { CommitInput } from '@/components/ui/fields';
import { useSafeDispatch } from './useSafeDispatch';
import { useUi } from '@/components/editor/uiStore';
import { goesInWords, whatGoesWithColumn } from '@/lib/sql/follow';

function ColumnEditorImpl({ tableId, columnId }: { tableId: Id; columnId: Id }) {
  const column = useSchema((s) => s.document.tables[tableId]?.columns.find((c) => c.id === columnId));
  const isPk = useSchema((s) => !!s.document.tables[tableId]?.primaryKey?.columns.some((k) => k.column === columnId));
  const isUnique = useSchema((s) =>
    !!s.document.tables[tableId]?.indexes.some((ix) => ix.unique && ix.columns.length === 1 && ix.columns[0].column === columnId),
  );
  const enums = useSchema((s) => s.document.enums);
  const store = useSchemaStoreApi();
  const run = useSafeDispatch();
  if (!column) return null;
  const update = (patch: Partial<Column>) => run(updateColumn(tableId, columnId, patch));
  const info = editableNativeType(column.type);
  const enumValues = column.type.kind === 'Enum' ? (enums[column.type.enumId!]?.values.map((v) => v.name) ?? []) : [];
  const setAuto = (a: AutoValue) => update(withAutoValue(column, a));
  return (
    <li aria-label={`Column ${column.name}`} className="grid grid-cols-[1fr_1fr] gap-1 border-b border-slate-100 py-1.5 text-xs dark:border-slate-800">
      <CommitInput label="Column name" data-column-name={column.id} value={column.name} onCommit={(name) => name.trim() && update({ name: name.trim() })} />
      <select
        aria-label="Column type"
        className="rounded border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-600 dark:bg-slate-800"
        value={typeChoiceOf(column.type)}
        onChange={(e) => update({ type: typeFromChoice(e.target.value, column.type), default: undefined, collation: undefined })}
      >
        <optgroup label="Prisma">
          {SCALAR_TYPES.map((t) => (
            <option key={t} value={`scalar:${t}`}>
              {t}
            </option>
          ))}
        </optgroup>
        {Object.values(enums).length > 0 && (
          <optgroup label="Enums">
            {Object.values(enums).map((e) => (
              <option key={e.id} value={`enum:${e.id}`}>
                {e.name}
              </option>
            ))}
          </optgroup>
        )}
        <optgroup label="PostgreSQL">
          {POSTGRES_NATIVE_TYPES.map((t) => (
            <option key={t.name} value={`pg:${t.name}`}>
              {t.sql}
            </option>
          ))}
        </optgroup>
        {column.type.kind === 'Unsupported' && <option value="unsupported">{column.type.unsupported}</option>}
        {column.type.domain && <option value="domain">{`${column.type.domain} (domain)`}</option>}
      </select>
      {info && info.args !== 'none' && (
        <CommitInput
          label={info.args === 'length' ? 'Length' : info.args === 'precision' ? 'Precision' : 'Precision, scale'}
          className="col-span-2"
          placeholder={info.args === 'precision-scale' ? 'precision, scale' : info.args}
          value={column.type.native!.args.join(', ')}
          onCommit={(v) => update({ type: { ...column.type, native: { name: info.name, args: v.split(',').map((a) => a.trim()).filter(Boolean) } } })}
        />
      )}
      <div className="col-span-2 flex flex-wrap items-center gap-x-3 gap-y-1">
        <label className="flex items-center gap-1">
          <input type="checkbox" checked={isPk} onChange={(e) => run(togglePrimaryKeyColumn(tableId, columnId, e.target.checked))} />
          Primary key
        </label>
        <label className="flex items-center gap-1">
          <input type="checkbox" checked={column.nullable} disabled={isPk} onChange={(e) => update({ nullable: e.target.checked })} />
          Nullable
        </label>
        <label className="flex items-center gap-1">
          <input type="checkbox" checked={isUnique} onChange={(e) => run(setColumnUnique(tableId, columnId, e.target.checked, newId('idx')))} />
          Unique
        </label>
        <label className="flex items-center gap-1">
          <input type="checkbox" checked={!!column.type.array} onChange={(e) => update({ type: { ...column.type, array: e.target.checked || undefined } })} />
          List
        </label>
      </div>
      <CommitInput
        label="Default"
        placeholder="default, e.g. now()"
        value={autoValueOf(column) === 'autoincrement' ? '' : formatDefault(column.default)}
        disabled={autoValueOf(column) !== 'none'}
        onCommit={(v) => update({ default: parseDefaultFor(v, column.type, enumValues) })}
      />
      <select
        aria-label="Auto increment"
        className="rounded border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-600 dark:bg-slate-800"
        value={autoValueOf(column)}
        onChange={(e) => setAuto(e.target.value as AutoValue)}
      >
        <option value="none">No auto value</option>
        <option value="autoincrement">autoincrement()</option>
        <option value="always">Identity (always)</option>
        <option value="by-default">Identity (by default)</option>
      </select>
      <CommitInput label="Database name" className="col-span-2" placeholder={`${column.name} (database name)`} value={column.dbName ?? ''} onCommit={(v) => update({ dbName: v.trim() || undefined })} />
      <CommitInput label="Comment" className="col-span-2" placeholder="comment" value={column.comment ?? ''} onCommit={(v) => update({ comment: v || undefined })} />
      <button
        type="button"
        className="col-span-2 justify-self-end text-red-600 hover:underline"
        aria-label={`Delete column ${column.name}`}
        onClick={() => {
          // What goes with it (DROP COLUMN ... CASCADE): ask first.
          const cmd = deleteColumn(tableId, columnId);
          const doc = store.getState().document;
          let also = '';
          try {
            also = goesInWords(whatGoesWithColumn(doc, cmd.apply(doc), tableId, columnId), 'it');
          } catch {}
          if (!also) return run(cmd);
          useUi.getState().askConfirm({ title: 'Delete column?', message: `Deleting ${column.name} also drops ${also}.`, confirmLabel: 'Delete', onConfirm: () => run(cmd) });
        }}
      >
        Delete column
      </button>
    </li>
  );
}

export const ColumnEditor = memo(ColumnEditorImpl);
