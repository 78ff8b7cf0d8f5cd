/**
 * Node-only: boots PGlite from a cached data-dir snapshot (in memory per process, and on disk in the
 * OS temp folder across processes), so tests pay initdb once. Never import this from browser code.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bootPg, provideTemplate, type PgRunner, type PgRunnerOptions } from './runner';
import { bootPostgisPg, needsPostgis } from './postgis';

/**
 * Writes a file whole (a process reading it never sees half of one). A disk that is full keeps
 * nothing: what was to be kept is still held in memory, and the caller goes on.
 */
export function writeWhole(path: string, data: Uint8Array): void {
  const tmp = `${path}.${process.pid}`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch {
    rmSync(tmp, { force: true });
  }
}

/** A data directory made by initdb, cached in memory and in the OS temp folder, per PGlite build. */
class SnapshotCache {
  private cached: Blob | undefined;
  constructor(
    private readonly file: string,
    private readonly boot: () => Promise<PgRunner>,
  ) {}

  async get(): Promise<Blob> {
    if (this.cached) return this.cached;
    if (existsSync(this.file)) {
      this.cached = new Blob([readFileSync(this.file)]);
      return this.cached;
    }
    const pg = await this.boot();
    this.cached = await pg.snapshot();
    await pg.close();
    writeWhole(this.file, Buffer.from(await this.cached.arrayBuffer()));
    return this.cached;
  }

  /** A stale or truncated cache file: forget it (the next get() makes a new one). */
  drop() {
    this.cached = undefined;
    rmSync(this.file, { force: true });
  }
}

const uid = process.getuid?.() ?? 0;
const main = new SnapshotCache(join(tmpdir(), `schemata-pglite-0.5-${uid}.tar`), () => bootPg({ initdb: true }));
// The PostGIS build (PGlite 0.5.8) has its own data directory: before any extension is made.
const postgis = new SnapshotCache(join(tmpdir(), `schemata-pglite-postgis-0.5.8-${uid}.tar`), () => bootPostgisPg([]));

/** Boots a fresh, empty database quickly from the cached snapshot (the PostGIS build's for a script that creates PostGIS). */
export async function bootCachedPg(opts: Omit<PgRunnerOptions, 'snapshot'> = {}): Promise<PgRunner> {
  const gis = needsPostgis(opts.extensions ?? []);
  const cache = gis ? postgis : main;
  const boot = (snapshot?: Blob) => (gis ? bootPostgisPg(opts.extensions, { snapshot }) : bootPg({ ...opts, snapshot }));
  try {
    return await boot(await cache.get());
  } catch {
    cache.drop();
    return boot();
  }
}

/** Every fresh `bootPg` in this process starts from the cached snapshots (Vitest's setup file calls this). */
export function provideDiskTemplates(): void {
  provideTemplate('main', main);
  provideTemplate('postgis', postgis);
}
