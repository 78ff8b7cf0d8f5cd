import { describe, expect, it } from 'vitest';
import { createColumn, createDocument, createTable } from '../../schema/document';
import { sequentialIds } from '../../schema/ids';
import type { SchemaDocument } from '../../schema/types';
import { readCatalogSnapshot } from '../../pglite/catalog';
import { bootCachedPg } from '../../pglite/snapshot-node';
import { buildDdl, renderDdl } from './builder';
import { mysqlDialect } from './mysql';
import { foreignKeyName, indexName, primaryKeyName } from './names';
import { postgresDialect } from './postgres';
import { sqliteDialect } from './sqlite';

function richDocument(): SchemaDocument {
  const ids = sequentialIds();
  const doc = createDocument({ name: 'rich', id: 'doc_1' });
  doc.namespaces.ns_1 = { id: 'ns_1', name: 'app', comment: 'the app' };
  doc.enums.enum_1 = { id: 'enum_1', name: 'Role', namespace: 'ns_1', values: [{ id: 'val_1', name: 'USER' }, { id: 'val_2', name: 'ADMIN', dbName: 'admin' }] };
  const user = createTable('User', ids, { namespace: 'ns_1', comment: "it's users" });
  const uid = createColumn('id', 'Int', ids, { default: { kind: 'function', name: 'autoincrement', args: [] } });
  const email = createColumn('email', { kind: 'String', native: { name: 'VarChar', args: ['255'] } }, ids, { comment: 'login' });
  const role = createColumn('role', { kind: 'Enum', enumId: 'enum_1' }, ids, { default: { kind: 'enum', value: 'ADMIN' } });
  const weird = createColumn('we"ird', 'String', ids, { dbName: 'we"ird col', nullable: true });
  const tags = createColumn('tags', { kind: 'String', array: true }, ids, { default: { kind: 'list', values: ['a', "b'c"] } });
  const created = createColumn('createdAt', 'DateTime', ids, { default: { kind: 'function', name: 'now', args: [] } });
  const twice = createColumn('twice', 'Int', ids, { generated: { expression: 'id * 2', stored: true } });
  user.columns.push(uid, email, role, weird, tags, created, twice);
  user.primaryKey = { columns: [{ column: uid.id }] };
  user.indexes.push({ id: 'idx_1', unique: true, columns: [{ column: email.id }] });
  user.indexes.push({ id: 'idx_2', unique: false, columns: [{ expression: 'lower(email)' }, { column: created.id, sort: 'desc', nulls: 'last' }], where: 'id > 10', dbName: 'user_partial' });
  user.indexes.push({ id: 'idx_3', unique: true, constraint: true, columns: [{ column: weird.id }, { column: role.id }] });
  user.checks.push({ id: 'chk_1', dbName: 'email_len', expression: 'length(email) > 3' });
  const post = createTable('Post', ids, { namespace: 'ns_1' });
  const pid = createColumn('id', 'BigInt', ids, { identity: { generation: 'always' } });
  const author = createColumn('authorId', 'Int', ids, { nullable: true });
  const body = createColumn('body', 'Json', ids, { default: { kind: 'literal', value: '{}' } });
  post.columns.push(pid, author, body);
  post.primaryKey = { columns: [{ column: pid.id }] };
  post.indexes.push({ id: 'idx_4', unique: false, method: 'gin', columns: [{ column: body.id, ops: 'jsonb_path_ops' }] });
  doc.tables[user.id] = user;
  doc.tables[post.id] = post;
  doc.relations.rel_1 = { id: 'rel_1', kind: 'foreign-key', from: { table: post.id, columns: [author.id] }, to: { table: user.id, columns: [uid.id] } };
  doc.relations.rel_2 = { id: 'rel_2', kind: 'many-to-many', a: { table: user.id, field: { name: 'posts', list: true } }, b: { table: post.id, field: { name: 'likers', list: true } } };
  doc.views.view_1 = { id: 'view_1', name: 'admins', namespace: 'ns_1', definition: `SELECT id FROM app."User" WHERE role = 'admin'` };
  doc.raw.raw_1 = { id: 'raw_1', dialect: 'postgresql', kind: 'function', text: `CREATE FUNCTION app.one() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;` };
  doc.raw.raw_2 = { id: 'raw_2', dialect: 'postgresql', kind: 'trigger', text: `CREATE TRIGGER t BEFORE INSERT ON app."Post" FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger()` };
  return doc;
}

describe('Prisma naming conventions', () => {
  it('builds and truncates names like Prisma', () => {
    expect(primaryKeyName('User')).toBe('User_pkey');
    expect(indexName('User', ['a', 'b'], true)).toBe('User_a_b_key');
    expect(indexName('User', ['a'], false)).toBe('User_a_idx');
    expect(foreignKeyName('Post', ['authorId'])).toBe('Post_authorId_fkey');
    const long = 'ThisIsAVeryLongModelNameThatGoesOnAndOnAndOnForeverAndEverOkay';
    expect(primaryKeyName(long)).toBe('ThisIsAVeryLongModelNameThatGoesOnAndOnAndOnForeverAndEver_pkey');
    expect(indexName(long, ['anotherVeryLongFieldNameThatIsLong'], true)).toBe('ThisIsAVeryLongModelNameThatGoesOnAndOnAndOnForeverAndEverO_key');
    expect(indexName(long, ['x'], true).length).toBe(63);
  });
});

describe('DDL builder', () => {
  it('quotes identifiers and escapes embedded quotes per dialect', () => {
    expect(postgresDialect.quote('a"b')).toBe('"a""b"');
    expect(mysqlDialect.quote('a`b')).toBe('`a``b`');
    expect(sqliteDialect.quote('x"')).toBe('"x"""');
    expect(mysqlDialect.stringLiteral("a'\\b")).toBe("'a''\\\\b'");
  });

  it('orders statements: schemas, enums, tables/views/raw, join tables, indexes, FKs, comments, late raw', () => {
    const r = buildDdl(richDocument(), postgresDialect);
    const kinds = r.statements.map((s) => s.kind);
    expect(kinds[0]).toBe('preamble');
    const first = (k: string) => kinds.indexOf(k as never);
    const last = (k: string) => kinds.lastIndexOf(k as never);
    expect(first('schema')).toBeLessThan(first('enum'));
    expect(last('enum')).toBeLessThan(first('table'));
    expect(last('table')).toBeLessThan(first('index'));
    expect(last('index')).toBeLessThan(first('foreign-key'));
    expect(last('foreign-key')).toBeLessThan(first('comment'));
    expect(r.statements.at(-1)!.sql).toContain('CREATE TRIGGER');
    const sql = renderDdl(r);
    expect(sql).toContain('"id" SERIAL NOT NULL');
    expect(sql).toContain('"we""ird col" TEXT');
    expect(sql).toContain(`"tags" TEXT[] DEFAULT ARRAY['a', 'b''c']::TEXT[]`);
    expect(sql).toContain(`"role" "app"."Role" NOT NULL DEFAULT 'admin'`);
    expect(sql).toContain('CONSTRAINT "User_pkey" PRIMARY KEY ("id")');
    expect(sql).toContain('CREATE UNIQUE INDEX "User_email_key" ON "app"."User"("email")');
    expect(sql).toContain('CREATE INDEX "user_partial" ON "app"."User"((lower(email)), "createdAt" DESC NULLS LAST) WHERE id > 10');
    expect(sql).toContain('USING GIN("body" jsonb_path_ops)');
    expect(sql).toContain('ALTER TABLE "app"."Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "app"."User"("id") ON DELETE SET NULL ON UPDATE CASCADE');
    expect(sql).toContain('CREATE TABLE "app"."_PostToUser"');
    expect(sql).toContain('CONSTRAINT "_PostToUser_AB_pkey" PRIMARY KEY ("A", "B")');
    expect(sql).toContain('CREATE INDEX "_PostToUser_B_index"');
    expect(sql).toContain('"_PostToUser_A_fkey" FOREIGN KEY ("A") REFERENCES "app"."Post"("id") ON DELETE CASCADE ON UPDATE CASCADE');
    expect(sql).toContain(`COMMENT ON TABLE "app"."User" IS 'it''s users'`);
  });

  it('generated PostgreSQL applies in PGlite and builds the expected catalog', async () => {
    const pg = await bootCachedPg();
    await pg.exec(renderDdl(buildDdl(richDocument(), postgresDialect)));
    await pg.exec('RESET ALL');
    const snap = await readCatalogSnapshot(pg);
    await pg.close();
    const user = snap.tables['app.User'];
    expect(user.columns.map((c) => c.name)).toEqual(['id', 'email', 'role', 'we"ird col', 'tags', 'createdAt', 'twice']);
    expect(user.columns[1]).toMatchObject({ type: 'character varying(255)', notNull: true });
    expect(user.columns[6].generated).toBe('s: (id * 2)');
    expect(user.constraints.email_len).toBe('c: CHECK ((length((email)::text) > 3))');
    expect(user.constraints['User_we"ird col_role_key']).toContain('UNIQUE');
    expect(user.indexes.user_partial).toContain('WHERE (id > 10)');
    expect(snap.tables['app.Post'].columns[0].identity).toBe('a');
    expect(snap.tables['app._PostToUser'].constraints._PostToUser_B_fkey).toContain('ON DELETE CASCADE');
    expect(snap.enums['app.Role']).toEqual(['USER', 'admin']);
    expect(snap.views['app.admins']).toBeDefined();
    expect(Object.keys(snap.functions)).toContain('app.one()');
    expect(Object.keys(snap.triggers)).toContain('Post.t');
  });

  it('writes MySQL and SQLite with warnings for what has no equivalent', () => {
    const my = buildDdl(richDocument(), mysqlDialect);
    const mySql = renderDdl(my);
    expect(mySql).toContain('`id` INTEGER NOT NULL AUTO_INCREMENT');
    expect(mySql).toContain("`role` ENUM('USER', 'admin') NOT NULL DEFAULT 'admin'");
    expect(mySql).toContain('`email` VARCHAR(255) NOT NULL COMMENT');
    expect(my.diagnostics.map((d) => d.message).join('\n')).toMatch(/array column tags/);
    const lite = buildDdl(richDocument(), sqliteDialect);
    expect(renderDdl(lite)).toContain('"id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT');
    expect(lite.diagnostics.some((d) => /raw postgresql function/.test(d.message))).toBe(true);
  });
});
