/** Focused tests for tricky Prisma constructs. */
import { describe, expect, it } from 'vitest';
import { DiagnosticError } from '../schema/diagnostics';
import { columnByName, createColumn, createDocument, createTable, tableByName } from '../schema/document';
import { sequentialIds } from '../schema/ids';
import { assertValidDocument } from '../schema/validate';
import type { SchemaDocument } from '../schema/types';
import { addColumn, deleteTable, updateColumn } from '../store/commands';
import { exportPrisma } from './export';
import { importPrisma } from './import';
import { changesOutside } from './testing';
import { formatPrisma, validatePrisma } from './validate';

const DS = 'datasource db {\n  provider = "postgresql"\n}\n';

async function load(text: string) {
  const res = await importPrisma([{ path: 'schema.prisma', text }], { ids: sequentialIds() });
  assertValidDocument(res.document);
  const out = await exportPrisma(JSON.parse(JSON.stringify(res.document)) as SchemaDocument);
  expect(out.files[0].text).toBe(text);
  return res;
}

async function exportText(doc: SchemaDocument) {
  const out = await exportPrisma(doc);
  return { text: out.files[0].text, errors: out.diagnostics.filter((d) => d.severity === 'error') };
}

describe('prisma import/export: constructs', () => {
  it('keeps block comments, line comments and doc comments', async () => {
    const text = `/* top\n level */\n${DS}\n// about A\n/// The A model\n/// second line\nmodel A {\n  id Int @id // trailing\n  /* inner */\n  /// a name\n  name String\n}\n`;
    const { document, diagnostics } = await load(text);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const a = tableByName(document, 'A')!;
    expect(a.doc).toBe('The A model\nsecond line');
    expect(columnByName(a, 'name')!.doc).toBe('a name');
    const renamed = updateColumn(a.id, a.columns[0].id, { name: 'key' }).apply(document);
    const { text: out } = await exportText(renamed);
    expect(out).toContain('  key  Int    @id // trailing\n  /* inner */\n  /// a name\n  name String\n');
  });

  it('maps @@index with sort, ops and type', async () => {
    const text = `${DS}\nmodel A {\n  id   Int    @id\n  a    String\n  b    Json\n\n  @@index([a(sort: Desc), b(ops: raw("jsonb_path_ops"))], type: Gin, map: "a_idx")\n  @@unique([a, id], name: "aId")\n  @@index([b(ops: JsonbPathOps)], type: Gin)\n  @@index([a(sort: Desc, length: 10)])\n}\n`;
    const { document, diagnostics } = await load(text);
    // Gin cannot sort a String column: Prisma reports it, on input and output alike.
    const inErrors = diagnostics.filter((d) => d.severity === 'error').length;
    expect(inErrors).toBeGreaterThan(0);
    const a = tableByName(document, 'A')!;
    const [ix, uq] = a.indexes;
    expect(ix).toMatchObject({ unique: false, method: 'gin', dbName: 'a_idx' });
    expect(ix.columns).toEqual([{ column: a.columns[1].id, sort: 'desc' }, { column: a.columns[2].id, ops: 'jsonb_path_ops' }]);
    expect(uq).toMatchObject({ unique: true, name: 'aId' });
    expect(a.indexes[2]).toMatchObject({ method: 'gin', columns: [{ column: a.columns[2].id, ops: 'jsonb_path_ops' }] });
    expect(a.indexes[3].columns).toEqual([{ column: a.columns[1].id, sort: 'desc', length: 10 }]);
    const { text: out, errors } = await exportText(updateColumn(a.id, a.columns[1].id, { name: 'x' }).apply(document));
    expect(errors.length).toBe(inErrors);
    expect(out).toContain('@@index([x(sort: Desc), b(ops: JsonbPathOps)], map: "a_idx", type: Gin)');
    expect(out).toContain('@@index([b(ops: JsonbPathOps)], type: Gin)\n  @@index([x(sort: Desc, length: 10)])');
    expect(out).toContain('@@unique([x, id], name: "aId")');
  });

  it("maps a field's @unique(where: raw(...)) and BRIN operator classes, and writes them back after an edit", async () => {
    const gen = 'generator client {\n  provider        = "prisma-client-js"\n  previewFeatures = ["partialIndexes"]\n}\n\n';
    const text = `${gen}${DS}\nmodel P {\n  id    Int      @id\n  email String   @unique(where: raw("id > 0"))\n  at    DateTime @db.Timestamptz(6)\n\n  @@index([at(ops: TimestampTzMinMaxOps)], type: Brin)\n}\n`;
    const { document } = await load(text);
    const p = tableByName(document, 'P')!;
    expect(p.indexes[0]).toMatchObject({ unique: true, where: 'id > 0', columns: [{ column: p.columns[1].id }] });
    expect(p.indexes[1].columns[0].ops).toBe('timestamptz_minmax_ops');
    const { text: out } = await exportText(updateColumn(p.id, p.columns[1].id, { name: 'mail' }).apply(document));
    expect(out).toContain('mail String   @unique(where: raw("id > 0"))');
    expect(out).toContain('@@index([at(ops: TimestampTzMinMaxOps)], type: Brin)');
  });

  it('maps Unsupported, native types, lists and defaults', async () => {
    const unformatted = `datasource db {\n  provider = "cockroachdb"\n}\n\nenum Role {\n  USER\n  ADMIN\n}\n\nmodel A {\n  id    String                              @id @default(dbgenerated("gen_random_uuid()")) @db.Uuid\n  n     BigInt                              @default(autoincrement())\n  s     BigInt                              @default(sequence(start: 10))\n  geo   Unsupported("geometry(Point, 4326)")?\n  tags  String[]                            @default(["a", "b"])\n  roles Role[]                              @default([USER])\n  role  Role                                @default(ADMIN)\n  at    DateTime                            @default(now()) @updatedAt @db.Timestamptz(6)\n  u     String                              @default(uuid(7))\n  c     String                              @default(cuid())\n  d     Decimal                             @default(1.50) @db.Decimal(10, 2)\n  b     Boolean                             @default(false)\n  t     String                              @default("x \\"q\\"")\n}\n`;
    const text = (await formatPrisma([{ path: 'schema.prisma', text: unformatted }]))[0].text;
    const { document } = await load(text);
    const a = tableByName(document, 'A')!;
    const col = (n: string) => columnByName(a, n)!;
    expect(col('id').default).toEqual({ kind: 'sql', expression: 'gen_random_uuid()' });
    expect(col('id').type.native).toEqual({ name: 'Uuid', args: [] });
    expect(col('s').default).toEqual({ kind: 'function', name: 'sequence', args: ['start: 10'] });
    expect(col('geo').type).toEqual({ kind: 'Unsupported', unsupported: 'geometry(Point, 4326)' });
    expect(col('geo').nullable).toBe(true);
    expect(col('tags').type.array).toBe(true);
    expect(col('tags').default).toEqual({ kind: 'list', values: ['a', 'b'] });
    expect(col('roles').default).toEqual({ kind: 'list', values: ['USER'] });
    expect(col('role').default).toEqual({ kind: 'enum', value: 'ADMIN' });
    expect(col('u').default).toEqual({ kind: 'function', name: 'uuid', args: ['7'] });
    expect(col('d').default).toEqual({ kind: 'literal', value: '1.50' });
    expect(col('d').type.native).toEqual({ name: 'Decimal', args: ['10', '2'] });
    expect(col('t').default).toEqual({ kind: 'literal', value: 'x "q"' });
    // Reprinting every line gives the same schema, in prisma format style.
    const touched = { ...document, sources: {} };
    const { text: out, errors } = await exportText(touched);
    expect(errors).toEqual([]);
    expect(out).toContain(text.slice(text.indexOf('model A')));
    expect(out).toContain('enum Role {\n  USER\n  ADMIN\n}\n');
  });

  it('keeps composite types verbatim and maps composite fields', async () => {
    const text = `datasource db {\n  provider = "mongodb"\n}\n\n/// An address\ntype Address {\n  street String\n  zip    String?\n}\n\nmodel User {\n  id      String  @id @default(auto()) @map("_id") @db.ObjectId\n  address Address\n}\n`;
    const { document, diagnostics } = await load(text);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const raw = Object.values(document.raw);
    expect(raw).toMatchObject([{ dialect: 'prisma', kind: 'type', name: 'Address' }]);
    expect(raw[0].text.startsWith('/// An address\ntype Address {')).toBe(true);
    expect(columnByName(tableByName(document, 'User')!, 'address')!.type).toEqual({ kind: 'Composite', composite: 'Address' });
    expect(diagnostics.some((d) => d.code === 'prisma/composite-type' && d.severity === 'info')).toBe(true);
  });

  it('maps @@schema to namespaces and enums with @map', async () => {
    const text = `datasource db {\n  provider = "postgresql"\n  schemas  = ["auth", "public"]\n}\n\nenum Status {\n  ON  @map("on")\n  OFF @map("off")\n\n  @@map("status")\n  @@schema("public")\n}\n\nmodel User {\n  id     Int    @id\n  status Status\n\n  @@schema("auth")\n}\n`;
    const { document, diagnostics } = await load(text);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(Object.values(document.namespaces).map((n) => n.name)).toEqual(['public', 'auth']);
    const en = Object.values(document.enums)[0];
    expect(en).toMatchObject({ name: 'Status', dbName: 'status' });
    expect(en.values.map((v) => v.dbName)).toEqual(['on', 'off']);
    expect(document.namespaces[tableByName(document, 'User')!.namespace!].name).toBe('auth');
  });

  it('maps implicit many-to-many and drops both sides with a model', async () => {
    const text = `${DS}\nmodel Post {\n  id   Int   @id\n  tags Tag[] @relation("PostTags")\n}\n\nmodel Tag {\n  id    Int    @id\n  posts Post[] @relation("PostTags")\n}\n\nmodel Other {\n  id Int @id\n}\n`;
    const { document } = await load(text);
    const rels = Object.values(document.relations);
    expect(rels).toMatchObject([{ kind: 'many-to-many', name: 'PostTags', a: { field: { name: 'tags', list: true } }, b: { field: { name: 'posts', list: true } } }]);
    const tag = tableByName(document, 'Tag')!;
    const { text: out, errors } = await exportText(deleteTable(tag.id).apply(document));
    expect(errors).toEqual([]);
    expect(out).toBe(`${DS}\nmodel Post {\n  id Int @id\n}\n\nmodel Other {\n  id Int @id\n}\n`);
  });

  it('maps foreign keys with relation fields on both sides', async () => {
    const text = `${DS}\nmodel User {\n  id    Int    @id\n  posts Post[]\n}\n\nmodel Post {\n  id       Int  @id\n  authorId Int\n  author   User @relation(fields: [authorId], references: [id], onDelete: Cascade, map: "post_author")\n}\n`;
    const { document } = await load(text);
    expect(Object.values(document.relations)).toMatchObject([
      { kind: 'foreign-key', onDelete: 'cascade', dbName: 'post_author', fromField: { name: 'author' }, toField: { name: 'posts', list: true } },
    ]);
    const post = tableByName(document, 'Post')!;
    const edited = addColumn(post.id, createColumn('title', 'String', sequentialIds(), { id: 'col_title' })).apply(document);
    const { text: out } = await exportText(edited);
    expect(changesOutside(text, out, ['Post'])).toEqual([]);
    expect(out).toContain('  author   User   @relation(fields: [authorId], references: [id], onDelete: Cascade, map: "post_author")\n  title    String\n');
  });

  it('throws located DiagnosticErrors on syntax errors', async () => {
    const bad = `${DS}\nmodel A {\n  id Int @id\n  name String @default("x"\n}\n`;
    const err = await importPrisma([{ path: 'x.prisma', text: bad }]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DiagnosticError);
    expect((err as DiagnosticError).diagnostics[0]).toMatchObject({ file: 'x.prisma', line: 7, column: 23 });
    const stray = await importPrisma([{ path: 'y.prisma', text: `${DS}\nmodle A {}\n` }]).catch((e: unknown) => e);
    expect((stray as DiagnosticError).diagnostics[0]).toMatchObject({ file: 'y.prisma', line: 5, column: 1 });
    const unclosed = await importPrisma([{ path: 'z.prisma', text: `${DS}\nmodel A {\n  id Int @id\n` }]).catch((e: unknown) => e);
    expect((unclosed as DiagnosticError).diagnostics[0]).toMatchObject({ file: 'z.prisma', line: 5 });
  });

  it('accepts schemas written for older Prisma versions with warnings', async () => {
    const text = `datasource db {\n  provider  = "postgresql"\n  url       = env("DATABASE_URL")\n}\n\ngenerator client {\n  provider        = "prisma-client-js"\n  previewFeatures = ["fullTextSearch", "someRetiredFeature"]\n}\n\nmodel A {\n  id Int @id\n}\n`;
    const { diagnostics } = await load(text);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const legacy = diagnostics.filter((d) => d.code === 'prisma/legacy');
    expect(legacy.length).toBe(2);
    expect(legacy[0]).toMatchObject({ severity: 'warning', file: 'schema.prisma', line: 3, column: 3 });
  });

  it('reports Prisma validation errors with locations', async () => {
    const text = `${DS}\nmodel A {\n  id Int @id\n  b  Missing\n}\n`;
    const diags = await validatePrisma([{ path: 's.prisma', text }]);
    expect(diags).toMatchObject([{ severity: 'error', file: 's.prisma', line: 7, column: 6 }]);
  });

  it('exports a document made in Schemata in prisma format style', async () => {
    const ids = sequentialIds();
    const doc = createDocument({ name: 'scratch', id: 'doc_1' });
    const user = createTable('User', ids);
    const uid = createColumn('id', 'Int', ids, { default: { kind: 'function', name: 'autoincrement', args: [] } });
    user.columns.push(uid, createColumn('email', 'String', ids, { type: { kind: 'String', native: { name: 'VarChar', args: ['255'] } } }));
    user.primaryKey = { columns: [{ column: uid.id }] };
    user.indexes.push({ id: ids('idx'), unique: true, columns: [{ column: user.columns[1].id }] });
    const post = createTable('Post', ids, { dbName: 'posts' });
    const pid = createColumn('id', 'String', ids, { default: { kind: 'function', name: 'uuid', args: [] } });
    const author = createColumn('authorId', 'Int', ids, { dbName: 'author_id' });
    const created = createColumn('createdAt', 'DateTime', ids, { default: { kind: 'function', name: 'now', args: [] }, doc: 'When it was written' });
    post.columns.push(pid, author, created, createColumn('title', 'String', ids, { nullable: true }));
    post.primaryKey = { columns: [{ column: pid.id }] };
    post.indexes.push({ id: ids('idx'), unique: false, columns: [{ column: author.id }, { column: created.id, sort: 'desc' }] });
    const tag = createTable('Tag', ids);
    const tid = createColumn('id', 'Int', ids);
    tag.columns.push(tid);
    tag.primaryKey = { columns: [{ column: tid.id }] };
    const role = { id: ids('enum'), name: 'Role', values: [{ id: ids('val'), name: 'USER' }, { id: ids('val'), name: 'ADMIN', dbName: 'admin' }] };
    user.columns.push(createColumn('role', { kind: 'Enum', enumId: role.id }, ids, { default: { kind: 'enum', value: 'USER' } }));
    doc.enums[role.id] = role;
    for (const t of [user, post, tag]) doc.tables[t.id] = t;
    doc.relations.rel_1 = { id: 'rel_1', kind: 'foreign-key', from: { table: post.id, columns: [author.id] }, to: { table: user.id, columns: [uid.id] }, onDelete: 'cascade', fromField: { name: 'author' }, toField: { name: 'posts', list: true } };
    doc.relations.rel_2 = { id: 'rel_2', kind: 'many-to-many', a: { table: post.id, field: { name: 'tags' } }, b: { table: tag.id, field: { name: 'posts' } } };
    assertValidDocument(doc);
    const out = await exportPrisma(doc);
    expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(out.files.map((f) => f.path)).toEqual(['schema.prisma']);
    const formatted = await formatPrisma(out.files);
    expect(out.files[0].text).toBe(formatted[0].text);
    expect(out.files[0].text).toContain('generator client {\n  provider = "prisma-client-js"\n}');
    // And it imports back to the same text.
    const again = await importPrisma(out.files);
    expect((await exportPrisma(again.document)).files[0].text).toBe(out.files[0].text);
  });

  it("writes a view's fields aligned as prisma format aligns them", async () => {
    const ids = sequentialIds();
    const doc = createDocument({ name: 'scratch', id: 'doc_1' });
    const user = createTable('User', ids);
    const uid = createColumn('id', 'Int', ids);
    user.columns.push(uid);
    user.primaryKey = { columns: [{ column: uid.id }] };
    doc.tables[user.id] = user;
    const col = (name: string, kind: 'Int' | 'String' | 'DateTime', dbName?: string) => ({ id: ids('col'), name, type: { kind }, ...(dbName ? { dbName } : {}) });
    doc.views.view_1 = { id: 'view_1', name: 'ActiveUser', definition: 'SELECT 1', columns: [col('id', 'Int'), col('emailAddress', 'String', 'email_address'), col('at', 'DateTime')] };
    assertValidDocument(doc);
    const out = await exportPrisma(doc, { skipValidation: true });
    const formatted = await formatPrisma(out.files);
    expect(out.files[0].text).toContain('view ActiveUser {\n  id           Int?\n  emailAddress String?   @map("email_address")\n  at           DateTime?\n}');
    expect(out.files[0].text).toBe(formatted[0].text);
  });

  it('exports multi-file schemas to the same files and puts new models next to related ones', async () => {
    const files = [
      { path: 'schema.prisma', text: `${DS}\ngenerator client {\n  provider = "prisma-client-js"\n}\n` },
      { path: 'user.prisma', text: `model User {\n  id    Int    @id\n  posts Post[]\n}\n` },
      { path: 'post.prisma', text: `model Post {\n  id       Int  @id\n  authorId Int\n  author   User @relation(fields: [authorId], references: [id])\n}\n` },
    ];
    const { document } = await importPrisma(files, { ids: sequentialIds() });
    const out = await exportPrisma(document);
    expect(out.files).toEqual(files);
    const ids = sequentialIds();
    const c = createTable('Comment', ids, { id: 'tbl_c' });
    const cid = createColumn('id', 'Int', ids, { id: 'col_cid' });
    const pid = createColumn('postId', 'Int', ids, { id: 'col_cpid' });
    c.columns.push(cid, pid);
    c.primaryKey = { columns: [{ column: cid.id }] };
    const post = tableByName(document, 'Post')!;
    const doc2: SchemaDocument = {
      ...document,
      tables: { ...document.tables, [c.id]: c },
      relations: { ...document.relations, rel_c: { id: 'rel_c', kind: 'foreign-key', from: { table: c.id, columns: [pid.id] }, to: { table: post.id, columns: [post.columns[0].id] }, fromField: { name: 'post' }, toField: { name: 'comments', list: true } } },
    };
    const out2 = await exportPrisma(doc2);
    expect(out2.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const postFile = out2.files.find((f) => f.path === 'post.prisma')!.text;
    expect(postFile).toContain('model Comment {');
    expect(out2.files.find((f) => f.path === 'user.prisma')!.text).toBe(files[1].text);
  });
});
