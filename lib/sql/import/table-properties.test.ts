/**
 * Table properties the model does not hold (inheritance, UNLOGGED, storage parameters, typed tables,
 * column compression, index storage parameters) survive an import and export: applied in PGlite, the
 * exported DDL builds the catalog the original script built. Other dialects say what they leave out.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { diffCatalogs } from '../../pglite/catalog';
import { appliedCatalogs } from '../testing/applied';
import type { SchemaDocument } from '../../schema/types';
import { buildDdl, renderDdl } from '../ddl/builder';
import { mysqlDialect } from '../ddl/mysql';
import { postgresDialect } from '../ddl/postgres';
import { importPostgres } from './postgres';

const SCRIPT = `
CREATE TABLE p (id int PRIMARY KEY WITH (fillfactor = 60), a text, CHECK (id > 0));
CREATE TABLE q (z int);
CREATE TABLE c (x int) INHERITS (p);
CREATE TABLE c2 (y int) INHERITS (p, q);
CREATE UNLOGGED TABLE u (id int PRIMARY KEY) WITH (fillfactor = 70, autovacuum_enabled = false);
CREATE UNLOGGED TABLE u2 (id int REFERENCES u);
CREATE TABLE t (id int, v text COMPRESSION pglz, w text);
CREATE INDEX t_w ON t (w) WITH (fillfactor = 50);
CREATE TYPE pt AS (x int, y int);
CREATE TABLE typed OF pt;
CREATE VIEW v WITH (security_barrier = true) AS SELECT id FROM t;
CREATE VIEW v2 AS SELECT * FROM t WHERE id > 0 WITH CHECK OPTION;
CREATE TEMPORARY TABLE scratch (a int);
`;

describe('table properties the model does not hold', () => {
  let doc: SchemaDocument;
  beforeAll(async () => {
    doc = (await importPostgres([{ path: 'props.sql', text: SCRIPT }])).document;
  });

  it('are written back: the exported DDL builds the original catalog in PGlite', async () => {
    const sql = renderDdl(buildDdl(doc, postgresDialect));
    expect(sql).toContain('CREATE UNLOGGED TABLE "public"."u"');
    expect(sql).toContain('ALTER TABLE "public"."c2" INHERIT public.p, INHERIT public.q');
    const { want, got } = await appliedCatalogs(SCRIPT, sql);
    // The snapshot holds these properties (else this test could not fail).
    expect(want.tables['public.c2'].inherits).toBe('p, q');
    expect(want.tables['public.u']).toMatchObject({ persistence: 'u', options: 'fillfactor=70, autovacuum_enabled=false' });
    expect(want.tables['public.typed'].of).toBe('pt');
    expect(want.tables['public.t'].columns[1].compression).toBe('pglz');
    expect(want.tables['public.t'].indexes.t_w).toMatch(/WITH \(fillfactor='50'\)/);
    expect(want.views['public.v2']).toMatch(/WITH \(check_option=cascaded\)$/);
    expect(diffCatalogs(got, want)).toEqual([]);
  });

  it('a temporary table is reported, not imported', async () => {
    const r = await importPostgres([{ path: 'props.sql', text: SCRIPT }]);
    expect(Object.values(r.document.tables).map((t) => t.name)).not.toContain('scratch');
    expect(r.diagnostics.map((d) => d.message)).toContain('temporary table, not kept: CREATE TEMPORARY TABLE scratch (a int)');
  });

  it('other dialects list what they leave out', () => {
    const warnings = buildDdl(doc, mysqlDialect).diagnostics.map((d) => d.message).join('\n');
    expect(warnings).toContain('u: an UNLOGGED table has no mysql equivalent; written as a plain table');
    // One line per kind, naming the first few.
    expect(warnings).toContain('raw postgresql alter c, c2, u, typed, v and 4 more are not written to mysql');
    expect(warnings).toContain('raw postgresql type pt is not written to mysql');
  });
});
