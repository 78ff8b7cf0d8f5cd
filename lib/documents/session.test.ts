import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createDocument } from '../schema/document';
import { createSchemaStore } from '../store/store';
import { gridLayout } from './layout';
import { createDocumentSession } from './session';
import { blogDocument, freshRepository } from './testing';

async function setup() {
  const { repo, dbName } = await freshRepository();
  const store = createSchemaStore(blogDocument());
  const session = createDocumentSession(store, repo, { autosave: { lifecycle: null, delayMs: 5 } });
  return { repo, dbName, store, session };
}

describe('document session', () => {
  it('first start stores the current (sample) document and remembers it, keeping the undo history', async () => {
    const { repo, store, session } = await setup();
    store.getState().dispatch({ type: 't', label: 't', apply: (d) => ({ ...d, name: 'Blog' }) });
    store.getState().dispatch({ type: 't', label: 't', apply: (d) => ({ ...d, settings: { ...d.settings } }) });
    const before = store.getState().document;
    await session.start();
    expect(store.getState().document).toBe(before);
    expect(store.getState().past).toHaveLength(2);
    const id = store.getState().document.id;
    expect(await repo.getLastOpenedId()).toBe(id);
    expect(await repo.get(id)).toEqual(before);
    expect((await repo.list()).map((s) => s.name)).toEqual(['Blog']);
    expect(session.start()).toBe(session.start()); // once
  });

  it('a start without a last opened document whose id is taken stores a copy under a new id', async () => {
    const { repo, store, session } = await setup();
    await repo.save({ ...blogDocument(), name: 'Stored earlier' });
    await session.start();
    const id = store.getState().document.id;
    expect(id).not.toBe('doc_blog');
    expect(store.getState().document.name).toBe('Blog');
    expect(await repo.getLastOpenedId()).toBe(id);
    expect((await repo.get('doc_blog'))!.name).toBe('Stored earlier');
  });

  it('a later start restores the last opened document', async () => {
    const { repo, dbName, session, store } = await setup();
    await session.start();
    const detach = session.attach();
    store.getState().dispatch({ type: 't', label: 't', apply: (d) => ({ ...d, name: 'Edited' }) });
    detach(); // flushes
    await session.flush();
    await new Promise((r) => setTimeout(r, 20));
    const id = store.getState().document.id;
    repo.close();

    const { openDocumentRepository } = await import('./repository');
    const repo2 = await openDocumentRepository({ dbName });
    const store2 = createSchemaStore(blogDocument());
    const session2 = createDocumentSession(store2, repo2);
    await session2.start();
    expect(store2.getState().document.id).toBe(id);
    expect(store2.getState().document.name).toBe('Edited');
    expect(await repo2.list()).toHaveLength(1);
  });

  it('opens, creates, renames, duplicates and deletes', async () => {
    const { repo, store, session } = await setup();
    await session.start();
    const detach = session.attach();
    const first = store.getState().document.id;
    let changes = 0;
    session.subscribe(() => changes++);

    const fresh = await session.openNew(createDocument({ name: 'Empty' }));
    expect(store.getState().document.id).toBe(fresh.id);
    expect(await repo.getLastOpenedId()).toBe(fresh.id);
    expect(store.getState().past).toEqual([]);

    await session.rename(fresh.id, 'Renamed');
    expect(store.getState().document.name).toBe('Renamed');
    expect((await repo.get(fresh.id))!.name).toBe('Renamed');
    await session.rename(first, 'Old blog');
    expect((await repo.get(first))!.name).toBe('Old blog');
    expect(store.getState().document.id).toBe(fresh.id);

    const copy = await session.duplicate(first);
    expect(copy.name).toBe('Old blog copy');

    await session.open(first);
    expect(store.getState().document.name).toBe('Old blog');
    expect(Object.keys(store.getState().document.tables)).toHaveLength(5);

    // Deleting the open document opens the most recent other one.
    await session.remove(first);
    expect(await repo.get(first)).toBeUndefined();
    expect([fresh.id, copy.id]).toContain(store.getState().document.id);
    await session.remove(fresh.id);
    await session.remove(copy.id);
    // Nothing left: a new empty document is created and opened.
    const [only] = await repo.list();
    expect(only.tableCount).toBe(0);
    expect(store.getState().document.id).toBe(only.id);
    expect(changes).toBeGreaterThanOrEqual(7);
    detach();
  });

  it('records a document as last opened before showing it (a reload right after a switch restores what was on screen)', async () => {
    const { repo, store, session } = await setup();
    await session.start();
    const detach = session.attach();
    const events: string[] = [];
    const setLast = repo.setLastOpenedId.bind(repo);
    repo.setLastOpenedId = async (id) => {
      await setLast(id);
      events.push(`recorded ${id}`);
    };
    store.subscribe((state, prev) => {
      if (state.document.id !== prev.document.id) events.push(`shown ${state.document.id}`);
    });
    const fresh = await session.openNew(createDocument({ name: 'Empty' }));
    const blog = (await repo.list()).find((d) => d.id !== fresh.id)!;
    await session.open(blog.id);
    expect(events.filter((e) => e.includes(fresh.id) || e.includes(blog.id))).toEqual([`recorded ${fresh.id}`, `shown ${fresh.id}`, `recorded ${blog.id}`, `shown ${blog.id}`]);
    detach();
  });

  it('opening a document with an id that is already stored gives it a new id', async () => {
    const { repo, store, session } = await setup();
    await session.start();
    const current = store.getState().document;
    const again = await session.openNew(current);
    expect(again.id).not.toBe(current.id);
    expect(await repo.list()).toHaveLength(2);
  });

  it('grid layout places every table and enum without overlapping rows', () => {
    const doc = blogDocument();
    const laid = gridLayout({ ...doc, layout: { ...doc.layout, nodes: {} } }, { columns: 3 });
    const ids = [...Object.keys(doc.tables), ...Object.keys(doc.enums)];
    expect(Object.keys(laid.layout.nodes).sort()).toEqual(ids.sort());
    const ys = [...new Set(Object.values(laid.layout.nodes).map((n) => n.y))];
    expect(ys).toHaveLength(2);
    expect(ys[1] - ys[0]).toBeGreaterThan(44 + 26 * 6);
    // Existing positions are kept.
    expect(gridLayout(doc)).toBe(doc);
  });
});
