/// <reference lib="webworker" />
/**
 * The SQL-import worker: runs PostgreSQL import (PGlite + catalog read) off the main thread.
 * It keeps one pre-booted database ready, booted from a snapshot of a fresh data directory, so an
 * import only pays for running the user's DDL.
 */
import { PGlite } from '@electric-sql/pglite';
import { importPostgres } from '../../sql/import/postgres';
import { loadExtensions } from '../extensions';
import { DiagnosticError } from '../../schema/diagnostics';
import type { PgRunner } from '../runner';
import type { SourceFile } from '../../formats/types';
import { loadPgliteAssets } from './assets';

declare const self: DedicatedWorkerGlobalScope;

/** Import databases are throwaway: skip durability work so DDL runs faster. */
const THROWAWAY_CONF = ['fsync=off', 'full_page_writes=off', 'synchronous_commit=off', 'wal_level=minimal', 'max_wal_senders=0'];

let template: Promise<Blob> | undefined;
let spare: Promise<PGlite> | undefined;

async function freshDb(extensions: Awaited<ReturnType<typeof loadExtensions>>['extensions'] = {}): Promise<PGlite> {
  const assets = await loadPgliteAssets();
  if (!template) {
    const first = PGlite.create({ ...assets, postgresqlconf: THROWAWAY_CONF });
    template = first.then((db) => db.dumpDataDir('none'));
    await template;
    return first;
  }
  return PGlite.create({ ...assets, extensions, loadDataDir: await template, postgresqlconf: THROWAWAY_CONF });
}

function prepareSpare() {
  spare = freshDb();
  spare.catch(() => (spare = undefined));
}

function runner(db: PGlite, missing: string[]): PgRunner {
  return {
    db,
    missingExtensions: missing,
    exec: async (sql) => void (await db.exec(sql)),
    query: async <T,>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
    snapshot: () => db.dumpDataDir('none'),
    close: async () => {
      if (!db.closed) await db.close();
    },
  };
}

async function boot(names: string[]): Promise<PgRunner> {
  if (!names.length) {
    const db = await (spare ?? freshDb());
    spare = undefined; // the next one is booted after this import has answered
    return runner(db, []);
  }
  const { extensions, missing } = await loadExtensions(names);
  return runner(await freshDb(extensions), missing);
}

type Msg = { type: 'warm' } | { type: 'import'; id: number; files: SourceFile[]; name?: string };

self.onmessage = async (e: MessageEvent<Msg>) => {
  const msg = e.data;
  if (msg.type === 'warm') {
    if (!spare) prepareSpare();
    spare?.then(
      () => self.postMessage({ type: 'warm-done' }),
      (err: Error) => self.postMessage({ type: 'warm-done', error: err.message }),
    );
    return;
  }
  const t0 = performance.now();
  try {
    const timings: { execute?: number; catalog?: number; total?: number; worker?: number } = {};
    const result = await importPostgres(msg.files, { name: msg.name, boot, timings });
    timings.worker = performance.now() - t0;
    self.postMessage({ id: msg.id, result, timings });
    if (!spare) setTimeout(prepareSpare, 0);
  } catch (err) {
    const diagnostics = err instanceof DiagnosticError ? err.diagnostics : undefined;
    self.postMessage({ id: msg.id, error: { message: (err as Error).message, diagnostics } });
    if (!spare) setTimeout(prepareSpare, 0);
  }
};
