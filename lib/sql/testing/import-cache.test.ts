import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { readCatalogSnapshot } from '../../pglite/catalog';
import { sequentialIds } from '../../schema/ids';
import { importPostgres } from '../import/postgres';
import { cacheFolder, codeVersion, importFixture, takeLock } from './import-cache';

const file = {
  path: 'fixture.sql',
  text: `CREATE SCHEMA app;\nCREATE TYPE app.mood AS ENUM ('ok', 'sad');\nCREATE TABLE app.person (id int PRIMARY KEY, mood app.mood);\nINSERT INTO app.person VALUES (1, 'ok');\nSET search_path = app, public;\n`,
};

describe('a corpus import run once and shared (import-cache.ts)', () => {
  it('gives what the import gives, with its catalog, its search_path and its database', async () => {
    const fixture = await importFixture(file);
    const fresh = await importPostgres([file], { ids: sequentialIds() });
    expect({ ...fixture.result, document: { ...fixture.result.document, id: '' } }).toEqual({ ...fresh, document: { ...fresh.document, id: '' } });
    expect(Object.keys(fixture.catalog.tables)).toEqual(['app.person']);
    // The import reads the catalog under an empty search_path, whatever the script set.
    expect(fixture.searchPath).toBe('""');

    const db = await fixture.openDb();
    try {
      expect(await readCatalogSnapshot(db)).toEqual(fixture.catalog);
      // A working database: the script's objects take writes (its data rows are not imported).
      await db.exec(`INSERT INTO app.person VALUES (2, 'sad')`);
      expect(await db.query('SELECT id, mood::text AS mood FROM app.person')).toEqual([{ id: 2, mood: 'sad' }]);
    } finally {
      await db.close();
    }
  });

  it('gives each caller its own copy', async () => {
    const a = (await importFixture(file)).result;
    a.document.name = 'changed';
    expect((await importFixture(file)).result.document.name).not.toBe('changed');
  });

  it("takes over a lock whose worker is gone, never a live worker's", () => {
    const lock = join(cacheFolder(), `test-${process.pid}.lock`);
    try {
      // A process id no process has (above Linux's highest).
      writeFileSync(lock, String(2 ** 22 + 1));
      expect(takeLock(lock)).toBe(false);
      expect(takeLock(lock)).toBe(true);
      expect(readFileSync(lock, 'utf8')).toBe(String(process.pid));
      // Held by a live process (this one): not taken.
      expect(takeLock(lock)).toBe(false);
      expect(existsSync(lock)).toBe(true);
    } finally {
      rmSync(lock, { force: true });
    }
  });

  it('is kept on disk for other workers, under the code version, and read back there', async () => {
    const before = await importFixture(file);
    const folder = cacheFolder();
    expect(folder).toContain(codeVersion().slice(0, 16));
    expect(readdirSync(folder).filter((f) => f.endsWith('.bin')).length).toBeGreaterThan(0);

    // Another worker: a fresh module, which finds it on disk (the import is not run again).
    vi.resetModules();
    const spy = vi.fn();
    vi.doMock('../import/postgres', async (original) => ({ ...(await original<object>()), importPostgres: spy }));
    const other = await import('./import-cache');
    const again = await other.importFixture(file);
    expect(spy).not.toHaveBeenCalled();
    expect(again.result).toEqual(before.result);
    expect(again.catalog).toEqual(before.catalog);
    vi.doUnmock('../import/postgres');
    expect(existsSync(folder)).toBe(true);
  });
});
