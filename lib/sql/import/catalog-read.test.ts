import { describe, expect, it } from 'vitest';
import { bootCachedPg } from '../../pglite/snapshot-node';
import { sequentialIds } from '../../schema/ids';
import { corpusSqlFiles, hasCorpus, readCorpusSql } from '../testing/corpus';
import { importFixture } from '../testing/import-cache';
import { catalogQuery, COMMON_NEEDS, prepareCatalogReads, readRawCatalog } from './catalog-read';
import { importPostgres } from './postgres';

describe('catalog reads prepared before the script runs', () => {
  it('give the same rows as the plain read, also after DDL that changes schemas and types', async () => {
    const pg = await bootCachedPg();
    const prepared = await prepareCatalogReads(pg);
    expect(prepared.size).toBe(COMMON_NEEDS.length);
    await pg.exec(`CREATE SCHEMA shop; CREATE TYPE shop.mood AS ENUM ('a', 'b');
      CREATE TABLE shop.t (id serial PRIMARY KEY, m shop.mood, name text UNIQUE);
      CREATE TABLE u (id int PRIMARY KEY, t_id int REFERENCES shop.t); COMMENT ON TABLE u IS 'hi';
      CREATE VIEW v AS SELECT * FROM u; CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';`);
    await pg.exec(`SET search_path = ''; SET plan_cache_mode = force_generic_plan`);
    for (const needs of COMMON_NEEDS) {
      const fast = await readRawCatalog(pg, needs, prepared);
      const plain = await readRawCatalog(pg, needs);
      expect(fast).toEqual(plain);
      expect(fast.relations.map((r) => r.name)).toEqual(['t', 'u', 'v']);
    }
    await pg.close();
  });

  it("hold no oid constant a script's first relation could have (its DDL would make the read plan again)", () => {
    for (const needs of COMMON_NEEDS) expect(catalogQuery(needs)).not.toMatch(/\b1638[4-9]\b/);
  });

  // The import worker reads with the narrowest prepared read that covers what the script needs
  // (reading more must not change the document): every dump gives the document the exact read gives.
  it.skipIf(!hasCorpus).each(hasCorpus ? corpusSqlFiles() : [])('%s: the same document read through a prepared (wider) read', async (name) => {
    const file = readCorpusSql(name);
    // The import with the exact read (shared with the other corpus tests, see import-cache.ts).
    const plain = (await importFixture(file)).result;
    const fast = await importPostgres([file], {
      ids: sequentialIds(),
      boot: async (ext) => {
        const pg = await bootCachedPg({ extensions: ext });
        pg.preparedCatalogReads = await prepareCatalogReads(pg);
        return pg;
      },
    });
    expect({ ...fast.document, id: '' }).toEqual({ ...plain.document, id: '' });
    expect(fast.diagnostics).toEqual(plain.diagnostics);
  });
});
