import { describe, expect, it } from 'vitest';
import { bootCachedPg } from './snapshot-node';
import { diffCatalogs, readCatalogSnapshot } from './catalog';

describe('pglite runner + catalog snapshot', () => {
  it('boots from the cached snapshot, runs DDL and reads a normalised catalog', async () => {
    const pg = await bootCachedPg();
    await pg.exec(`CREATE TYPE mood AS ENUM ('sad','ok');
      CREATE TABLE a (id serial PRIMARY KEY, m mood DEFAULT 'ok', name text NOT NULL UNIQUE, n int GENERATED ALWAYS AS (id * 2) STORED);
      CREATE INDEX a_name_idx ON a (lower(name)) WHERE id > 3;
      CREATE VIEW v AS SELECT id FROM a;
      COMMENT ON TABLE a IS 'hello';`);
    const snap = await readCatalogSnapshot(pg);
    expect(snap.enums['public.mood']).toEqual(['sad', 'ok']);
    const a = snap.tables['public.a'];
    expect(a.columns.map((c) => c.name)).toEqual(['id', 'm', 'name', 'n']);
    expect(a.columns[0].default).toBe("nextval('a_id_seq'::regclass)");
    expect(a.constraints.a_pkey).toBe('p: PRIMARY KEY (id)');
    expect(a.indexes.a_name_idx).toContain('lower(name)');
    expect(snap.views['public.v']).toContain('SELECT id');
    expect(snap.sequences['public.a_id_seq']).toContain('owned by a.id a');
    expect(Object.values(snap.comments)).toContain('hello');

    const pg2 = await bootCachedPg();
    await pg2.exec(`CREATE TABLE a (id int)`);
    const diff = diffCatalogs(snap, await readCatalogSnapshot(pg2));
    expect(diff.length).toBeGreaterThan(0);
    expect(diffCatalogs(snap, await readCatalogSnapshot(pg))).toEqual([]);
    await pg.close();
    await pg2.close();
  });
});
