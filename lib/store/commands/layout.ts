import { command, type Command } from '../command';
import type { Group, Id, NodeLayout, Note } from '../../schema/types';

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
      for (const [id, p] of Object.entries(positions)) nodes[id] = { ...nodes[id], x: p.x, y: p.y, ...(gesture ? { pinned: true } : {}) };
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
/** Sets all node positions (auto layout). With `mergeKey`, it joins the undo step of a load with that key. */
export function setLayout(nodes: Record<Id, NodeLayout>, mergeKey?: string): Command {
  return command('layout/set', 'Auto layout', (doc) => ({ ...doc, layout: { ...doc.layout, nodes } }), mergeKey);
}

export function toggleCollapsed(ids: Id[]): Command {
  return command('layout/collapse', 'Collapse tables', (doc) => {
    const nodes = { ...doc.layout.nodes };
    const collapse = ids.some((id) => !nodes[id]?.collapsed);
    for (const id of ids) nodes[id] = { ...(nodes[id] ?? { x: 0, y: 0 }), collapsed: collapse };
    return { ...doc, layout: { ...doc.layout, nodes } };
  });
}

export function addNote(note: Note): Command {
  return command('note/add', 'Add note', (doc) => ({
    ...doc,
    layout: { ...doc.layout, notes: { ...doc.layout.notes, [note.id]: note } },
  }));
}

export function updateNote(id: Id, patch: Partial<Omit<Note, 'id'>>, gesture?: string): Command {
  return command(
    'note/update',
    'Edit note',
    (doc) => {
      const note = doc.layout.notes[id];
      if (!note) return doc;
      return { ...doc, layout: { ...doc.layout, notes: { ...doc.layout.notes, [id]: { ...note, ...patch } } } };
    },
    gesture,
  );
}

export function deleteNote(id: Id): Command {
  return command('note/delete', 'Delete note', (doc) => {
    const notes = { ...doc.layout.notes };
    delete notes[id];
    return { ...doc, layout: { ...doc.layout, notes } };
  });
}

export function addGroup(group: Group): Command {
  return command('group/add', `Group ${group.tableIds.length} tables`, (doc) => ({
    ...doc,
    layout: { ...doc.layout, groups: { ...doc.layout.groups, [group.id]: group } },
  }));
}

export function updateGroup(id: Id, patch: Partial<Omit<Group, 'id'>>): Command {
  return command('group/update', 'Edit group', (doc) => {
    const g = doc.layout.groups[id];
    if (!g) return doc;
    return { ...doc, layout: { ...doc.layout, groups: { ...doc.layout.groups, [id]: { ...g, ...patch } } } };
  });
}

export function deleteGroup(id: Id): Command {
  return command('group/delete', 'Ungroup', (doc) => {
    const groups = { ...doc.layout.groups };
    delete groups[id];
    return { ...doc, layout: { ...doc.layout, groups } };
  });
}
