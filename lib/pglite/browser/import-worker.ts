/// <reference lib="webworker" />
/**
 * The SQL-import worker: runs PostgreSQL import (PGlite + catalog read) off the main thread.
 * It keeps one pre-booted database ready, booted from a snapshot of a fresh data directory, so an
 * import only pays for running the user's DDL.
 */
import { PGlite } from '@electric-sql/pglite';
import { importPostgresWithPreview } from '../../sql/import/with-preview';
import { loadExtensions } from '../extensions';
import { DiagnosticError } from '../../schema/diagnostics';
import { pgRunner, type PgRunner } from '../runner';
import type { SourceFile } from '../../formats/types';
import { loadPgliteAssets, loadPostgisAssets } from './assets';
import { bootPostgisPg, needsPostgis } from '../postgis';
import { loadPgQueryBrowser } from '../../sql/preview/pg-query-browser';
import { previewPostgres } from '../../sql/preview/preview';
import { prepareCatalogReads } from '../../sql/import/catalog-read';
import { importPostgres } from '../../sql/import/postgres';

/** PostgreSQL's parser, for the instant preview. */
const loadParser = loadPgQueryBrowser;

declare const self: DedicatedWorkerGlobalScope;

/** Import databases are throwaway: skip durability work so DDL runs faster. */
const THROWAWAY_CONF = ['fsync=off', 'full_page_writes=off', 'synchronous_commit=off', 'wal_level=minimal', 'max_wal_senders=0'];

let template: Promise<Blob> | undefined;
let spare: Promise<PgRunner> | undefined;

async function freshDb(extensions: Awaited<ReturnType<typeof loadExtensions>>['extensions'] = {}): Promise<PGlite> {
  const assets = await loadPgliteAssets();
  if (!template) {
    // The first database is initialised from scratch, without extensions, and is the template.
    const first = PGlite.create({ ...assets, postgresqlconf: THROWAWAY_CONF });
    template = first.then((db) => db.dumpDataDir('none'));
    template.catch(() => (template = undefined));
    const db = await first;
    await template;
    if (!Object.keys(extensions).length) return db;
    await db.close();
  }
  return PGlite.create({ ...assets, extensions, loadDataDir: await template, postgresqlconf: THROWAWAY_CONF });
}

/** The next import's database, booted and with its catalog reads planned, while the app is idle. */
function prepareSpare() {
  spare = freshDb().then(async (db) => {
    const r = pgRunner(db);
    r.preparedCatalogReads = await prepareCatalogReads(r);
    return r;
  });
  spare.catch(() => (spare = undefined));
}

async function boot(names: string[]): Promise<PgRunner> {
  if (!names.length) {
    // Taken before any await: an import that starts meanwhile must not get the same database. The
    // next spare is booted after this import has answered.
    const ready = spare;
    spare = undefined;
    if (ready) {
      try {
        return await ready;
      } catch {
        // The spare failed to boot: boot a database now.
      }
    }
    return pgRunner(await freshDb());
  }
  // PostGIS runs on its own PGlite build, booted from scratch (its binaries are fetched only now).
  if (needsPostgis(names)) return bootPostgisPg(names, { assets: await loadPostgisAssets(), postgresqlconf: THROWAWAY_CONF });
  const { extensions, missing } = await loadExtensions(names);
  return pgRunner(await freshDb(extensions), missing);
}

/** A small schema with what most scripts have (keys, indexes, defaults, serials, an enum, a view, a comment), run while the app is idle. */
const WARM_SCRIPT = [
  `CREATE TYPE mood AS ENUM ('calm', 'busy');`,
  ...Array.from({ length: 40 }, (_, i) =>
    `CREATE TABLE t${i} (id serial PRIMARY KEY, name varchar(80) NOT NULL UNIQUE, n numeric(8,2) DEFAULT 0, at timestamptz DEFAULT now(), m mood${i ? `, parent_id int REFERENCES t${i >> 1}(id)` : ''});\nCREATE INDEX ON t${i} (name);`,
  ),
  `CREATE VIEW named AS SELECT id, name FROM t0;`,
  `COMMENT ON TABLE t0 IS 'the root';`,
].join('\n');

/**
 * Runs the preview once on a small script while the app is idle, so the first real import does not
 * pay for compiling its code paths (splitting, parsing, building the document).
 */
function warmPreview() {
  for (let i = 0; i < 3; i++) previewPostgres([{ path: 'warm.sql', text: WARM_SCRIPT }]);
}

/**
 * Imports the small script once, into a throwaway database, while the app is idle: PGlite's
 * compiled module and our import code are then optimised, and the first real import runs as fast
 * as later ones (in Node, chinook's import takes 45 ms after this instead of 115-320 ms).
 */
async function warmImport() {
  const db = pgRunner(await freshDb());
  db.preparedCatalogReads = await prepareCatalogReads(db);
  await importPostgres([{ path: 'warm.sql', text: WARM_SCRIPT }], { boot: async () => db });
}

type Msg = { type: 'warm' } | { type: 'import'; id: number; files: SourceFile[]; name?: string; preview?: boolean };

self.onmessage = async (e: MessageEvent<Msg>) => {
  const msg = e.data;
  if (msg.type === 'warm') {
    // The warm-up import first (it makes the template the spare is booted from), then the spare.
    const imported = warmImport().catch(() => {});
    const ready = imported.then(() => {
      if (!spare) prepareSpare();
      return spare;
    });
    const parser = loadParser().then(warmPreview, () => {});
    Promise.all([ready, parser]).then(
      () => self.postMessage({ type: 'warm-done' }),
      (err: Error) => self.postMessage({ type: 'warm-done', error: err.message }),
    );
    return;
  }
  try {
    // The preview first (what PostgreSQL's parser says the script creates, shown while PGlite runs it),
    // if the parser loads; the result comes back with the preview's ids and positions.
    const parsed = !!msg.preview && (await loadParser().then(() => true, () => false));
    const result = await importPostgresWithPreview(msg.files, {
      name: msg.name,
      boot,
      // Only for a caller that shows previews: the result then follows the preview's ids and layout.
      onPreview: parsed ? (preview) => self.postMessage({ id: msg.id, preview }) : undefined,
    });
    self.postMessage({ id: msg.id, result });
    if (!spare) setTimeout(prepareSpare, 0);
  } catch (err) {
    const diagnostics = err instanceof DiagnosticError ? err.diagnostics : undefined;
    self.postMessage({ id: msg.id, error: { message: (err as Error).message, diagnostics } });
    if (!spare) setTimeout(prepareSpare, 0);
  }
};
