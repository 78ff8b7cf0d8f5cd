import { Position, type NodeHandle } from '@xyflow/react';
import { estimateNodeSize, HEADER_HEIGHT, ROW_HEIGHT } from '@/lib/layout/size';
import type { Id, SchemaDocument } from '@/lib/schema/types';
import { sourceHandleId, targetHandleId, TABLE_HANDLE } from './handles';

/** The column handles' size (globals.css `.column-handle`). */
const HANDLE = 8;

/**
 * Size and handle positions of a node React Flow has not measured yet, estimated from the
 * document. With them, React Flow can cull the node, fit the view and draw its edges without
 * rendering it first (otherwise every new node is rendered once to be measured: a 1,000-table
 * import would mount 1,000 tables). The measured values replace these once the node is on screen.
 */
export function initialNode(doc: SchemaDocument, id: Id): { measured: { width: number; height: number }; handles: NodeHandle[] } {
  const { width, height } = estimateNodeSize(doc, id);
  const measured = { width, height };
  const t = doc.tables[id];
  if (!t) return { measured, handles: [] };
  const at = (hid: string, type: 'source' | 'target', y: number): NodeHandle => ({
    id: hid, type, position: type === 'source' ? Position.Right : Position.Left,
    x: type === 'source' ? width - HANDLE / 2 : -HANDLE / 2, y: y - HANDLE / 2, width: HANDLE, height: HANDLE,
  });
  const handles = [at(TABLE_HANDLE, 'target', HEADER_HEIGHT / 2), at(`${TABLE_HANDLE}:s`, 'source', HEADER_HEIGHT / 2)];
  t.columns.forEach((c, i) => {
    const y = HEADER_HEIGHT + i * ROW_HEIGHT + ROW_HEIGHT / 2;
    handles.push(at(targetHandleId(c.id), 'target', y), at(sourceHandleId(c.id), 'source', y));
  });
  return { measured, handles };
}
