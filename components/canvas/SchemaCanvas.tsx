'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  SelectionMode,
  useReactFlow,
  useStore,
  type Connection,
  type EdgeChange,
  type EdgeTypes,
  type NodeChange,
  type NodeTypes,
} from '@xyflow/react';
import { useSchema, useSchemaStoreApi } from '@/lib/store/react';
import { moveNodes, updateNote } from '@/lib/store/commands';
import { useUi } from '@/components/editor/uiStore';
import { useMeasuredSizes } from '@/components/editor/EditorContextProvider';
import { TableNode } from './TableNode';
import { EnumNode } from './EnumNode';
import { ViewNode } from './ViewNode';
import { NoteNode } from './NoteNode';
import { GroupNode } from './GroupNode';
import { RelationEdge } from './RelationEdge';
import { columnOfHandle } from './handles';
import { DetailContext, detailOf } from './detail';
import { groupBox, useFlowEdges, useFlowNodes, type Measured } from './useFlowGraph';

// Module scope, so React Flow never sees new type maps.
const nodeTypes: NodeTypes = { table: TableNode, enum: EnumNode, view: ViewNode, note: NoteNode, group: GroupNode };
const edgeTypes: EdgeTypes = { relation: RelationEdge };
const fitViewOptions = { padding: 0.15, maxZoom: 1 };
const multiSelectionKeys = ['Shift', 'Meta', 'Control'];

/**
 * Fits the view whenever another document is opened (a template, the document list, the one
 * restored after a reload, an import): the first one is fitted by React Flow's `fitView` prop.
 */
function useFitOnOpen() {
  const docId = useSchema((s) => s.document.id);
  const { fitView } = useReactFlow();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    void fitView(fitViewOptions);
  }, [docId, fitView]);
}

export function SchemaCanvas() {
  const store = useSchemaStoreApi();
  const sizes = useMeasuredSizes();
  const [measured, setMeasured] = useState<Measured>(() => new Map());
  const nodes = useFlowNodes(measured);
  const detail = useStore(detailOf);
  const edges = useFlowEdges(detail);
  const gesture = useRef(0);
  const dark = useUi((s) => s.dark);
  // An import preview is read-only until PostgreSQL has checked it: nothing to drag or connect.
  const readOnly = useSchema((s) => !!s.provisional);
  useFitOnOpen();

  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      const doc = store.getState().document;
      const moves: Record<string, { x: number; y: number }> = {};
      const sized: [string, { width: number; height: number }][] = [];
      let dragEnded = false;
      const ui = useUi.getState();
      const key = `drag-${gesture.current}`;
      for (const ch of changes) {
        if (ch.type === 'position') {
          if (ch.dragging === false) dragEnded = true;
          if (!ch.position) continue;
          if (doc.layout.notes[ch.id]) {
            store.getState().dispatch(updateNote(ch.id, { x: ch.position.x, y: ch.position.y }, `note-${key}`));
          } else if (doc.layout.groups[ch.id]) {
            // Dragging a group moves its tables by as much as its frame moved.
            const box = groupBox(doc.layout.groups[ch.id], doc.layout.nodes, sizes.current);
            if (!box) continue;
            const dx = ch.position.x - box.x;
            const dy = ch.position.y - box.y;
            for (const t of doc.layout.groups[ch.id].tableIds) {
              const p = doc.layout.nodes[t];
              if (p) moves[t] = { x: p.x + dx, y: p.y + dy };
            }
          } else moves[ch.id] = ch.position;
        } else if (ch.type === 'dimensions' && ch.dimensions) {
          sized.push([ch.id, ch.dimensions]);
        } else if (ch.type === 'select') {
          ui.setSelected(ch.id, ch.selected);
        }
      }
      if (Object.keys(moves).length) store.getState().dispatch(moveNodes(moves, key));
      if (dragEnded) gesture.current++;
      if (sized.length) {
        setMeasured((prev) => {
          const changed = sized.filter(([id, d]) => prev.get(id)?.width !== d.width || prev.get(id)?.height !== d.height);
          if (!changed.length) return prev;
          const next = new Map([...prev, ...changed]);
          sizes.current = next;
          return next;
        });
      }
    },
    [store, sizes],
  );

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    const ui = useUi.getState();
    for (const ch of changes) if (ch.type === 'select') ui.setSelected(ch.id, ch.selected);
  }, []);

  const onConnect = useCallback((c: Connection) => {
    if (!c.source || !c.target || c.source === c.target && c.sourceHandle === c.targetHandle) return;
    // Dragged from a column (the foreign key) to the column it references.
    useUi.getState().setPendingConnection({
      source: { table: c.source, column: columnOfHandle(c.sourceHandle) },
      target: { table: c.target, column: columnOfHandle(c.targetHandle) },
    });
  }, []);

  return (
    <DetailContext.Provider value={detail}>
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onConnect={onConnect}
      connectionRadius={24}
      nodesDraggable={!readOnly}
      nodesConnectable={!readOnly}
      onPaneClick={() => useUi.getState().clearSelection()}
      fitView
      fitViewOptions={fitViewOptions}
      minZoom={0.05}
      maxZoom={2}
      onlyRenderVisibleElements
      deleteKeyCode={null}
      selectionKeyCode="Shift"
      multiSelectionKeyCode={multiSelectionKeys}
      selectionMode={SelectionMode.Partial}
      colorMode={dark ? 'dark' : 'light'}
    >
      <Background gap={24} />
      <MiniMap pannable zoomable ariaLabel="Minimap" />
      <Controls aria-label="Canvas controls" />
    </ReactFlow>
    </DetailContext.Provider>
  );
}
