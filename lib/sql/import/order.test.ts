/**
 * Hand-written DDL in no order (a foreign key to a table made further down, a type or schema made
 * later): the statements that name what is not made yet run again once it is, under the
 * search_path they were written under. Judged by PostgreSQL: the export builds the catalog of the
 * same script put in order.
 */
import { describe, expect, it } from 'vitest';
import { diffCatalogs } from '../../pglite/catalog';
import { buildDdl, type PostgresSqlSources } from '../ddl/builder';
import { postgresDialect } from '../ddl/postgres';
import { appliedCatalogs } from '../testing/applied';
import { importPostgres } from './postgres';

const OUT_OF_ORDER = `CREATE TABLE posts (id int PRIMARY KEY, author int NOT NULL REFERENCES users, kind mood);
CREATE INDEX posts_author ON posts (author);
CREATE VIEW app.recent AS SELECT id FROM public.posts;
SET search_path = app;
CREATE TABLE drafts (id int PRIMARY KEY, post int REFERENCES public.posts);
RESET search_path;
CREATE TABLE users (id int PRIMARY KEY);
CREATE TYPE mood AS ENUM ('ok', 'meh');
CREATE SCHEMA app;
COMMENT ON TABLE posts IS 'written';`;

const IN_ORDER = `CREATE SCHEMA app;
CREATE TYPE mood AS ENUM ('ok', 'meh');
CREATE TABLE users (id int PRIMARY KEY);
CREATE TABLE posts (id int PRIMARY KEY, author int NOT NULL REFERENCES users, kind mood);
CREATE INDEX posts_author ON posts (author);
COMMENT ON TABLE posts IS 'written';
CREATE VIEW app.recent AS SELECT id FROM public.posts;
CREATE TABLE app.drafts (id int PRIMARY KEY, post int REFERENCES public.posts);`;

describe('statements in no order', () => {
  it('run once what they name is made, and export as the script in order builds', async () => {
    const r = await importPostgres([{ path: 'loose.sql', text: OUT_OF_ORDER }]);
    expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(r.diagnostics.filter((d) => d.code === 'sql/reordered').map((d) => d.line)).toEqual([1, 2, 3, 5]);
    const { want, got, failed } = await appliedCatalogs(IN_ORDER, buildDdl(r.document, postgresDialect).statements.map((s) => s.sql), r.document.sources.sql as PostgresSqlSources);
    expect(Object.keys(want.tables).sort()).toEqual(['app.drafts', 'public.posts', 'public.users']);
    expect(failed).toEqual([]);
    expect(diffCatalogs(got, want)).toEqual([]);
  });

  it('run after the rest of their file (and export there), but never over what a later statement did', async () => {
    const loose = `CREATE OR REPLACE VIEW active_items AS SELECT id FROM items;
CREATE FUNCTION f(x positive_int) RETURNS int LANGUAGE sql AS 'SELECT x';
CREATE TYPE comp AS (x positive_int);
CREATE TABLE items (id int PRIMARY KEY, active boolean, n int);
ALTER TABLE items DROP CONSTRAINT items_n_check;
ALTER TABLE items ADD CONSTRAINT items_n_check CHECK (n > 0);
CREATE OR REPLACE VIEW active_items AS SELECT id FROM items WHERE active;
CREATE DOMAIN positive_int AS int CHECK (VALUE > 0);`;
    const inOrder = `CREATE DOMAIN positive_int AS int CHECK (VALUE > 0);
CREATE TABLE items (id int PRIMARY KEY, active boolean, n int);
ALTER TABLE items ADD CONSTRAINT items_n_check CHECK (n > 0);
CREATE OR REPLACE VIEW active_items AS SELECT id FROM items WHERE active;
CREATE FUNCTION f(x positive_int) RETURNS int LANGUAGE sql AS 'SELECT x';
CREATE TYPE comp AS (x positive_int);`;
    const r = await importPostgres([{ path: 'loose.sql', text: loose }]);
    // The first view and the DROP are not run again: the later view and check stay.
    expect(r.diagnostics.filter((d) => d.code === 'sql/failed').map((d) => d.line)).toEqual([1, 5]);
    expect(r.diagnostics.filter((d) => d.code === 'sql/reordered').map((d) => d.line)).toEqual([2, 3]);
    const { want, got, failed } = await appliedCatalogs(inOrder, buildDdl(r.document, postgresDialect).statements.map((s) => s.sql), r.document.sources.sql as PostgresSqlSources);
    expect(Object.keys(want.functions)).toEqual(['public.f(x positive_int)']);
    expect(failed).toEqual([]);
    expect(diffCatalogs(got, want)).toEqual([]);
  });

  it('are reported where they fail after all, at the place PostgreSQL gives', async () => {
    const r = await importPostgres([{ path: 'typo.sql', text: `CREATE TABLE a (id int, b_id int REFERENCES b);\nCREATE TABLE c (id int, t txt);` }]);
    expect(r.diagnostics.map((d) => [d.severity, d.line, d.column, d.message.replace(/:.*/, '')])).toEqual([
      ['error', 1, 1, 'statement skipped (relation "b" does not exist)'],
      ['error', 2, 27, 'statement skipped (type "txt" does not exist)'],
    ]);
  });
});
