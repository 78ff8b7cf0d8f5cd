'use client';
import { useMemo, useState } from 'react';
import { MarkerType, type Edge, type Node } from '@xyflow/react';
import { useSchema, useSchemaStoreApi } from '@/lib/store/react';
import { keysOf, relationEdge } from '@/lib/schema/graph';
import type { Group, Id, Note, NodeLayout, SchemaDocument } from '@/lib/schema/types';
import { initialNode } from './initialNode';
import { useUi } from '@/components/editor/uiStore';
import { sourceHandleId, targetHandleId, TABLE_HANDLE } from './handles';
import type { Detail } from './detail';

export type Measured = ReadonlyMap<string, { width: number; height: number }>;

interface Item {
  id: Id;
  type: 'table' | 'enum' | 'view' | 'note' | 'group';
  x: number;
  y: number;
  width?: number;
  height?: number;
}

const GROUP_PAD = 24;

/** Remembers node objects between renders so unchanged nodes keep their identity. */
class NodeCache {
  private nodes = new Map<string, Node>();
  build(items: Item[], selected: ReadonlySet<string>, measured: Measured, doc: () => SchemaDocument): Node[] {
    const next = new Map<string, Node>();
    const out = items.map((it) => {
      const isSelected = selected.has(it.id);
      const m = it.width !== undefined ? { width: it.width, height: it.height! } : measured.get(it.id);
      const prev = this.nodes.get(it.id);
      // Not measured yet: an estimate, so React Flow need not render the node to know its size.
      const estimate = !m && (it.type === 'table' || it.type === 'enum' || it.type === 'view');
      const same =
        prev &&
        prev.type === it.type &&
        prev.position.x === it.x &&
        prev.position.y === it.y &&
        !!prev.selected === isSelected &&
        (estimate ? !!prev.handles : !prev.handles && prev.measured?.width === m?.width && prev.measured?.height === m?.height);
      const node: Node = same
        ? prev
        : {
            id: it.id,
            type: it.type,
            position: { x: it.x, y: it.y },
            data: {},
            selected: isSelected,
            measured: m,
            ...(estimate ? initialNode(doc(), it.id) : {}),
            ...(it.width !== undefined ? { width: it.width, height: it.height, style: { width: it.width, height: it.height } } : {}),
            ...(it.type === 'group' ? { zIndex: -1, selectable: true } : {}),
          };
      next.set(it.id, node);
      return node;
    });
    this.nodes = next;
    return out;
  }
}

/** A group's frame around its tables (the group node's position and size). */
export function groupBox(g: Group, nodes: Record<Id, NodeLayout>, measured: Measured) {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const id of g.tableIds) {
    const p = nodes[id];
    if (!p) continue;
    const m = measured.get(id) ?? { width: 224, height: 120 };
    x0 = Math.min(x0, p.x);
    y0 = Math.min(y0, p.y);
    x1 = Math.max(x1, p.x + m.width);
    y1 = Math.max(y1, p.y + m.height);
  }
  if (!Number.isFinite(x0)) return undefined;
  return { x: x0 - GROUP_PAD, y: y0 - GROUP_PAD - 20, width: x1 - x0 + GROUP_PAD * 2, height: y1 - y0 + GROUP_PAD * 2 + 20 };
}

/**
 * React Flow nodes derived from the document. A node object is rebuilt only when its own
 * position, selection or size changed, so React Flow and the memoized node components skip
 * every other node.
 */
export function useFlowNodes(measured: Measured): Node[] {
  const tableIds = useSchema((s) => keysOf(s.document.tables));
  const enumIds = useSchema((s) => keysOf(s.document.enums));
  const viewIds = useSchema((s) => keysOf(s.document.views));
  const positions = useSchema((s) => s.document.layout.nodes);
  const notes = useSchema((s) => s.document.layout.notes);
  const groups = useSchema((s) => s.document.layout.groups);
  const selected = useUi((s) => s.selected);
  const [cache] = useState(() => new NodeCache());
  const store = useSchemaStoreApi();
  return useMemo(() => {
    const items: Item[] = [];
    for (const g of Object.values(groups)) {
      const box = groupBox(g, positions, measured);
      if (box) items.push({ id: g.id, type: 'group', ...box });
    }
    const place = (id: Id, type: 'table' | 'enum' | 'view', i: number) => {
      const p = positions[id] ?? { x: (i % 8) * 320, y: Math.floor(i / 8) * 320 };
      items.push({ id, type, x: p.x, y: p.y });
    };
    tableIds.forEach((id, i) => place(id, 'table', i));
    enumIds.forEach((id, i) => place(id, 'enum', tableIds.length + i));
    viewIds.forEach((id, i) => place(id, 'view', tableIds.length + enumIds.length + i));
    for (const n of Object.values(notes) as Note[]) items.push({ id: n.id, type: 'note', x: n.x, y: n.y, width: n.width, height: n.height });
    return cache.build(items, selected, measured, () => store.getState().document);
  }, [cache, store, tableIds, enumIds, viewIds, positions, notes, groups, selected, measured]);
}

/**
 * Far out, a big schema's edges are a hairball that costs most of each frame to paint. Above this
 * many relations, the outline level draws only the edges of selected tables.
 */
export const OUTLINE_EDGE_BUDGET = 500;

/** The edges; `detail` is the canvas's level of detail (detail.ts), read once by the canvas. */
export function useFlowEdges(detail: Detail): Edge[] {
  const relations = useSchema((s) => s.document.relations);
  const tables = useSchema((s) => s.document.tables);
  const selected = useUi((s) => s.selected);
  // Zoomed out, column handles are not rendered: edges attach to table headers and drop their glyphs.
  const lowDetail = detail !== 'full';
  const outline = detail === 'outline';
  return useMemo(() => {
    const doc = { tables, relations } as Parameters<typeof relationEdge>[0];
    const edges: Edge[] = [];
    const all = Object.values(relations);
    const budget = outline && all.length > OUTLINE_EDGE_BUDGET;
    for (const rel of all) {
      const info = relationEdge(doc, rel);
      if (!info) continue;
      if (budget && !selected.has(info.source.table) && !selected.has(info.target.table) && !selected.has(rel.id)) continue;
      edges.push({
        id: rel.id,
        source: info.source.table,
        target: info.target.table,
        sourceHandle: info.source.column && !lowDetail ? sourceHandleId(info.source.column) : `${TABLE_HANDLE}:s`,
        targetHandle: info.target.column && !lowDetail ? targetHandleId(info.target.column) : TABLE_HANDLE,
        type: 'relation',
        selected: selected.has(rel.id),
        ariaLabel: `Relation ${info.label}`,
        data: { sourceEnd: info.sourceEnd, targetEnd: info.targetEnd, label: info.label, lowDetail },
        ...(lowDetail ? { interactionWidth: 0 } : { markerEnd: { type: MarkerType.Arrow } }),
      });
    }
    return edges;
  }, [relations, tables, selected, lowDetail, outline]);
}
