/**
 * A Rails `db/structure.sql` (pg_dump output with Rails' tables: sequences created apart and owned
 * afterwards, defaults set by ALTER TABLE, an extension, an enum, expression and partial indexes,
 * and the schema_migrations rows at the end). It imports with nothing but session settings and data
 * reported, round-trips through PostgreSQL, and exports to Prisma, SQLite and MySQL that their own
 * engines accept.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffCatalogs } from '../../pglite/catalog';
import { exportPrismaSync, validatePrisma } from '../../prisma';
import type { ImportResult } from '../../formats/types';
import { buildDdl } from '../ddl/builder';
import { mysqlDialect } from '../ddl/mysql';
import { postgresDialect } from '../ddl/postgres';
import { sqliteDialect } from '../ddl/sqlite';
import { appliedCatalogs } from '../testing/applied';
import { diffShapes, expectedShape } from '../testing/catalog-shape';
import { mariaDbShape, tryExec, useMariaDb, withDatabase } from '../testing/mariadb';
import { openSqlite, sqliteShape } from '../testing/sqlite';
import { importPostgres } from './postgres';

const SCRIPT = readFileSync(new URL('./fixtures/rails-structure.sql', import.meta.url), 'utf8');

describe('a Rails structure.sql', () => {
  let result: ImportResult;
  const mariaDb = useMariaDb();
  beforeAll(async () => {
    result = await importPostgres([{ path: 'db/structure.sql', text: SCRIPT }]);
  });

  it('imports, reporting only session settings and the schema_migrations rows', () => {
    const reported = result.diagnostics.map((d) => `${d.severity} ${d.line}: ${d.message.replace(/:.*/, '')}`);
    expect(reported.filter((r) => !r.includes('session setting'))).toEqual(['info 222: data, not imported']);
    const tables = Object.values(result.document.tables);
    expect(tables.map((t) => t.name).sort()).toEqual(['active_storage_attachments', 'active_storage_blobs', 'ar_internal_metadata', 'orders', 'schema_migrations', 'users']);
    // The sequence pg_dump creates apart, owned by the column and used by its default, is a serial again.
    const users = tables.find((t) => t.name === 'users')!;
    expect(users.columns[0]).toMatchObject({ name: 'id', type: { kind: 'BigInt' }, default: { kind: 'function', name: 'autoincrement' } });
    expect(Object.keys(result.document.relations)).toHaveLength(2);
  });

  it('exports PostgreSQL DDL that builds the same catalog', async () => {
    const { want, got, failed } = await appliedCatalogs(SCRIPT, buildDdl(result.document, postgresDialect).statements.map((s) => s.sql));
    expect(Object.keys(want.tables)).toHaveLength(6);
    expect(failed).toEqual([]);
    expect(diffCatalogs(got, want)).toEqual([]);
  });

  it("exports a Prisma schema that passes Prisma's validator", async () => {
    const { files } = exportPrismaSync(result.document);
    const errors = (await validatePrisma(files)).filter((d) => d.severity === 'error');
    expect(errors.map((e) => e.message)).toEqual([]);
    expect(files[0].text).toMatch(/model users \{\n {2}id\s+BigInt\s+@id @default\(autoincrement\(\)\)/);
  });

  it('exports SQLite DDL that runs in SQLite and builds every table', async () => {
    const db = await openSqlite();
    db.exec(buildDdl(result.document, sqliteDialect).statements.map((s) => s.sql).join(';\n'));
    expect(diffShapes(expectedShape(result.document), sqliteShape(db), { caseInsensitive: true })).toEqual([]);
  });

  it('exports MySQL DDL that runs in MariaDB and builds every table', async (ctx) => {
    const db = mariaDb();
    if ('error' in db) return ctx.skip(`MariaDB not reachable: ${db.error}`);
    await withDatabase(db, async (name) => {
      const errors: string[] = [];
      for (const s of buildDdl(result.document, mysqlDialect).statements) {
        const error = await tryExec(db, s.sql);
        if (error) errors.push(`${error}: ${s.sql.slice(0, 80)}`);
      }
      expect(errors).toEqual([]);
      expect(diffShapes(expectedShape(result.document), await mariaDbShape(db, name), { caseInsensitive: true })).toEqual([]);
    });
  });
});
