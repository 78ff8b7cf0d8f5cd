'use client';
import { useCallback, useRef, useState } from 'react';
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  type EdgeTypes,
  type NodeChange,
  type NodeTypes,
} from '@xyflow/react';
import { useSchemaStoreApi } from '@/lib/store/react';
import { moveNodes } from '@/lib/store/commands';
import { useUi } from '@/components/editor/uiStore';
import { TableNode } from './TableNode';
import { EnumNode } from './EnumNode';
import { RelationEdge } from './RelationEdge';
import { useFlowEdges, useFlowNodes, type Measured } from './useFlowGraph';

// Module scope, so React Flow never sees new type maps.
const nodeTypes: NodeTypes = { table: TableNode, enum: EnumNode };
const edgeTypes: EdgeTypes = { relation: RelationEdge };
const fitViewOptions = { padding: 0.15, maxZoom: 1 };
const proOptions = { hideAttribution: true };

export function SchemaCanvas() {
  const store = useSchemaStoreApi();
  const [measured, setMeasured] = useState<Measured>(() => new Map());
  const nodes = useFlowNodes(measured);
  const edges = useFlowEdges();
  const gesture = useRef(0);

  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      const moves: Record<string, { x: number; y: number }> = {};
      const sizes: [string, { width: number; height: number }][] = [];
      let dragEnded = false;
      const ui = useUi.getState();
      for (const ch of changes) {
        if (ch.type === 'position' && ch.position) {
          moves[ch.id] = ch.position;
          if (ch.dragging === false) dragEnded = true;
        } else if (ch.type === 'position' && ch.dragging === false) {
          dragEnded = true;
        } else if (ch.type === 'dimensions' && ch.dimensions) {
          sizes.push([ch.id, ch.dimensions]);
        } else if (ch.type === 'select') {
          ui.setSelected(ch.id, ch.selected);
        }
      }
      if (Object.keys(moves).length) store.getState().dispatch(moveNodes(moves, `drag-${gesture.current}`));
      if (dragEnded) gesture.current++;
      if (sizes.length) {
        setMeasured((prev) => {
          const changed = sizes.filter(([id, d]) => prev.get(id)?.width !== d.width || prev.get(id)?.height !== d.height);
          return changed.length ? new Map([...prev, ...changed]) : prev;
        });
      }
    },
    [store],
  );

  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={onNodesChange}
      onPaneClick={() => useUi.getState().clearSelection()}
      fitView
      fitViewOptions={fitViewOptions}
      minZoom={0.05}
      maxZoom={2}
      onlyRenderVisibleElements
      proOptions={proOptions}
      deleteKeyCode={null}
    >
      <Background gap={24} />
      <MiniMap pannable zoomable ariaLabel="Minimap" />
      <Controls aria-label="Canvas controls" />
    </ReactFlow>
  );
}
