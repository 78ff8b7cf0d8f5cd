/**
 * Node-only: boots PGlite from a cached data-dir snapshot (in memory per process, and on disk in the
 * OS temp folder across processes), so tests pay initdb once. Never import this from browser code.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bootPg, type PgRunner, type PgRunnerOptions } from './runner';
import { needsPostgis } from './postgis';

let cached: Blob | undefined;
const FILE = join(tmpdir(), `schemata-pglite-0.5-${process.getuid?.() ?? 0}.tar`);

async function freshSnapshot(): Promise<Blob> {
  if (cached) return cached;
  if (existsSync(FILE)) {
    cached = new Blob([readFileSync(FILE)]);
    return cached;
  }
  const pg = await bootPg();
  cached = await pg.snapshot();
  await pg.close();
  const tmp = `${FILE}.${process.pid}`;
  writeFileSync(tmp, Buffer.from(await cached.arrayBuffer()));
  renameSync(tmp, FILE);
  return cached;
}

/** Boots a fresh, empty database quickly from the cached snapshot. */
export async function bootCachedPg(opts: Omit<PgRunnerOptions, 'snapshot'> = {}): Promise<PgRunner> {
  // The snapshot is of the main release's data directory; the PostGIS build boots its own.
  if (needsPostgis(opts.extensions ?? [])) return bootPg(opts);
  const snapshot = await freshSnapshot();
  try {
    return await bootPg({ ...opts, snapshot });
  } catch {
    cached = undefined; // a stale or truncated cache file: fall back to a fresh boot
    return bootPg(opts);
  }
}
