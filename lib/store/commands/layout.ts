import { command, type Command } from '../command';
import type { Id, NodeLayout } from '../../schema/types';

/**
 * Moves canvas nodes. Layout changes are commands too, so undo covers them; a drag passes one
 * `gesture` key for all of its moves so the whole drag is one undo step.
 */
export function moveNodes(positions: Record<Id, { x: number; y: number }>, gesture?: string): Command {
  return command(
    'layout/move',
    'Move',
    (doc) => {
      const nodes = { ...doc.layout.nodes };
      for (const [id, p] of Object.entries(positions)) nodes[id] = { ...nodes[id], x: p.x, y: p.y };
      return { ...doc, layout: { ...doc.layout, nodes } };
    },
    gesture ? `move:${gesture}` : undefined,
  );
}

export function setNodeLayout(id: Id, patch: Partial<NodeLayout>): Command {
  return command('layout/node', 'Change node', (doc) => ({
    ...doc,
    layout: { ...doc.layout, nodes: { ...doc.layout.nodes, [id]: { ...(doc.layout.nodes[id] ?? { x: 0, y: 0 }), ...patch } } },
  }));
}

/** Replaces all positions at once (auto layout, import). */
export function setLayout(nodes: Record<Id, NodeLayout>): Command {
  return command('layout/set', 'Auto layout', (doc) => ({ ...doc, layout: { ...doc.layout, nodes } }));
}
