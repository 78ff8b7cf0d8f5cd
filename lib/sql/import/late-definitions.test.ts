/**
 * Constraint and index definitions are read with the catalog only where they are likely kept as SQL;
 * the others are read afterwards when the document turns out to need them. Both paths must give
 * PostgreSQL's own definitions, and the exported script must rebuild the same catalog.
 */
import { describe, expect, it } from 'vitest';
import { diffCatalogs, readCatalogSnapshot } from '../../pglite/catalog';
import type { PgRunner } from '../../pglite/runner';
import { bootCachedPg } from '../../pglite/snapshot-node';
import { buildDdl, renderDdl } from '../ddl/builder';
import { postgresDialect } from '../ddl/postgres';
import { importPostgres } from './postgres';

const SCRIPT = `
CREATE TABLE parent (id bigint PRIMARY KEY, code text);
-- int4 -> int8: valid SQL, but not a Prisma relation, so the key stays SQL (definition read afterwards)
CREATE TABLE child (id int PRIMARY KEY, parent_id int CONSTRAINT child_parent_fk REFERENCES parent(id) ON DELETE CASCADE);
-- a plain btree index with a comment stays SQL too (read afterwards)
CREATE INDEX child_parent_idx ON child (parent_id DESC);
COMMENT ON INDEX child_parent_idx IS 'noted';
-- read with the catalog: deferrable unique key, INCLUDE index, expression index, check (a deferrable
-- foreign key is a relation)
CREATE TABLE other (id int PRIMARY KEY, tags text[], p bigint, CHECK (id > 0), CONSTRAINT other_tags_key UNIQUE (tags) DEFERRABLE,
  CONSTRAINT other_p_fk FOREIGN KEY (p) REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED);
CREATE INDEX other_incl_idx ON other (p) INCLUDE (id);
CREATE INDEX other_lower_idx ON other ((lower(tags[1])));
-- keys kept as SQL that foreign keys reference: the export must create them before the keys
CREATE TABLE code (id int PRIMARY KEY, code text NOT NULL, alt text);
CREATE UNIQUE INDEX code_code_key ON code (code) INCLUDE (id);
ALTER TABLE code ADD CONSTRAINT code_alt_key UNIQUE NULLS NOT DISTINCT (alt);
CREATE TABLE uses (id int PRIMARY KEY, code text REFERENCES code(code), alt text REFERENCES code(alt),
  big bigint CONSTRAINT uses_big_fk REFERENCES code(id));
CREATE UNIQUE INDEX uses_big_key ON uses (big) INCLUDE (id);
CREATE TABLE uses2 (big int CONSTRAINT uses2_big_fk REFERENCES uses(big));
-- keys with INCLUDE columns have no model form: kept as SQL, INCLUDE and all
CREATE TABLE incl (id int, x int NOT NULL, y int, CONSTRAINT incl_pkey PRIMARY KEY (id) INCLUDE (x), CONSTRAINT incl_x_key UNIQUE (x) INCLUDE (y));
`;

describe('late definitions', () => {
  it('are PostgreSQL’s own, whether read with the catalog or afterwards, and export rebuilds the catalog', async () => {
    let original: PgRunner | undefined;
    const { document } = await importPostgres([{ path: 'x.sql', text: SCRIPT }], {
      boot: async (extensions) => {
        original = await bootCachedPg({ extensions });
        return { ...original, close: async () => {} };
      },
    });
    const defs = await original!.query<{ name: string; def: string }>(
      `SELECT conname AS name, pg_get_constraintdef(oid, true) AS def FROM pg_constraint WHERE conname IN ('child_parent_fk', 'other_tags_key', 'code_alt_key', 'uses2_big_fk', 'incl_pkey', 'incl_x_key')
       UNION ALL SELECT relname, pg_get_indexdef(oid) FROM pg_class WHERE relname IN ('child_parent_idx', 'other_incl_idx', 'other_lower_idx', 'code_code_key', 'uses_big_key')`,
    );
    await original!.exec('RESET ALL');
    const expected = await readCatalogSnapshot(original!);
    await original!.close();

    const raw = Object.values(document.raw);
    for (const { name, def } of defs) {
      const kept = raw.find((r) => r.name === name);
      expect(kept, name).toBeDefined();
      expect(kept!.text.endsWith(def), `${name}: ${kept!.text}`).toBe(true);
    }
    // Modelled relations to keys kept as SQL stay relations.
    // (The others are kept as SQL: int4 -> int8 is not a Prisma relation.)
    const modelled = Object.values(document.relations).flatMap((r) => (r.kind === 'foreign-key' ? [`${document.tables[r.from.table].name}.${r.from.columns.length}`] : []));
    expect(modelled.sort()).toEqual(['other.1', 'uses.1', 'uses.1']);
    const target = await bootCachedPg();
    await target.exec(renderDdl(buildDdl(document, postgresDialect)));
    await target.exec('RESET ALL');
    const actual = await readCatalogSnapshot(target);
    await target.close();
    expect(diffCatalogs(expected, actual)).toEqual([]);
  });
});
