'use client';
import { useMemo, useState } from 'react';
import { MarkerType, type Edge, type Node } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { useSchema } from '@/lib/store/react';
import { relationEdge } from '@/lib/schema/graph';
import { useUi } from '@/components/editor/uiStore';
import { sourceHandleId, targetHandleId, TABLE_HANDLE } from './TableNode';

export type Measured = ReadonlyMap<string, { width: number; height: number }>;

/** Remembers node objects between renders so unchanged nodes keep their identity. */
class NodeCache {
  private nodes = new Map<string, Node>();
  build(ids: { id: string; type: 'table' | 'enum' }[], positions: Record<string, { x: number; y: number }>, selected: ReadonlySet<string>, measured: Measured): Node[] {
    const next = new Map<string, Node>();
    const out = ids.map(({ id, type }, i) => {
      const p = positions[id] ?? { x: (i % 8) * 320, y: Math.floor(i / 8) * 320 };
      const isSelected = selected.has(id);
      const m = measured.get(id);
      const prev = this.nodes.get(id);
      const node: Node =
        prev &&
        prev.type === type &&
        prev.position.x === p.x &&
        prev.position.y === p.y &&
        !!prev.selected === isSelected &&
        prev.measured?.width === m?.width &&
        prev.measured?.height === m?.height
          ? prev
          : { id, type, position: { x: p.x, y: p.y }, data: {}, selected: isSelected, measured: m };
      next.set(id, node);
      return node;
    });
    this.nodes = next;
    return out;
  }
}

/**
 * React Flow nodes derived from the document. A node object is rebuilt only when its own
 * position, selection or measured size changed, so React Flow and the memoized node components
 * skip every other node.
 */
export function useFlowNodes(measured: Measured): Node[] {
  const tableIds = useSchema(useShallow((s) => Object.keys(s.document.tables)));
  const enumIds = useSchema(useShallow((s) => Object.keys(s.document.enums)));
  const positions = useSchema((s) => s.document.layout.nodes);
  const selected = useUi((s) => s.selected);
  const [cache] = useState(() => new NodeCache());
  const ids = useMemo(
    () => [...tableIds.map((id) => ({ id, type: 'table' as const })), ...enumIds.map((id) => ({ id, type: 'enum' as const }))],
    [tableIds, enumIds],
  );
  return useMemo(() => cache.build(ids, positions, selected, measured), [cache, ids, positions, selected, measured]);
}

export function useFlowEdges(): Edge[] {
  const relations = useSchema((s) => s.document.relations);
  const tables = useSchema((s) => s.document.tables);
  const doc = useSchema((s) => s.document);
  return useMemo(() => {
    void tables;
    const edges: Edge[] = [];
    for (const rel of Object.values(relations)) {
      const info = relationEdge(doc, rel);
      if (!info) continue;
      edges.push({
        id: rel.id,
        source: info.source.table,
        target: info.target.table,
        sourceHandle: info.source.column ? sourceHandleId(info.source.column) : `${TABLE_HANDLE}:s`,
        targetHandle: info.target.column ? targetHandleId(info.target.column) : TABLE_HANDLE,
        type: 'relation',
        ariaLabel: `Relation ${info.label}`,
        data: { sourceEnd: info.sourceEnd, targetEnd: info.targetEnd, label: info.label },
        markerEnd: { type: MarkerType.Arrow },
      });
    }
    return edges;
    // `doc` changes on every edit, but edges only need rebuilding when relations or tables do.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [relations, tables]);
}
