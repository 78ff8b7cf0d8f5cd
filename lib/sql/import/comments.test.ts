/**
 * Comments the document models (schemas, tables, columns, enums, views) are written once, from the
 * document; the others stay as the script's SQL. A round trip must not add any.
 */
import { describe, expect, it } from 'vitest';
import { diffCatalogs, readCatalogSnapshot } from '../../pglite/catalog';
import { bootCachedPg } from '../../pglite/snapshot-node';
import { buildDdl, renderDdl } from '../ddl/builder';
import { postgresDialect } from '../ddl/postgres';
import { importPostgres } from './postgres';

const SCRIPT = `
CREATE SCHEMA s;
COMMENT ON SCHEMA s IS 'schema s';
CREATE TYPE s.mood AS ENUM ('a');
COMMENT ON TYPE s.mood IS 'a mood';
CREATE TABLE s.t (id int CONSTRAINT t_pk PRIMARY KEY, m s.mood, n int CONSTRAINT n_pos CHECK (n > 0));
COMMENT ON TABLE s.t IS 'table t';
COMMENT ON COLUMN s.t.m IS 'col m';
COMMENT ON CONSTRAINT n_pos ON s.t IS 'check';
CREATE INDEX t_m ON s.t (m);
COMMENT ON INDEX s.t_m IS 'index';
CREATE VIEW s.v AS SELECT id FROM s.t;
COMMENT ON VIEW s.v IS 'view';
`;

const exportSql = async (text: string) => renderDdl(buildDdl((await importPostgres([{ path: 'c.sql', text }])).document, postgresDialect));
const comments = (sql: string) => sql.split('\n').filter((l) => /^COMMENT ON/.test(l));

describe('comments on import and export', () => {
  it('are written once each, not the public schema\'s own, and a round trip keeps them as they are', async () => {
    const first = await exportSql(SCRIPT);
    expect(comments(first)).toHaveLength(7);
    for (const what of ['SCHEMA', 'TYPE', 'TABLE', 'COLUMN', 'CONSTRAINT', 'INDEX', 'VIEW']) {
      expect(comments(first).filter((l) => l.startsWith(`COMMENT ON ${what} `))).toHaveLength(1);
    }
    expect(first).not.toContain('standard public schema');
    expect(comments(await exportSql(first))).toEqual(comments(first));
    // And they are PostgreSQL's: the exported script builds the original catalog.
    const [a, b] = [await bootCachedPg(), await bootCachedPg()];
    await a.exec(SCRIPT);
    await b.exec(first);
    expect(diffCatalogs(await readCatalogSnapshot(a), await readCatalogSnapshot(b))).toEqual([]);
    await Promise.all([a.close(), b.close()]);
  });
});
