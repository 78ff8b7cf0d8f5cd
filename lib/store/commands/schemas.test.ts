/**
 * In a document with schemas (a SQL import, a Prisma file with `schemas = [...]`), what the editor
 * adds goes to a schema: Prisma's validator and PostgreSQL judge.
 */
import { describe, expect, it } from 'vitest';
import { importPrismaSync, exportPrismaSync, validatePrisma } from '../../prisma';
import { buildDdl, postgresDialect, renderDdl } from '../../sql';
import { bootCachedPg } from '../../pglite/snapshot-node';
import { createColumn, createTable, tableByName } from '../../schema/document';
import type { SchemaDocument } from '../../schema/types';
import { addTable, updateTable } from './table';
import { addEnum } from './enum';
import { createRelation } from './create-relation';

const PRISMA = `datasource db {
  provider = "postgresql"
  schemas  = ["public", "auth"]
}

model User {
  id Int @id @default(autoincrement())

  @@schema("auth")
}
`;

function edited(): SchemaDocument {
  let doc = importPrismaSync([{ path: 'schema.prisma', text: PRISMA }]).document;
  const id = createColumn('id', 'Int', undefined, { default: { kind: 'function', name: 'autoincrement', args: [] } });
  doc = addTable(createTable('Shelf', undefined, { columns: [id], primaryKey: { columns: [{ column: id.id }] } })).apply(doc);
  doc = addEnum({ id: 'enm_mood', name: 'Mood', values: [{ id: 'val_ok', name: 'ok' }] }).apply(doc);
  const user = tableByName(doc, 'User')!;
  const shelf = tableByName(doc, 'Shelf')!;
  doc = createRelation({ child: { table: user.id }, parent: { table: shelf.id }, cardinality: 'many-to-many-explicit' }).apply(doc);
  return doc;
}

describe('a document with schemas', () => {
  it('puts an added table and enum in the default schema, and a join table in its first table\'s', () => {
    const doc = edited();
    const nsName = (id?: string) => (id ? doc.namespaces[id]?.name : undefined);
    expect(nsName(tableByName(doc, 'Shelf')!.namespace)).toBe('public');
    expect(nsName(Object.values(doc.enums)[0].namespace)).toBe('public');
    const join = Object.values(doc.tables).find((t) => !['User', 'Shelf'].includes(t.name))!;
    expect(nsName(join.namespace)).toBe('auth');
  });

  it('exports Prisma that Prisma validates and DDL that PostgreSQL runs', async () => {
    const doc = edited();
    const files = exportPrismaSync(doc).files;
    expect(await validatePrisma(files)).toEqual([]);
    const sql = renderDdl(buildDdl(doc, postgresDialect));
    expect(sql).toContain('CREATE TABLE "public"."Shelf"');
    const pg = await bootCachedPg();
    try {
      await pg.exec(sql);
      const rows = await pg.query<{ s: string; t: string }>(`SELECT table_schema AS s, table_name AS t FROM information_schema.tables WHERE table_schema IN ('public', 'auth') ORDER BY 1, 2`);
      expect(rows.map((r) => `${r.s}.${r.t}`)).toEqual(['auth.User', 'auth.UserShelf', 'public.Shelf']);
    } finally {
      await pg.close();
    }
  }, 60_000);

  it('moves a table to another schema, as ALTER TABLE ... SET SCHEMA, and refuses a clash there', async () => {
    let doc = edited();
    const auth = Object.values(doc.namespaces).find((n) => n.name === 'auth')!.id;
    const shelf = tableByName(doc, 'Shelf')!;
    doc = updateTable(shelf.id, { namespace: auth }).apply(doc);
    expect(await validatePrisma(exportPrismaSync(doc).files)).toEqual([]);
    const pg = await bootCachedPg();
    try {
      await pg.exec(renderDdl(buildDdl(doc, postgresDialect)));
      const rows = await pg.query<{ s: string; t: string }>(`SELECT table_schema AS s, table_name AS t FROM information_schema.tables WHERE table_name = 'Shelf'`);
      expect(rows).toEqual([{ s: 'auth', t: 'Shelf' }]);
    } finally {
      await pg.close();
    }
    // A table of that database name in the schema already: refused.
    const user = tableByName(doc, 'User')!;
    expect(() => updateTable(user.id, { dbName: 'Shelf' }).apply(doc)).toThrow(/already has the database name Shelf/);
    const publicNs = Object.values(doc.namespaces).find((n) => n.name === 'public')!.id;
    // User, as public's "Shelf", then Shelf moved back to public: the two would clash there.
    const moved = updateTable(user.id, { dbName: 'Shelf', namespace: publicNs }).apply(doc);
    expect(() => updateTable(shelf.id, { namespace: publicNs }).apply(moved)).toThrow(/already has the database name Shelf/);
    expect(() => updateTable(shelf.id, { namespace: undefined }).apply(moved)).toThrow(/needs one of them/);
  }, 60_000);
});
