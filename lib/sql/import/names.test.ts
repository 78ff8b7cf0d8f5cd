import { describe, expect, it } from 'vitest';
import { applyPrismaEdit, exportPrisma, exportPrismaSync } from '../../prisma';
import { buildDdl } from '../ddl/builder';
import { mysqlDialect } from '../ddl/mysql';
import { NameScope, prefixedIdentifier, prismaIdentifier } from './names';
import { importPostgres } from './postgres';

describe('Prisma names for database names', () => {
  it('are sanitized as db pull sanitizes them, with the prefixed form where nothing is left', () => {
    expect(['users', '_id', '1col', '__a', 'a-b', 'c d', '123', 'é'].map((n) => prismaIdentifier(n, 'f'))).toEqual(['users', 'id', 'col', 'a', 'a_b', 'c_d', 'f_123', 'f_']);
    expect(['_id', '1col'].map((n) => prefixedIdentifier(n, 'f'))).toEqual(['f_id', 'f_1col']);
  });

  it('leave a valid name to the database name that is it, whatever the order', () => {
    const scope = new NameScope();
    scope.keep('id');
    expect(scope.claimFor('_id', 'f')).toBe('f_id');
    expect(scope.claimFor('id', 'f')).toBe('id');
    expect(scope.claimFor('_x', 'f')).toBe('x');
  });

  it('give an import valid, unique models, fields and enum values', async () => {
    const sql = `CREATE TYPE "1kind" AS ENUM ('1a', '_b', 'c d', 'A', 'a');
CREATE TABLE "1table" (id int PRIMARY KEY, "_id" int, "1col" int, "__a" int, k "1kind");
CREATE TABLE "_t" (id int PRIMARY KEY, "123" int, "_x" int);
CREATE TABLE t (id int PRIMARY KEY);`;
    const { document } = await importPostgres([{ path: 'names.sql', text: sql }]);
    const table = (db: string) => Object.values(document.tables).find((x) => (x.dbName ?? x.name) === db)!;
    expect(table('1table').name).toBe('table');
    expect(table('1table').columns.map((c) => c.name)).toEqual(['id', 'f_id', 'col', 'a', 'k']);
    // Two tables db pull would give one name: both named with their schema, as db pull names them.
    expect([table('_t').name, table('t').name]).toEqual(['public__t', 'public_t']);
    expect(table('_t').columns.map((c) => c.name)).toEqual(['id', 'f_123', 'x']);
    expect(Object.values(document.enums)[0].values.map((v) => v.name)).toEqual(['v_1a', 'b', 'c_d', 'A', 'a']);
    // Prisma's own validator takes the export.
    expect((await exportPrisma(document)).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('db pull readings the export keeps apart from the document', () => {
  it('a table keyed only by a NOT NULL domain column is a model, and MySQL keeps AUTO_INCREMENT on the key', async () => {
    const sql = `CREATE DOMAIN email AS text NOT NULL;
CREATE TABLE u (mail email UNIQUE, note text);
CREATE SEQUENCE global_seq;
CREATE TABLE a (seqno int DEFAULT nextval('global_seq') NOT NULL, id serial PRIMARY KEY);`;
    const { document } = await importPostgres([{ path: 'keys.sql', text: sql }]);
    const u = Object.values(document.tables).find((t) => t.name === 'u')!;
    expect(u.ignored).toBeUndefined();
    const mysql = buildDdl(document, mysqlDialect);
    const text = mysql.statements.map((s) => s.sql).join('\n');
    expect(text).toMatch(/`id` INTEGER NOT NULL AUTO_INCREMENT/);
    expect(text).not.toMatch(/`seqno`[^,\n]*AUTO_INCREMENT/);
  });

  it('a generated column edited as Prisma text (@default(dbgenerated(...))) stays generated', async () => {
    const sql = `CREATE TABLE o (id int PRIMARY KEY, qty int, price int, total int GENERATED ALWAYS AS (qty * price) STORED);`;
    const { document } = await importPostgres([{ path: 'o.sql', text: sql }]);
    const text = exportPrismaSync(document).files[0].text;
    expect(text).toMatch(/total\s+Int\?\s+@default\(dbgenerated\("\(qty \* price\)"\)\)/);
    // Another field added in the text: the merge keeps what the edit did not change (see applyPrismaEdit).
    const edited = applyPrismaEdit(document, [{ path: 'schema.prisma', text: text.replace(/(\n\s*total\s[^\n]*)/, '$1\n  note String?') }]).document;
    expect(Object.values(edited.tables)[0].columns.map((c) => c.name)).toContain('note');
    const total = Object.values(edited.tables)[0].columns.find((c) => c.name === 'total')!;
    expect(total.generated).toEqual({ expression: '(qty * price)', stored: true });
    expect(total.default).toBeUndefined();
  });
});
