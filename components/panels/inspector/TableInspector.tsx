'use client';
import { useShallow } from 'zustand/react/shallow';
import { useSchema } from '@/lib/store/react';
import { renameTable, setNodeLayout, updateTable } from '@/lib/store/commands';
import type { Id } from '@/lib/schema/types';
import { CommitInput, Section } from '@/components/ui/fields';
import { runAction } from '@/components/actions/run';
import { actionRegistry } from '@/components/actions';
import { useEditorContext } from '@/components/editor/EditorContextProvider';
import { ColumnEditor } from './ColumnEditor';
import { IndexesSection } from './IndexesSection';
import { ChecksSection } from './ChecksSection';
import { RelationsSection } from './RelationsSection';
import { useSafeDispatch } from './useSafeDispatch';

const COLORS = ['#334155', '#0369a1', '#15803d', '#b45309', '#b91c1c', '#7e22ce', '#0f766e'];

export function TableInspector({ tableId }: { tableId: Id }) {
  const name = useSchema((s) => s.document.tables[tableId]?.name);
  const dbName = useSchema((s) => s.document.tables[tableId]?.dbName);
  const comment = useSchema((s) => s.document.tables[tableId]?.comment);
  const color = useSchema((s) => s.document.layout.nodes[tableId]?.color);
  const namespace = useSchema((s) => s.document.tables[tableId]?.namespace);
  const schemas = useSchema(useShallow((s) => Object.values(s.document.namespaces).map((n) => `${n.id}\t${n.name}`)));
  const columnIds = useSchema(useShallow((s) => s.document.tables[tableId]?.columns.map((c) => c.id) ?? []));
  const run = useSafeDispatch();
  const ctx = useEditorContext();
  if (name === undefined) return null;
  return (
    <div aria-label={`Inspector for ${name}`}>
      <div className="space-y-1 px-3 py-2">
        <label className="flex items-center gap-2 text-xs">
          <span className="w-20 text-slate-500">Table name</span>
          <CommitInput label="Table name" className="flex-1 text-sm font-semibold" value={name} onCommit={(v) => v.trim() && run(renameTable(tableId, v.trim()))} />
        </label>
        <label className="flex items-center gap-2 text-xs">
          <span className="w-20 text-slate-500">DB name</span>
          <CommitInput label="Database table name" className="flex-1" placeholder={name} value={dbName ?? ''} onCommit={(v) => run(updateTable(tableId, { dbName: v.trim() || undefined }))} />
        </label>
        {schemas.length > 0 && (
          <label className="flex items-center gap-2 text-xs">
            <span className="w-20 text-slate-500">Schema</span>
            {/* Moving a table is ALTER TABLE ... SET SCHEMA: the SQL kept on it goes with it. */}
            <select aria-label="Schema" className="btn flex-1 py-0.5 text-xs" value={namespace ?? ''} onChange={(e) => run(updateTable(tableId, { namespace: e.target.value || undefined }))}>
              {namespace === undefined && <option value="">(none)</option>}
              {schemas.map((entry) => {
                const [id, label] = entry.split('\t');
                return (
                  <option key={id} value={id}>
                    {label}
                  </option>
                );
              })}
            </select>
          </label>
        )}
        <label className="flex items-center gap-2 text-xs">
          <span className="w-20 text-slate-500">Comment</span>
          <CommitInput label="Table comment" className="flex-1" value={comment ?? ''} onCommit={(v) => run(updateTable(tableId, { comment: v || undefined }))} />
        </label>
        <div className="flex items-center gap-1 text-xs" role="group" aria-label="Table colour">
          <span className="w-20 text-slate-500">Colour</span>
          {COLORS.map((c) => (
            <button
              key={c}
              type="button"
              aria-label={`Colour ${c}`}
              aria-pressed={(color ?? COLORS[0]) === c}
              className={`h-4 w-4 rounded-full ${(color ?? COLORS[0]) === c ? 'ring-2 ring-sky-400 ring-offset-1' : ''}`}
              style={{ background: c }}
              onClick={() => run(setNodeLayout(tableId, { color: c === COLORS[0] ? undefined : c }))}
            />
          ))}
        </div>
      </div>
      <Section
        title={`Columns (${columnIds.length})`}
        action={
          <button type="button" className="text-xs text-sky-700 hover:underline dark:text-sky-400" onClick={() => runAction(ctx, actionRegistry.get('add-column')!)}>
            Add column
          </button>
        }
      >
        <ul>
          {columnIds.map((id) => (
            <ColumnEditor key={id} tableId={tableId} columnId={id} />
          ))}
        </ul>
      </Section>
      <IndexesSection tableId={tableId} />
      <ChecksSection tableId={tableId} />
      <RelationsSection tableId={tableId} />
    </div>
  );
}
