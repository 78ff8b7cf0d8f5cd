/**
 * A small PGlite runner: boot (fresh or from a data-dir snapshot), exec, query, snapshot, close.
 * Browser-safe: no `node:` imports here (Node-only helpers live in snapshot-node.ts).
 */
import { PGlite } from '@electric-sql/pglite';
import { loadExtensions } from './extensions';
import { bootPostgisPg, needsPostgis } from './postgis';

export interface PgRunnerOptions {
  /** Extension names to make available (`CREATE EXTENSION` still has to run). */
  extensions?: string[];
  /** A data directory snapshot from `dumpDataDir()` to boot from (much faster than initdb). */
  snapshot?: Blob | File;
}

export interface PgRunner {
  readonly db: PGlite;
  /** Extensions asked for that PGlite does not ship. */
  readonly missingExtensions: string[];
  /** Catalog reads prepared while the database waited for a script (see prepareCatalogReads). */
  preparedCatalogReads?: ReadonlySet<string>;
  /** Runs one or more statements (simple protocol). */
  exec(sql: string): Promise<void>;
  /** Runs one statement and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** The data directory as a tarball, to boot other runners from. */
  snapshot(): Promise<Blob>;
  close(): Promise<void>;
}

/** A PgRunner over a PGlite instance (any build with PGlite's interface). */
export function pgRunner(db: PGlite, missingExtensions: string[] = []): PgRunner {
  return {
    db,
    missingExtensions,
    async exec(sql) {
      await db.exec(sql);
    },
    async query<T>(sql: string, params?: unknown[]) {
      return (await db.query<T>(sql, params)).rows;
    },
    async snapshot() {
      return db.dumpDataDir('none');
    },
    async close() {
      if (!db.closed) await db.close();
    },
  };
}

/** A fresh database. A script that creates PostGIS gets the PostGIS build (see postgis.ts), booted from scratch. */
export async function bootPg(opts: PgRunnerOptions = {}): Promise<PgRunner> {
  if (needsPostgis(opts.extensions ?? [])) return bootPostgisPg(opts.extensions);
  const { extensions, missing } = await loadExtensions(opts.extensions ?? []);
  const db = await PGlite.create({ extensions, ...(opts.snapshot ? { loadDataDir: opts.snapshot } : {}) });
  return pgRunner(db, missing);
}

/** The message of a PostgreSQL error plus its position, when PGlite reports one. */
export function pgErrorInfo(err: unknown): { message: string; position?: number; code?: string } {
  const e = err as { message?: string; position?: string | number; code?: string };
  const position = e?.position !== undefined ? Number(e.position) : undefined;
  return { message: e?.message ?? String(err), position: Number.isFinite(position) ? position : undefined, ...(typeof e?.code === 'string' ? { code: e.code } : {}) };
}
