'use client';
import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useSchema } from '@/lib/store/react';
import type { SchemaDocument, Table } from '@/lib/schema/types';
import { foreignKeyColumnsOf } from '@/lib/schema/graph';
import { columnTypeLabel } from '@/lib/schema/column-edit';
import { tableWidth } from '@/lib/layout/size';
import { sourceHandleId, targetHandleId, TABLE_HANDLE } from './handles';

import { useDetail } from './detail';

interface TableView {
  table: Table;
  /** Column type labels; they depend on the table and the enums only. */
  labels: string[];
  enums: SchemaDocument['enums'];
  fkColumns: string[];
  color?: string;
  collapsed: boolean;
  /** The width the full node has (as laid out): far out, the named box keeps it, its name cut to fit. */
  width: number;
}
const viewCache = new WeakMap<Table, TableView>();

/**
 * What a table node shows, as one object that stays the same while its parts do: a node's
 * subscription then costs one lookup per store change and no allocation (a drag changes the store
 * on every pointer move, and a thousand nodes check it).
 */
function tableView(doc: SchemaDocument, id: string): TableView | undefined {
  const table = doc.tables[id];
  if (!table) return undefined;
  const layout = doc.layout.nodes[id];
  const fkColumns = foreignKeyColumnsOf(doc.relations, id);
  const color = layout?.color;
  const collapsed = !!layout?.collapsed;
  const hit = viewCache.get(table);
  const sameLabels = hit?.enums === doc.enums;
  if (hit && sameLabels && hit.fkColumns === fkColumns && hit.color === color && hit.collapsed === collapsed) return hit;
  const labels = hit && sameLabels ? hit.labels : table.columns.map((c) => columnTypeLabel(doc, c));
  const width = hit && sameLabels ? hit.width : tableWidth(table, labels);
  const view = { table, labels, enums: doc.enums, fkColumns, color, collapsed, width };
  viewCache.set(table, view);
  return view;
}

/**
 * A table-level handle for the far-out level: the element React Flow measures edges' ends from
 * (same classes and data attributes as a Handle), without a Handle's subscription to the flow
 * store. Nobody starts a connection at that zoom, and a thousand tables' handles would otherwise
 * all run on every pointer move.
 */
function AnchorHandle({ nodeId, type }: { nodeId: string; type: 'source' | 'target' }) {
  const side = type === 'source' ? 'right' : 'left';
  return (
    <div
      className={`react-flow__handle react-flow__handle-${side} ${type} column-handle`}
      data-handleid={type === 'source' ? `${TABLE_HANDLE}:s` : TABLE_HANDLE}
      data-nodeid={nodeId}
      data-handlepos={side}
    />
  );
}

function TableNodeImpl({ id, selected }: NodeProps) {
  // Each node subscribes to its own table only; other tables' edits and drags don't re-render it.
  const view = useSchema((s) => tableView(s.document, id));
  const detail = useDetail();
  const lowDetail = detail !== 'full';
  if (!view) return null;
  const { table, labels, fkColumns, color, collapsed, width } = view;
  if (detail === 'outline') {
    // Far out: a named box, with the table-level handles edges attach to. Few DOM nodes, cheap to paint.
    return (
      <section aria-label={`Table ${table.name}`} className={`flex min-w-56 items-center rounded border-2 px-3 py-2 ${selected ? 'border-sky-500' : 'border-transparent'}`} style={{ background: color ?? '#334155', height: 30 + table.columns.length * 24, width }}>
        <AnchorHandle nodeId={id} type="target" />
        <span role="heading" aria-level={2} className="min-w-0 truncate text-4xl font-semibold text-white">
          {table.name}
        </span>
        <AnchorHandle nodeId={id} type="source" />
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
      // Zoomed out, the name is larger: the node keeps the width it is laid out with, the name cut to fit.
      style={lowDetail ? { width } : undefined}
    >
      <header className="relative flex items-center justify-between gap-2 rounded-t-[7px] px-3 py-1.5 font-semibold text-white" style={{ background: color ?? '#334155' }}>
        <Handle type="target" position={Position.Left} id={TABLE_HANDLE} className="column-handle" />
        <span role="heading" aria-level={2} className={lowDetail ? 'min-w-0 truncate text-base' : ''}>
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
