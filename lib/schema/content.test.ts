import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from './serialize';
import { sameContent } from './content';
import { createSchemaStore } from '../store/store';
import { addGroup, addNote, moveNodes, renameTable, setLayout, setNodeLayout, toggleCollapsed, updateNote } from '../store/commands';

const sample = () => parseDocument(readFileSync(path.resolve(import.meta.dirname, '../../prisma/blog.schemata.json'), 'utf8'));

describe('sameContent (what exporters and checks read: everything but the layout)', () => {
  it('holds across every layout command, so a drag does not recompute exports', () => {
    const store = createSchemaStore(sample());
    const before = store.getState().document;
    const id = Object.keys(before.tables)[0];
    const layoutCommands = [
      moveNodes({ [id]: { x: 10, y: 20 } }, 'drag'),
      setNodeLayout(id, { color: 'red' }),
      setLayout({ ...before.layout.nodes, [id]: { x: 1, y: 2 } }),
      toggleCollapsed([id]),
      addNote({ id: 'note_1', text: 'n', x: 0, y: 0, width: 100, height: 50 }),
      updateNote('note_1', { text: 'changed' }),
      addGroup({ id: 'grp_1', name: 'g', color: 'blue', tableIds: [id] }),
    ];
    for (const cmd of layoutCommands) {
      const prev = store.getState().document;
      store.getState().dispatch(cmd);
      expect(store.getState().document, cmd.label).not.toBe(prev);
      expect(sameContent(prev, store.getState().document), cmd.label).toBe(true);
    }
    expect(sameContent(before, store.getState().document)).toBe(true);
  });

  it('fails for a schema change, and for any top-level field but the layout', () => {
    const store = createSchemaStore(sample());
    const before = store.getState().document;
    store.getState().dispatch(renameTable(Object.keys(before.tables)[0], 'Renamed'));
    expect(sameContent(before, store.getState().document)).toBe(false);
    expect(sameContent(before, { ...before, name: 'other' })).toBe(false);
    expect(sameContent(before, { ...before, sources: { ...before.sources } })).toBe(false);
    expect(sameContent(before, { ...before, extra: 1 } as typeof before)).toBe(false);
    expect(sameContent(before, { ...before, layout: { ...before.layout } })).toBe(true);
  });
});
