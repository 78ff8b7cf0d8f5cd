import { describe, expect, it } from 'vitest';
import { bootCachedPg } from '../../pglite/snapshot-node';
import { catalogQuery, COMMON_NEEDS, prepareCatalogReads, readRawCatalog } from './catalog-read';

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
});
