import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createSchemaStore } from './store';
import { addColumn, addTable, deleteColumn, deleteTable, moveNodes, renameTable, updateColumn, addRelation, setLayout } from './commands';
import { createColumn, createTable, sequentialIds, parseDocument, validateDocument } from '../schema';
import { CommandError } from './command';

const sample = () =>
  parseDocument(readFileSync(path.resolve(import.meta.dirname, '../../prisma/blog.schemata.json'), 'utf8'));
const userId = (doc: ReturnType<typeof sample>) => Object.values(doc.tables).find((t) => t.name === 'User')!.id;

describe('schema store', () => {
  it('ignores commands, undo and redo while a provisional document is shown, and settles it as one undo step', () => {
    const store = createSchemaStore(sample());
    const original = store.getState().document;
    const preview = { ...original, name: 'preview' };
    const real = { ...original, name: 'real' };
    store.getState().load(preview, { keepHistory: true, provisional: 'Checking with PostgreSQL' });
    expect(store.getState().provisional).toBe('Checking with PostgreSQL');
    store.getState().dispatch(renameTable(userId(original), 'Nope'));
    store.getState().undo();
    expect(store.getState().document).toBe(preview);
    store.getState().settle(real);
    expect(store.getState().provisional).toBeUndefined();
    expect(store.getState().document).toBe(real);
    store.getState().undo();
    expect(store.getState().document).toBe(original);
    store.getState().redo();
    expect(store.getState().document).toBe(real);
  });

  it('takes a provisional load back when it fails', () => {
    const store = createSchemaStore(sample());
    const original = store.getState().document;
    store.getState().load({ ...original, name: 'preview' }, { keepHistory: true, provisional: 'Checking' });
    store.getState().settle();
    expect(store.getState().document).toBe(original);
    expect(store.getState().past).toEqual([]);
    expect(store.getState().provisional).toBeUndefined();
  });

  it('takes a failed provisional load back with the undo and redo history it replaced', () => {
    const store = createSchemaStore(sample());
    const original = store.getState().document;
    const id = userId(original);
    store.getState().dispatch(renameTable(id, 'Account'));
    store.getState().dispatch(renameTable(id, 'Member'));
    store.getState().undo();
    const shown = store.getState().document;
    const { past, future } = store.getState();
    expect(future).toHaveLength(1);
    // Without keepHistory (opening, not importing), and a second preview over the first.
    store.getState().load({ ...shown, name: 'preview' }, { provisional: 'Checking' });
    store.getState().load({ ...shown, name: 'preview 2' }, { keepHistory: true, provisional: 'Checking' });
    store.getState().settle();
    expect(store.getState().document).toBe(shown);
    expect(store.getState().past).toBe(past);
    expect(store.getState().future).toBe(future);
    store.getState().redo();
    expect(store.getState().document.tables[id].name).toBe('Member');
  });

  it('settles a provisional load over another as one undo step from what the first replaced', () => {
    const store = createSchemaStore(sample());
    const original = store.getState().document;
    store.getState().load({ ...original, name: 'preview 1' }, { keepHistory: true, provisional: 'Checking' });
    store.getState().load({ ...original, name: 'preview 2' }, { keepHistory: true, provisional: 'Checking' });
    const real = { ...original, name: 'real' };
    store.getState().settle(real);
    expect(store.getState().past).toEqual([original]);
    store.getState().undo();
    expect(store.getState().document).toBe(original);
  });

  it('applies commands as pure functions and undoes/redoes them', () => {
    const store = createSchemaStore(sample());
    const original = store.getState().document;
    const id = userId(original);
    store.getState().dispatch(renameTable(id, 'Account'));
    expect(store.getState().document.tables[id].name).toBe('Account');
    expect(original.tables[id].name).toBe('User'); // the old document is untouched
    store.getState().undo();
    expect(store.getState().document).toBe(original);
    store.getState().redo();
    expect(store.getState().document.tables[id].name).toBe('Account');
  });

  it('keeps unchanged tables referentially equal (nodes re-render only when their table changes)', () => {
    const store = createSchemaStore(sample());
    const before = store.getState().document;
    const id = userId(before);
    store.getState().dispatch(renameTable(id, 'Member'));
    const after = store.getState().document;
    for (const t of Object.keys(before.tables)) {
      if (t === id) expect(after.tables[t]).not.toBe(before.tables[t]);
      else expect(after.tables[t]).toBe(before.tables[t]);
    }
  });

  it('undoes layout changes, and merges one drag into one step', () => {
    const store = createSchemaStore(sample());
    const id = userId(store.getState().document);
    for (let i = 1; i <= 5; i++) store.getState().dispatch(moveNodes({ [id]: { x: i * 10, y: i } }, 'drag-1'));
    expect(store.getState().document.layout.nodes[id]).toMatchObject({ x: 50, y: 5 });
    expect(store.getState().past).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().document.layout.nodes[id]).toMatchObject({ x: 0, y: 0 });
  });

  it('a load with a merge key takes the next command with that key into its undo step (an import and its layout)', () => {
    const original = sample();
    const store = createSchemaStore(original);
    const imported = { ...sample(), name: 'imported' };
    const id = userId(imported);
    store.getState().load(imported, { keepHistory: true, mergeKey: 'import:1' });
    store.getState().dispatch(setLayout({ ...imported.layout.nodes, [id]: { x: 500, y: 7 } }, 'import:1'));
    expect(store.getState().document.layout.nodes[id]).toMatchObject({ x: 500, y: 7 });
    expect(store.getState().past).toEqual([original]);
    store.getState().undo();
    expect(store.getState().document).toBe(original);
    store.getState().redo();
    expect(store.getState().document.layout.nodes[id]).toMatchObject({ x: 500, y: 7 });
    // Once another command came in between, the layout is a step of its own.
    store.getState().load(imported, { keepHistory: true, mergeKey: 'import:2' });
    store.getState().dispatch(moveNodes({ [id]: { x: 1, y: 1 } }, 'drag'));
    store.getState().dispatch(setLayout({ ...imported.layout.nodes, [id]: { x: 9, y: 9 } }, 'import:2'));
    store.getState().undo();
    expect(store.getState().document.layout.nodes[id]).toMatchObject({ x: 1, y: 1 });
  });

  it('adds a table and a column, and a new command clears the redo stack', () => {
    const ids = sequentialIds();
    const store = createSchemaStore(sample());
    const t = createTable('Tag', (p) => `${ids(p)}x`);
    store.getState().dispatch(addTable(t, { x: 1, y: 2 }));
    store.getState().dispatch(addColumn(t.id, createColumn('label', 'String', (p) => `${ids(p)}x`)));
    expect(store.getState().document.tables[t.id].columns.map((c) => c.name)).toEqual(['label']);
    store.getState().undo();
    expect(store.getState().future).toHaveLength(1);
    store.getState().dispatch(renameTable(t.id, 'Label'));
    expect(store.getState().future).toHaveLength(0);
    expect(validateDocument(store.getState().document)).toEqual([]);
  });

  it('deleting a table removes its relations and layout; the result still validates', () => {
    const store = createSchemaStore(sample());
    const id = userId(store.getState().document);
    store.getState().dispatch(deleteTable(id));
    const doc = store.getState().document;
    expect(doc.tables[id]).toBeUndefined();
    expect(doc.layout.nodes[id]).toBeUndefined();
    expect(validateDocument(doc)).toEqual([]);
    store.getState().undo();
    expect(store.getState().document.tables[id].name).toBe('User');
  });

  it('deleting a column removes keys, indexes and foreign keys that use it', () => {
    const store = createSchemaStore(sample());
    const doc = store.getState().document;
    const post = Object.values(doc.tables).find((t) => t.name === 'Post')!;
    const authorId = post.columns.find((c) => c.name === 'authorId')!;
    store.getState().dispatch(deleteColumn(post.id, authorId.id));
    const next = store.getState().document;
    expect(next.tables[post.id].indexes).toHaveLength(0);
    expect(Object.values(next.relations).some((r) => r.kind === 'foreign-key' && r.from.columns.includes(authorId.id))).toBe(false);
    expect(validateDocument(next)).toEqual([]);
  });

  it('refuses invalid commands without changing the document', () => {
    const store = createSchemaStore(sample());
    const doc = store.getState().document;
    const user = doc.tables[userId(doc)];
    expect(() => store.getState().dispatch(updateColumn(user.id, user.columns[1].id, { name: 'id' }))).toThrow(CommandError);
    expect(() => store.getState().dispatch(renameTable('tbl_nope', 'X'))).toThrow(/no table/);
    expect(() => store.getState().dispatch(addRelation(Object.values(doc.relations)[0]))).toThrow(/already exists/);
    expect(store.getState().document).toBe(doc);
    expect(store.getState().past).toHaveLength(0);
  });
});
