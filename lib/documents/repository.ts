/**
 * The document repository: Schemata documents stored in the browser's IndexedDB.
 *
 * Stores:
 * - `documents`: the plain JSON document, keyed by `id`.
 * - `index`: a light summary per document (name, updatedAt, counts), so listing many documents
 *   never reads a full document.
 * - `meta`: small key/value settings, e.g. the last opened document id.
 *
 * Documents read back go through the same migrate + validate path as files (`parseDocument`),
 * so documents saved by an older Schemata upgrade on load.
 */
import { newId } from '../schema/ids';
import { parseDocument } from '../schema/serialize';
import type { Id, SchemaDocument } from '../schema/types';
import { openDatabase, request, transact } from './idb';

export const DB_NAME = 'schemata';
export const DB_VERSION = 1;
export const STORE_DOCUMENTS = 'documents';
export const STORE_INDEX = 'index';
export const STORE_META = 'meta';
const LAST_OPENED = 'lastOpenedId';

export interface DocumentSummary {
  id: Id;
  name: string;
  /** Milliseconds since the epoch. */
  updatedAt: number;
  createdAt: number;
  tableCount: number;
  enumCount: number;
}

export interface DocumentRepository {
  /** Summaries of all stored documents, most recently updated first. */
  list(): Promise<DocumentSummary[]>;
  /** The document, migrated to the current format and validated; undefined when not stored. */
  get(id: Id): Promise<SchemaDocument | undefined>;
  /** Inserts or replaces a document (by `doc.id`). */
  save(doc: SchemaDocument): Promise<DocumentSummary>;
  rename(id: Id, name: string): Promise<DocumentSummary>;
  /** Stores a copy under a new id, named "<name> copy" unless `name` is given. */
  duplicate(id: Id, opts?: { name?: string }): Promise<SchemaDocument>;
  /** Deletes a document (and forgets it as last opened). Deleting a missing id is not an error. */
  delete(id: Id): Promise<void>;
  getLastOpenedId(): Promise<Id | undefined>;
  setLastOpenedId(id: Id | undefined): Promise<void>;
  close(): void;
}

export interface RepositoryOptions {
  dbName?: string;
  /** Defaults to `globalThis.indexedDB`. */
  indexedDB?: IDBFactory;
  /** Clock, for tests. */
  now?: () => number;
  /** New document ids (duplicate). */
  newDocumentId?: () => Id;
}

export class DocumentNotFoundError extends Error {
  name = 'DocumentNotFoundError';
  constructor(readonly id: Id) {
    super(`document ${id} not found`);
  }
}

export function summarize(doc: SchemaDocument, updatedAt: number, createdAt = updatedAt): DocumentSummary {
  return {
    id: doc.id,
    name: doc.name,
    updatedAt,
    createdAt,
    tableCount: Object.keys(doc.tables).length,
    enumCount: Object.keys(doc.enums).length,
  };
}

function upgrade(db: IDBDatabase, oldVersion: number): void {
  if (oldVersion < 1) {
    db.createObjectStore(STORE_DOCUMENTS, { keyPath: 'id' });
    const index = db.createObjectStore(STORE_INDEX, { keyPath: 'id' });
    index.createIndex('updatedAt', 'updatedAt');
    db.createObjectStore(STORE_META);
  }
}

export function openDocumentDatabase(opts: RepositoryOptions = {}): Promise<IDBDatabase> {
  return openDatabase({ name: opts.dbName ?? DB_NAME, version: DB_VERSION, upgrade, factory: opts.indexedDB });
}

/** Opens (creating or upgrading) the database and returns the repository over it. */
export async function openDocumentRepository(opts: RepositoryOptions = {}): Promise<DocumentRepository> {
  const db = await openDocumentDatabase(opts);
  const now = opts.now ?? Date.now;
  const makeId = opts.newDocumentId ?? (() => newId('doc'));

  /** The stored JSON through the file path: migrate + validate. */
  const revive = (raw: unknown, id: Id): SchemaDocument => parseDocument(JSON.stringify(raw), `stored document ${id}`);

  /**
   * Writes document + summary in one transaction, keeping `createdAt`. Every write is issued before
   * the first wait (a transaction runs its requests in order, so the summary read comes before
   * them): a save made as the page unloads is not cut off half-way.
   */
  const put = (doc: SchemaDocument) =>
    transact(db, [STORE_DOCUMENTS, STORE_INDEX], 'readwrite', async (tx) => {
      const index = tx.objectStore(STORE_INDEX);
      const before = index.get(doc.id);
      const t = now();
      const summary = summarize(doc, t);
      tx.objectStore(STORE_DOCUMENTS).put(doc);
      index.put(summary);
      const prev = (await request(before)) as DocumentSummary | undefined;
      if (prev && prev.createdAt !== summary.createdAt) {
        summary.createdAt = prev.createdAt;
        index.put(summary);
      }
      return summary;
    });

  const repo: DocumentRepository = {
    async list() {
      const all = await transact(db, [STORE_INDEX], 'readonly', (tx) =>
        request(tx.objectStore(STORE_INDEX).getAll() as IDBRequest<DocumentSummary[]>),
      );
      return all.sort((a, b) => b.updatedAt - a.updatedAt || a.name.localeCompare(b.name));
    },

    async get(id) {
      const raw = await transact(db, [STORE_DOCUMENTS], 'readonly', (tx) => request(tx.objectStore(STORE_DOCUMENTS).get(id)));
      return raw === undefined ? undefined : revive(raw, id);
    },

    save(doc) {
      // Plain JSON only: drops undefined members and catches non-serialisable values early.
      return put(JSON.parse(JSON.stringify(doc)) as SchemaDocument);
    },

    async rename(id, name) {
      const doc = await repo.get(id);
      if (!doc) throw new DocumentNotFoundError(id);
      return put({ ...doc, name });
    },

    async duplicate(id, dupOpts) {
      const doc = await repo.get(id);
      if (!doc) throw new DocumentNotFoundError(id);
      const copy: SchemaDocument = { ...doc, id: makeId(), name: dupOpts?.name ?? `${doc.name} copy` };
      await put(copy);
      return copy;
    },

    async delete(id) {
      await transact(db, [STORE_DOCUMENTS, STORE_INDEX, STORE_META], 'readwrite', async (tx) => {
        tx.objectStore(STORE_DOCUMENTS).delete(id);
        tx.objectStore(STORE_INDEX).delete(id);
        const meta = tx.objectStore(STORE_META);
        if ((await request(meta.get(LAST_OPENED))) === id) meta.delete(LAST_OPENED);
      });
    },

    async getLastOpenedId() {
      const v = await transact(db, [STORE_META], 'readonly', (tx) => request(tx.objectStore(STORE_META).get(LAST_OPENED)));
      return typeof v === 'string' ? v : undefined;
    },

    async setLastOpenedId(id) {
      await transact(db, [STORE_META], 'readwrite', async (tx) => {
        const meta = tx.objectStore(STORE_META);
        if (id === undefined) meta.delete(LAST_OPENED);
        else meta.put(id, LAST_OPENED);
      });
    },

    close() {
      db.close();
    },
  };
  return repo;
}
