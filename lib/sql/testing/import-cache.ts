/**
 * Node-only test helper: a corpus dump's PostgreSQL import, run once per version of the code and
 * shared by the test files that start from it.
 *
 * Eight test files start from the same corpus dumps, and the two PostGIS dumps take 15 s or more to
 * import (`CREATE EXTENSION postgis` alone runs for 6–9 s in PGlite). Here the import runs once: its
 * result, the catalog its script built and that database's data directory are kept, in memory and
 * in the OS temp folder, for Vitest's other workers. Each is found under a hash of the dump and
 * of every source file the import can run (all of `lib/` but tests, and the lockfile), so a change
 * to the code runs the import again. Files that test the import itself (its options, its timings)
 * call `importPostgres`.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { ImportResult, SourceFile } from '../../formats/types';
import type { CatalogSnapshot } from '../../pglite/catalog';
import { bootPg, type PgRunner } from '../../pglite/runner';
import { writeWhole } from '../../pglite/snapshot-node';
import { sequentialIds } from '../../schema/ids';
import { importWithCatalog } from './import-catalog';

export interface ImportFixture {
  /** The import, with sequential ids (`sequentialIds()`), so that every run gives the same document. */
  result: ImportResult;
  /** The catalog the script built, read after RESET ALL (as `importWithCatalog` reads it). */
  catalog: CatalogSnapshot;
  /** The search_path the import left its session with: empty, as it reads the catalog (a session of `openDb` has the default). */
  searchPath: string;
  /**
   * A fresh database holding what the script built (booted from its data directory); the caller
   * closes it. Not in it: the session (temporary objects, settings), and files a platform's
   * environment wrote beside the data directory (its extension's control file).
   */
  openDb(): Promise<PgRunner>;
}

interface Stored {
  result: ImportResult;
  catalog: CatalogSnapshot;
  searchPath: string;
  extensions: string[];
}

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const root = join(tmpdir(), `schemata-import-cache-${process.getuid?.() ?? 0}`);
/** A lock with no process id in it (being written, or cut short) older than this is taken over. */
const STALE_LOCK_MS = 10_000;
/** Another version's folder untouched this long is deleted (each holds hundreds of MB of data directories). */
const STALE_VERSION_MS = 60 * 60_000;

let version: string | undefined;
/** A hash of every file under `lib/` but tests and scratch output, and of the lockfile. */
export function codeVersion(): string {
  if (version) return version;
  const hash = createHash('sha256');
  const lib = join(repoRoot, 'lib');
  const files = (readdirSync(lib, { recursive: true }) as string[])
    .filter((f) => /\.(ts|mts|mjs|js|json|sql)$/.test(f) && !/\.test\.ts$/.test(f) && !f.split(/[\\/]/).some((p) => p.startsWith('.')))
    .sort();
  for (const f of files) hash.update(f).update('\0').update(readFileSync(join(lib, f))).update('\0');
  hash.update(readFileSync(join(repoRoot, 'package-lock.json')));
  version = hash.digest('hex');
  return version;
}

const memo = new Map<string, Promise<ImportFixture>>();

/** The import of `file` (see the file's comment), run here or by another worker, or kept from an earlier run of this code. */
export function importFixture(file: SourceFile): Promise<ImportFixture> {
  const key = createHash('sha256').update(codeVersion()).update('\0').update(file.path).update('\0').update(file.text).digest('hex').slice(0, 32);
  let found = memo.get(key);
  if (!found) {
    found = load(key, file);
    memo.set(key, found);
  }
  return found;
}

let pruned = false;
/**
 * This code version's folder, made if missing and marked as in use (its time is the last use, not
 * the last write). The first call in a process deletes other versions' folders unused for an hour.
 */
export function cacheFolder(): string {
  const dir = join(root, codeVersion().slice(0, 16));
  mkdirSync(dir, { recursive: true });
  const now = new Date();
  utimesSync(dir, now, now);
  if (!pruned) {
    pruned = true;
    for (const other of readdirSync(root)) {
      const path = join(root, other);
      try {
        if (path !== dir && Date.now() - statSync(path).mtimeMs > STALE_VERSION_MS) rmSync(path, { recursive: true, force: true });
      } catch {
        // Pruned by another worker.
      }
    }
  }
  return dir;
}

async function load(key: string, file: SourceFile): Promise<ImportFixture> {
  for (;;) {
    const dir = cacheFolder();
    const bin = join(dir, `${key}.bin`);
    const tar = join(dir, `${key}.tar`);
    const lock = join(dir, `${key}.lock`);
    if (existsSync(bin) && existsSync(tar)) {
      try {
        return fixture(deserialize(readFileSync(bin)) as Stored, new Blob([readFileSync(tar)]));
      } catch {
        // Truncated or from another Node: made again.
        rmSync(bin, { force: true });
      }
    }
    if (takeLock(lock)) {
      try {
        const { stored, data } = await run(file);
        writeWhole(tar, Buffer.from(await data.arrayBuffer()));
        // Written last: the one others look for.
        writeWhole(bin, serialize(stored));
        return fixture(stored, data);
      } finally {
        rmSync(lock, { force: true });
      }
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Takes the lock file, which holds the taker's process id (false: a live worker holds it). A lock
 * whose process is gone (a worker killed at the end of a run or by Ctrl-C) is taken over.
 */
export function takeLock(lock: string): boolean {
  try {
    writeFileSync(lock, String(process.pid), { flag: 'wx' });
    return true;
  } catch {
    try {
      const pid = Number(readFileSync(lock, 'utf8'));
      const stale = pid > 0 ? !alive(pid) : Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS;
      if (stale) rmSync(lock, { force: true });
    } catch {
      // Released meanwhile.
    }
    return false;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists, as another user's.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function run(file: SourceFile): Promise<{ stored: Stored; data: Blob }> {
  const { catalog, searchPath, extensions, data, ...result } = await importWithCatalog([file], { ids: sequentialIds(), keep: true });
  return { stored: { result, catalog, searchPath, extensions }, data: data! };
}

function fixture(stored: Stored, data: Blob): ImportFixture {
  return {
    // Each caller gets its own copy: tests may change what they are given.
    get result() {
      return structuredClone(stored.result);
    },
    get catalog() {
      return structuredClone(stored.catalog);
    },
    searchPath: stored.searchPath,
    openDb: () => bootPg({ extensions: stored.extensions, snapshot: data }),
  };
}
