/** Minimal promise wrappers over the raw IndexedDB API (no library). */

export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** Resolves when the transaction commits; rejects when it fails or is aborted. */
export function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

export interface OpenOptions {
  name: string;
  version: number;
  upgrade(db: IDBDatabase, oldVersion: number, tx: IDBTransaction): void;
  factory?: IDBFactory;
}

export function openDatabase(opts: OpenOptions): Promise<IDBDatabase> {
  const factory = opts.factory ?? globalThis.indexedDB;
  if (!factory) return Promise.reject(new Error('IndexedDB is not available in this environment'));
  return new Promise((resolve, reject) => {
    const req = factory.open(opts.name, opts.version);
    req.onupgradeneeded = (e) => opts.upgrade(req.result, e.oldVersion, req.transaction!);
    req.onsuccess = () => {
      const db = req.result;
      // Another tab upgrading the schema: step aside rather than block it.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    req.onerror = () => reject(req.error ?? new Error(`cannot open IndexedDB database ${opts.name}`));
    req.onblocked = () => reject(new Error(`IndexedDB database ${opts.name} is blocked by another open connection`));
  });
}

/**
 * Runs `body` in one transaction and resolves with its result once the transaction commits.
 * `body` must only issue requests synchronously or from request callbacks (IndexedDB
 * transactions auto-commit when nothing is pending).
 */
export async function transact<T>(
  db: IDBDatabase,
  stores: string[],
  mode: IDBTransactionMode,
  body: (tx: IDBTransaction) => Promise<T>,
): Promise<T> {
  const tx = db.transaction(stores, mode);
  const committed = done(tx);
  let result: T;
  try {
    result = await body(tx);
  } catch (e) {
    try {
      tx.abort();
    } catch {
      // already finished
    }
    committed.catch(() => {});
    throw e;
  }
  await committed;
  return result;
}
