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

/**
 * The data directory initdb made, per PGlite build, kept once a process has booted a fresh database
 * of that build twice: later fresh boots load it (about 0.5 s, not 3–4 s). A process that boots once
 * (the CLI) keeps nothing. A source set with `provideTemplate` gives it from the first boot on.
 */
interface Template {
  boots: number;
  dir?: Promise<Blob | undefined>;
  source?: TemplateSource;
  /** Whether this process took its own. */
  own?: boolean;
}
/** Where a build's initdb data directory can be had (Node's tests: a file cached on disk, see snapshot-node.ts). */
export interface TemplateSource {
  get(): Promise<Blob>;
  /** It failed to load (a stale or truncated file): forget it. */
  drop(): void;
}
export type PgliteBuild = 'main' | 'postgis';
const templates: Record<PgliteBuild, Template> = { main: { boots: 0 }, postgis: { boots: 0 } };

export function provideTemplate(build: PgliteBuild, source: TemplateSource): void {
  templates[build] = { boots: 0, source };
}

async function fromTemplate(t: Template, boot: (snapshot?: Blob) => Promise<PgRunner>): Promise<PgRunner> {
  if (!t.dir && t.source) t.dir = t.source.get().catch(() => undefined);
  const kept = await t.dir;
  let pg: PgRunner;
  try {
    pg = await boot(kept);
  } catch (e) {
    if (!kept) throw e;
    t.source?.drop();
    t.dir = undefined;
    t.source = undefined;
    return fromTemplate(t, boot);
  }
  if (!kept && ++t.boots >= 2 && !t.own) {
    // Taken before the caller runs anything: the directory as initdb left it.
    t.own = true;
    t.dir = pg.snapshot().catch(() => undefined);
    await t.dir;
  }
  return pg;
}

/**
 * A fresh database. A script that creates PostGIS gets the PostGIS build (see postgis.ts). `initdb`
 * boots without a template (what makes one).
 */
export async function bootPg(opts: PgRunnerOptions & { initdb?: boolean } = {}): Promise<PgRunner> {
  if (needsPostgis(opts.extensions ?? [])) {
    const names = opts.extensions;
    const boot = (snapshot?: Blob | File) => bootPostgisPg(names, snapshot ? { snapshot } : {});
    return opts.snapshot || opts.initdb ? boot(opts.snapshot) : fromTemplate(templates.postgis, boot);
  }
  const { extensions, missing } = await loadExtensions(opts.extensions ?? []);
  const boot = async (snapshot?: Blob | File) => pgRunner(await PGlite.create({ extensions, ...(snapshot ? { loadDataDir: snapshot } : {}) }), missing);
  return opts.snapshot || opts.initdb ? boot(opts.snapshot) : fromTemplate(templates.main, boot);
}

/** The message of a PostgreSQL error plus its position, when PGlite reports one. */
export function pgErrorInfo(err: unknown): { message: string; position?: number; code?: string } {
  const e = err as { message?: string; position?: string | number; code?: string };
  const position = e?.position !== undefined ? Number(e.position) : undefined;
  return { message: e?.message ?? String(err), position: Number.isFinite(position) ? position : undefined, ...(typeof e?.code === 'string' ? { code: e.code } : {}) };
}
