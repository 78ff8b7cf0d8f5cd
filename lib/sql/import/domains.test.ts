/**
 * Columns declared with a PostgreSQL domain read as the domain's base type, as `prisma db pull` reads
 * them, and remember the domain: PostgreSQL DDL writes the domain again (the catalog must match the
 * original), Prisma, MySQL and SQLite write the base type and say so. Judged by PGlite, Prisma's
 * validator and MariaDB.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { diffCatalogs } from '../../pglite/catalog';
import { appliedCatalogs } from '../testing/applied';
import { bootCachedPg } from '../../pglite/snapshot-node';
import { exportPrisma } from '../../prisma/export';
import { columnTypeLabel, editableNativeType, typeChoiceOf } from '../../schema/column-edit';
import type { Column, SchemaDocument } from '../../schema/types';
import { buildDdl, renderDdl } from '../ddl/builder';
import { mysqlDialect } from '../ddl/mysql';
import { postgresDialect } from '../ddl/postgres';
import { sqliteDialect } from '../ddl/sqlite';
import { tryExec, useMariaDb, withDatabase } from '../testing/mariadb';
import { openSqlite } from '../testing/sqlite';
import { importPostgres } from './postgres';

const SCRIPT = `
CREATE DOMAIN public.year AS integer CONSTRAINT year_check CHECK (VALUE >= 1901 AND VALUE <= 2155);
CREATE DOMAIN "Name" AS varchar(50);
CREATE DOMAIN money2 AS numeric(10,2) DEFAULT 0 NOT NULL;
CREATE DOMAIN stamp AS timestamptz(3);
CREATE DOMAIN tags AS text[];
CREATE DOMAIN short_name AS "Name";
CREATE DOMAIN email AS text;
CREATE TABLE film (
  id serial PRIMARY KEY,
  title "Name" NOT NULL UNIQUE,
  release_year year,
  price money2,
  created stamp DEFAULT now(),
  labels tags,
  alias short_name,
  years year[],
  contact email DEFAULT 'x@y.z'
);
CREATE TABLE review (id int PRIMARY KEY, film_title "Name" REFERENCES film (title), other_title varchar(100) REFERENCES film (title));
`;

const col = (doc: SchemaDocument, table: string, name: string): Column =>
  Object.values(doc.tables).find((t) => t.name === table)!.columns.find((c) => c.name === name)!;

describe('columns of PostgreSQL domains', () => {
  let doc: SchemaDocument;
  beforeAll(async () => {
    doc = (await importPostgres([{ path: 'domains.sql', text: SCRIPT }])).document;
  });

  it('read as the base type, remembering the domain; domains of arrays or of domains stay unsupported', () => {
    expect(col(doc, 'film', 'release_year').type).toEqual({ kind: 'Int', domain: 'public.year' });
    expect(col(doc, 'film', 'title').type).toEqual({ kind: 'String', native: { name: 'VarChar', args: ['50'] }, domain: 'public."Name"' });
    // A NOT NULL domain's column holds no NULL, whatever its own nullability.
    expect(col(doc, 'film', 'price').type).toEqual({ kind: 'Decimal', native: { name: 'Decimal', args: ['10', '2'] }, domain: 'public.money2', domainNotNull: true });
    expect(col(doc, 'film', 'price').nullable).toBe(true);
    expect(col(doc, 'film', 'created').type).toEqual({ kind: 'DateTime', native: { name: 'Timestamptz', args: ['3'] }, domain: 'public.stamp' });
    expect(col(doc, 'film', 'labels').type).toEqual({ kind: 'Unsupported', unsupported: 'public.tags' });
    expect(col(doc, 'film', 'alias').type).toEqual({ kind: 'Unsupported', unsupported: 'public.short_name' });
    expect(col(doc, 'film', 'years').type).toEqual({ kind: 'Unsupported', unsupported: 'public.year[]' });
    // A string default is a plain literal, as for the base type.
    expect(col(doc, 'film', 'contact').default).toEqual({ kind: 'literal', value: 'x@y.z' });
  });

  it('the canvas shows the domain, and the type picker offers it', () => {
    expect(columnTypeLabel(doc, col(doc, 'film', 'title'))).toBe('Name');
    expect(columnTypeLabel(doc, col(doc, 'film', 'release_year'))).toBe('year?');
    expect(typeChoiceOf(col(doc, 'film', 'release_year').type)).toBe('domain');
    // Its length is the domain's: not edited on the column; a plain VARCHAR's is.
    expect(editableNativeType(col(doc, 'film', 'title').type)).toBeUndefined();
    expect(editableNativeType({ kind: 'String', native: { name: 'VarChar', args: ['50'] } })?.name).toBe('VarChar');
  });

  it('PostgreSQL DDL writes a list of a domain as an array of it', async () => {
    const listed = structuredClone(doc);
    const y = col(listed, 'film', 'release_year');
    y.type = { ...y.type, array: true };
    const sql = renderDdl(buildDdl(listed, postgresDialect));
    expect(sql).toContain('"release_year" public.year[]');
    const pg = await bootCachedPg();
    try {
      await pg.exec(sql);
    } finally {
      await pg.close();
    }
  });

  it('PostgreSQL DDL writes the domains: applied in PGlite it builds the original catalog', async () => {
    const sql = renderDdl(buildDdl(doc, postgresDialect));
    expect(sql).toContain('"release_year" public.year');
    const { want, got } = await appliedCatalogs(SCRIPT, sql);
    expect(diffCatalogs(got, want)).toEqual([]);
  });

  it('Prisma gets the base types (as prisma db pull writes them), valid, with a warning', async () => {
    const r = await exportPrisma(doc);
    const text = r.files[0].text;
    expect(text).toMatch(/release_year\s+Int\?\n/);
    expect(text).toMatch(/title\s+String\s+@unique @db\.VarChar\(50\)/);
    // Required, as db pull reads a column of a NOT NULL domain.
    expect(text).toMatch(/price\s+Decimal\s+@db\.Decimal\(10, 2\)\n/);
    expect(text).toMatch(/contact\s+String\?\s+@default\("x@y\.z"\)\n/);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.diagnostics.map((d) => d.message).join('\n')).toMatch(/table film: columns of PostgreSQL domains are written with the domain's base type .*title \(public\."Name"\), release_year \(public\.year\)/);
  });

  it('SQLite gets the base types and a warning, and runs', async () => {
    const r = buildDdl(doc, sqliteDialect);
    const sql = renderDdl(r);
    expect(sql).toContain('"release_year" INTEGER');
    expect(r.diagnostics.map((d) => d.message).join('\n')).toContain('film.release_year: PostgreSQL domain public.year has no SQLite equivalent; written as its base type INTEGER');
    const db = await openSqlite();
    db.exec(sql);
    db.close();
  });

  const mariaDb = useMariaDb();

  it('MySQL gets the base types and a warning, and runs in MariaDB', async (t) => {
    const r = buildDdl(doc, mysqlDialect);
    const sql = renderDdl(r);
    expect(sql).toContain('`release_year` INTEGER');
    expect(sql).toContain('`title` VARCHAR(50) NOT NULL');
    expect(sql).toContain('`film_title` VARCHAR(50)');
    expect(sql).toContain('`created` DATETIME(3) DEFAULT CURRENT_TIMESTAMP(3)');
    const warnings = r.diagnostics.map((d) => d.message).join('\n');
    expect(warnings).toContain('film.title: PostgreSQL domain public."Name" has no MySQL equivalent; written as its base type VARCHAR(50)');
    // A foreign key column takes the referenced column's type in MySQL, not its domain.
    expect(sql).toContain('`other_title` VARCHAR(50)');
    expect(warnings).not.toMatch(/\.other_title: PostgreSQL domain/);
    const server = mariaDb();
    if (!('conn' in server)) return t.skip(server.error);
    await withDatabase(server, async () => {
      for (const st of r.statements) expect([st.sql.slice(0, 60), await tryExec(server, st.sql)]).toEqual([st.sql.slice(0, 60), undefined]);
    });
  });
});
