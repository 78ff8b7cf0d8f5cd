'use client';
import { memo } from 'react';
import { Handle, Position, useStore, type NodeProps } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { useSchema } from '@/lib/store/react';
import type { SchemaDocument, Table } from '@/lib/schema/types';
import { foreignKeyColumnsOf } from '@/lib/schema/graph';
import { columnTypeLabel } from '@/lib/schema/column-edit';
import { sourceHandleId, targetHandleId, TABLE_HANDLE } from './handles';

/** Below this zoom, tables show their name and keys only, and edges attach to table headers. */
export const DETAIL_ZOOM = 0.45;
/** Below this zoom, tables are a named box. */
export const OUTLINE_ZOOM = 0.2;

const labelCache = new WeakMap<Table, { enums: SchemaDocument['enums']; labels: string[] }>();
const NO_LABELS: string[] = [];

/** Type labels of a table's columns, cached per table object (a drag elsewhere recomputes nothing). */
function columnLabels(doc: SchemaDocument, id: string): string[] {
  const table = doc.tables[id];
  if (!table) return NO_LABELS;
  const hit = labelCache.get(table);
  if (hit && hit.enums === doc.enums) return hit.labels;
  const labels = table.columns.map((c) => columnTypeLabel(doc, c));
  labelCache.set(table, { enums: doc.enums, labels });
  return labels;
}

type Detail = 'full' | 'keys' | 'outline';
const detailOf = (s: { transform: [number, number, number] }): Detail =>
  s.transform[2] < OUTLINE_ZOOM ? 'outline' : s.transform[2] < DETAIL_ZOOM ? 'keys' : 'full';

function TableNodeImpl({ id, selected }: NodeProps) {
  // Each node subscribes to its own table only; other tables' edits and drags don't re-render it.
  const table = useSchema((s) => s.document.tables[id]);
  const labels = useSchema(useShallow((s) => columnLabels(s.document, id)));
  const fkColumns = useSchema((s) => foreignKeyColumnsOf(s.document.relations, id));
  const color = useSchema((s) => s.document.layout.nodes[id]?.color);
  const collapsed = useSchema((s) => !!s.document.layout.nodes[id]?.collapsed);
  const detail = useStore(detailOf);
  const lowDetail = detail !== 'full';
  if (!table) return null;
  if (detail === 'outline') {
    // Far out: a named box, with the table-level handles edges attach to. Few DOM nodes, cheap to paint.
    return (
      <section aria-label={`Table ${table.name}`} className={`flex min-w-56 items-center rounded border-2 px-3 py-2 ${selected ? 'border-sky-500' : 'border-transparent'}`} style={{ background: color ?? '#334155', height: 30 + table.columns.length * 24 }}>
        <Handle type="target" position={Position.Left} id={TABLE_HANDLE} className="column-handle" />
        <span role="heading" aria-level={2} className="truncate text-4xl font-semibold text-white">
          {table.name}
        </span>
        <Handle type="source" position={Position.Right} id={`${TABLE_HANDLE}:s`} className="column-handle" />
      </section>
    );
  }
  const pk = new Set(table.primaryKey?.columns.map((c) => c.column));
  const uniques = new Set(table.indexes.filter((ix) => ix.unique && ix.columns.length === 1).map((ix) => ix.columns[0].column));
  const keysOnly = collapsed || lowDetail;
  const rows = table.columns.map((c, i) => ({ c, i })).filter(({ c }) => !keysOnly || pk.has(c.id) || fkColumns.includes(c.id));
  return (
    <section
      aria-label={`Table ${table.name}`}
      data-collapsed={collapsed || undefined}
      className={`min-w-56 rounded-lg border bg-white text-xs dark:bg-slate-900 ${
        selected ? 'border-sky-500 ring-2 ring-sky-300' : 'border-slate-300 dark:border-slate-700'
      }`}
    >
      <header className="relative flex items-center justify-between gap-2 rounded-t-[7px] px-3 py-1.5 font-semibold text-white" style={{ background: color ?? '#334155' }}>
        <Handle type="target" position={Position.Left} id={TABLE_HANDLE} className="column-handle" />
        <span role="heading" aria-level={2} className={lowDetail ? 'text-base' : ''}>
          {table.name}
        </span>
        {!lowDetail && (table.dbName || collapsed) && (
          <span className="font-normal opacity-70">{collapsed ? `${table.columns.length} cols` : table.dbName}</span>
        )}
        <Handle type="source" position={Position.Right} id={`${TABLE_HANDLE}:s`} className="column-handle" />
      </header>
      <ul aria-label={`Columns of ${table.name}`}>
        {rows.map(({ c, i }) => {
          const markers = [pk.has(c.id) && 'PK', fkColumns.includes(c.id) && 'FK', uniques.has(c.id) && 'UQ'].filter(Boolean);
          return (
            <li
              key={c.id}
              className="relative flex items-center gap-2 border-t border-slate-100 px-3 py-1 dark:border-slate-800"
              aria-label={`${c.name} ${labels[i]}${markers.length ? ` ${markers.join(' ')}` : ''}${c.nullable ? ' nullable' : ''}`}
            >
              {!lowDetail && <Handle type="target" position={Position.Left} id={targetHandleId(c.id)} className="column-handle" />}
              <span className="w-7 shrink-0 text-[10px] font-bold text-amber-600">{markers.filter((m) => m !== 'UQ').join(' ')}</span>
              <span className={pk.has(c.id) ? 'font-semibold' : ''}>{c.name}</span>
              {!lowDetail && (
                <span className={`ml-auto pl-2 font-mono ${c.nullable ? 'text-slate-400' : 'text-slate-600 dark:text-slate-300'}`}>{labels[i]}</span>
              )}
              {!lowDetail && <Handle type="source" position={Position.Right} id={sourceHandleId(c.id)} className="column-handle" />}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export const TableNode = memo(TableNodeImpl);
