import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createDocument } from '../schema/document';
import { DocumentValidationError } from '../schema/validate';
import { openDatabase, request, transact } from './idb';
import { DB_VERSION, DocumentNotFoundError, openDocumentRepository, STORE_DOCUMENTS, STORE_INDEX } from './repository';
import { blogDocument, freshRepository, manualClock, V1_DOCUMENT } from './testing';

describe('document repository (IndexedDB)', () => {
  it('a saved document reloads equal, and appears in the list with its counts', async () => {
    const { repo } = await freshRepository();
    const doc = blogDocument();
    const summary = await repo.save(doc);
    expect(summary).toMatchObject({ id: 'doc_blog', name: 'Blog', tableCount: 5, enumCount: 1 });
    const back = await repo.get('doc_blog');
    expect(back).toEqual(doc);
    expect(back).not.toBe(doc);
    expect(await repo.list()).toEqual([summary]);
    repo.close();
  });

  it('survives reopening the database', async () => {
    const { repo, dbName } = await freshRepository();
    await repo.save(blogDocument());
    await repo.setLastOpenedId('doc_blog');
    repo.close();
    const again = await openDocumentRepository({ dbName });
    expect(await again.getLastOpenedId()).toBe('doc_blog');
    expect((await again.get('doc_blog'))?.name).toBe('Blog');
    again.close();
  });

  it('returns undefined for a missing document', async () => {
    const { repo } = await freshRepository();
    expect(await repo.get('doc_nope')).toBeUndefined();
    expect(await repo.getLastOpenedId()).toBeUndefined();
    await expect(repo.rename('doc_nope', 'x')).rejects.toBeInstanceOf(DocumentNotFoundError);
    await expect(repo.duplicate('doc_nope')).rejects.toBeInstanceOf(DocumentNotFoundError);
    await repo.delete('doc_nope'); // not an error
  });

  it('upgrades an older-format document on load', async () => {
    const { repo, dbName } = await freshRepository();
    // Written as an old Schemata would have: straight into the store, format 1.
    const db = await openDatabase({ name: dbName, version: DB_VERSION, upgrade() {} });
    await transact(db, [STORE_DOCUMENTS, STORE_INDEX], 'readwrite', async (tx) => {
      tx.objectStore(STORE_DOCUMENTS).put(V1_DOCUMENT);
      tx.objectStore(STORE_INDEX).put({ id: 'doc_old', name: 'Old', updatedAt: 1, createdAt: 1, tableCount: 1, enumCount: 0 });
    });
    db.close();
    const doc = (await repo.get('doc_old'))!;
    expect(doc.version).toBe(2);
    expect(doc.layout.nodes.tbl_a).toEqual({ x: 10, y: 20, color: '#ff0000' });
    expect((doc.tables.tbl_a as unknown as { position?: unknown }).position).toBeUndefined();
    expect(doc.views).toEqual({});
    // Saving it back stores the current format.
    await repo.save(doc);
    expect((await repo.get('doc_old'))!.version).toBe(2);
  });

  it('rejects a stored document that fails validation', async () => {
    const { repo, dbName } = await freshRepository();
    const db = await openDatabase({ name: dbName, version: DB_VERSION, upgrade() {} });
    const broken = { ...blogDocument(), tables: { tbl_x: { id: 'tbl_x', name: '', columns: 'nope' } } };
    await transact(db, [STORE_DOCUMENTS], 'readwrite', async (tx) => void tx.objectStore(STORE_DOCUMENTS).put(broken));
    db.close();
    await expect(repo.get('doc_blog')).rejects.toBeInstanceOf(DocumentValidationError);
  });

  it('lists most recently updated first, from the light index store', async () => {
    const clock = manualClock();
    const { repo, dbName } = await freshRepository({ now: clock.now });
    for (const name of ['A', 'B', 'C']) {
      await repo.save(createDocument({ name, id: `doc_${name.toLowerCase()}` }));
      clock.advance(10);
    }
    expect((await repo.list()).map((s) => s.name)).toEqual(['C', 'B', 'A']);
    await repo.save({ ...(await repo.get('doc_a'))!, name: 'A2' });
    const list = await repo.list();
    expect(list.map((s) => s.name)).toEqual(['A2', 'C', 'B']);
    expect(list[0].createdAt).toBe(1_000);
    expect(list[0].updatedAt).toBe(1_030);
    // Listing touches only the index store: wiping the documents store leaves the list intact.
    const db = await openDatabase({ name: dbName, version: DB_VERSION, upgrade() {} });
    await transact(db, [STORE_DOCUMENTS], 'readwrite', async (tx) => void tx.objectStore(STORE_DOCUMENTS).clear());
    db.close();
    expect(await repo.list()).toHaveLength(3);
  });

  it('renames a document in both stores', async () => {
    const clock = manualClock();
    const { repo } = await freshRepository({ now: clock.now });
    await repo.save(blogDocument());
    clock.advance(5);
    const s = await repo.rename('doc_blog', 'My blog');
    expect(s).toMatchObject({ name: 'My blog', updatedAt: 1_005, createdAt: 1_000 });
    expect((await repo.get('doc_blog'))!.name).toBe('My blog');
    expect((await repo.list())[0].name).toBe('My blog');
  });

  it('duplicates under a new id, named "X copy"', async () => {
    let n = 0;
    const { repo } = await freshRepository({ newDocumentId: () => `doc_copy${++n}` });
    const doc = blogDocument();
    await repo.save(doc);
    const copy = await repo.duplicate('doc_blog');
    expect(copy.id).toBe('doc_copy1');
    expect(copy.name).toBe('Blog copy');
    expect({ ...copy, id: doc.id, name: doc.name }).toEqual(doc);
    expect(await repo.get('doc_copy1')).toEqual(copy);
    expect((await repo.list()).map((s) => s.name).sort()).toEqual(['Blog', 'Blog copy']);
    const named = await repo.duplicate('doc_blog', { name: 'Fork' });
    expect(named.name).toBe('Fork');
  });

  it('duplicate ids are fresh by default', async () => {
    const { repo } = await freshRepository();
    await repo.save(blogDocument());
    const a = await repo.duplicate('doc_blog');
    const b = await repo.duplicate('doc_blog');
    expect(new Set(['doc_blog', a.id, b.id]).size).toBe(3);
    expect(a.id).toMatch(/^doc_/);
  });

  it('deletes from both stores and forgets it as last opened', async () => {
    const { repo, dbName } = await freshRepository();
    await repo.save(blogDocument());
    await repo.save(createDocument({ id: 'doc_other', name: 'Other' }));
    await repo.setLastOpenedId('doc_blog');
    await repo.delete('doc_blog');
    expect(await repo.get('doc_blog')).toBeUndefined();
    expect((await repo.list()).map((s) => s.id)).toEqual(['doc_other']);
    expect(await repo.getLastOpenedId()).toBeUndefined();
    const db = await openDatabase({ name: dbName, version: DB_VERSION, upgrade() {} });
    const left = await transact(db, [STORE_INDEX], 'readonly', (tx) => request(tx.objectStore(STORE_INDEX).getAllKeys()));
    db.close();
    expect(left).toEqual(['doc_other']);
    // Deleting another document keeps the last opened id.
    await repo.setLastOpenedId('doc_other');
    await repo.save(createDocument({ id: 'doc_third' }));
    await repo.delete('doc_third');
    expect(await repo.getLastOpenedId()).toBe('doc_other');
    await repo.setLastOpenedId(undefined);
    expect(await repo.getLastOpenedId()).toBeUndefined();
  });

  it('stores plain JSON (undefined members dropped)', async () => {
    const { repo } = await freshRepository();
    const doc = { ...createDocument({ id: 'doc_u' }), extra: undefined } as ReturnType<typeof createDocument>;
    await repo.save(doc);
    expect(Object.keys((await repo.get('doc_u'))!)).not.toContain('extra');
  });

  it('lists 50 documents', async () => {
    const { repo } = await freshRepository();
    const doc = blogDocument();
    for (let i = 0; i < 50; i++) await repo.save({ ...doc, id: `doc_${i}`, name: `Doc ${i}` });
    const list = await repo.list();
    expect(list).toHaveLength(50);
    expect(list.every((s) => s.tableCount === 5)).toBe(true);
  });
});
