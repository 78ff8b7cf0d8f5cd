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
COMMENT ON TABLE posts IS 'written';
CREATE VIEW app.recent AS SELECT id FROM public.posts;
SET search_path = app;
CREATE TABLE drafts (id int PRIMARY KEY, post int REFERENCES public.posts);
RESET search_path;
CREATE TABLE users (id int PRIMARY KEY);
CREATE TYPE mood AS ENUM ('ok', 'meh');
CREATE SCHEMA app;`;

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
    expect(r.diagnostics.filter((d) => d.code === 'sql/reordered').map((d) => d.line)).toEqual([1, 2, 3, 4, 6]);
    const { want, got, failed } = await appliedCatalogs(IN_ORDER, buildDdl(r.document, postgresDialect).statements.map((s) => s.sql), r.document.sources.sql as PostgresSqlSources);
    expect(Object.keys(want.tables).sort()).toEqual(['app.drafts', 'public.posts', 'public.users']);
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
