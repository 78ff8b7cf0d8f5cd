import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument, sequentialIds, validateDocument, tableByName, type SchemaDocument } from '../../schema';
import { createRelation, plural } from './create-relation';
import { copyTables, pasteFragment } from './clipboard';
import { addEnum, deleteEnum, updateEnum } from './enum';
import { setColumnUnique, togglePrimaryKeyColumn, addIndex, updateIndex } from './constraints';
import { toggleCollapsed } from './layout';
import { deleteView } from './view';
import { addColumn, deleteColumn, updateColumn } from './column';
import { renameTable, updateTable } from './table';
import { withLayout } from '../../layout/with-layout';
import { whatGoesWithColumn } from '../../sql/follow';

const sample = (): SchemaDocument =>
  parseDocument(readFileSync(path.resolve(import.meta.dirname, '../../../prisma/blog.schemata.json'), 'utf8'));
const ids = () => {
  const seq = sequentialIds();
  return (p: Parameters<typeof seq>[0]) => `${seq(p)}new`;
};

describe('createRelation', () => {
  it('1:n from a table to another creates the FK column, the FK and both relation fields', () => {
    const doc = sample();
    const comment = tableByName(doc, 'Comment')!;
    const category = tableByName(doc, 'Category')!;
    const next = createRelation({ child: { table: comment.id }, parent: { table: category.id }, cardinality: 'one-to-many' }, ids()).apply(doc);
    expect(validateDocument(next)).toEqual([]);
    const col = next.tables[comment.id].columns.at(-1)!;
    expect(col).toMatchObject({ name: 'categoryId', type: { kind: 'Int' }, nullable: false });
    expect(col.default).toBeUndefined(); // the parent's autoincrement is not copied
    const rel = Object.values(next.relations).at(-1)!;
    expect(rel).toMatchObject({
      kind: 'foreign-key',
      from: { table: comment.id, columns: [col.id] },
      fromField: { name: 'category' },
      toField: { name: 'comments', list: true },
    });
  });

  it('a table referencing itself gets an optional foreign key unless asked for a required one', () => {
    const doc = sample();
    const comment = tableByName(doc, 'Comment')!;
    const self = createRelation({ child: { table: comment.id }, parent: { table: comment.id }, cardinality: 'one-to-many' }, ids()).apply(doc);
    expect(validateDocument(self)).toEqual([]);
    expect(self.tables[comment.id].columns.at(-1)).toMatchObject({ name: 'commentId', nullable: true });
    const required = createRelation({ child: { table: comment.id }, parent: { table: comment.id }, cardinality: 'one-to-many', required: true }, ids()).apply(doc);
    expect(required.tables[comment.id].columns.at(-1)).toMatchObject({ nullable: false });
  });

  it('1:1 adds a unique key; names avoid clashes and a second relation between the same tables gets names', () => {
    const doc = sample();
    const post = tableByName(doc, 'Post')!;
    const user = tableByName(doc, 'User')!;
    const next = createRelation({ child: { table: post.id }, parent: { table: user.id }, cardinality: 'one-to-one', required: false }, ids()).apply(doc);
    expect(validateDocument(next)).toEqual([]);
    const col = next.tables[post.id].columns.at(-1)!;
    expect(col).toMatchObject({ name: 'userId', nullable: true });
    expect(next.tables[post.id].indexes.some((ix) => ix.unique && ix.columns[0].column === col.id)).toBe(true);
    const between = Object.values(next.relations).filter((r) => r.kind === 'foreign-key' && r.from.table === post.id && r.to.table === user.id);
    expect(between).toHaveLength(2);
    expect(between.every((r) => r.name)).toBe(true);
    expect(new Set(between.map((r) => r.name)).size).toBe(2);
    const created = between.find((r) => r.kind === 'foreign-key' && r.from.columns[0] === col.id)!;
    expect(created.kind === 'foreign-key' && created.toField).toEqual({ name: 'post', optional: true });
  });

  it('many-to-many (implicit) adds list fields on both sides and no columns', () => {
    const doc = sample();
    const user = tableByName(doc, 'User')!;
    const cat = tableByName(doc, 'Category')!;
    const next = createRelation({ child: { table: user.id }, parent: { table: cat.id }, cardinality: 'many-to-many' }, ids()).apply(doc);
    const rel = Object.values(next.relations).at(-1)!;
    expect(rel).toMatchObject({ kind: 'many-to-many', a: { field: { name: 'categories', list: true } }, b: { field: { name: 'users', list: true } } });
    expect(next.tables[user.id].columns).toHaveLength(doc.tables[user.id].columns.length);
  });

  it('many-to-many (explicit) creates a join table with a composite key and two cascading FKs', () => {
    const doc = sample();
    const user = tableByName(doc, 'User')!;
    const cat = tableByName(doc, 'Category')!;
    const next = createRelation({ child: { table: user.id }, parent: { table: cat.id }, cardinality: 'many-to-many-explicit' }, ids()).apply(doc);
    expect(validateDocument(next)).toEqual([]);
    const join = tableByName(next, 'UserCategory')!;
    expect(join.columns.map((c) => c.name)).toEqual(['userId', 'categoryId']);
    expect(join.primaryKey!.columns).toHaveLength(2);
    const fks = Object.values(next.relations).filter((r) => r.kind === 'foreign-key' && r.from.table === join.id);
    expect(fks).toHaveLength(2);
    expect(fks.every((r) => r.kind === 'foreign-key' && r.onDelete === 'cascade')).toBe(true);
  });

  it('refuses a parent without a primary key', () => {
    const doc = sample();
    const user = tableByName(doc, 'User')!;
    doc.tables[user.id] = { ...user, primaryKey: undefined };
    const post = tableByName(doc, 'Post')!;
    expect(() => createRelation({ child: { table: post.id }, parent: { table: user.id }, cardinality: 'one-to-many' }).apply(doc)).toThrow(/no primary key/);
  });

  it('pluralises', () => {
    expect(['Post', 'Category', 'Address', 'Box', 'Key'].map(plural)).toEqual(['Posts', 'Categories', 'Addresses', 'Boxes', 'Keys']);
  });
});

describe('clipboard', () => {
  it('pastes copies with new ids, free names, internal relations and offset positions', () => {
    const doc = sample();
    const user = tableByName(doc, 'User')!;
    const profile = tableByName(doc, 'Profile')!;
    const fragment = copyTables(doc, [user.id, profile.id])!;
    let pasted: string[] = [];
    const next = pasteFragment(fragment, { ids: ids(), onPasted: (p) => (pasted = p) }).apply(doc);
    expect(validateDocument(next)).toEqual([]);
    expect(pasted).toHaveLength(2);
    expect(pasted.map((id) => next.tables[id].name)).toEqual(['UserCopy', 'ProfileCopy']);
    const rel = Object.values(next.relations).find((r) => r.kind === 'foreign-key' && r.from.table === pasted[1])!;
    expect(rel.kind === 'foreign-key' && rel.to.table).toBe(pasted[0]);
    expect(next.layout.nodes[pasted[0]]).toMatchObject({ x: doc.layout.nodes[user.id].x + 40 });
    // Relations to tables outside the selection are not copied.
    expect(Object.keys(next.relations)).toHaveLength(Object.keys(doc.relations).length + 1);
  });
});

describe('clipboard across documents', () => {
  it('brings the enums the tables use, reusing one of the same name and values, and drops a schema the document lacks', () => {
    const from = sample();
    const user = tableByName(from, 'User')!;
    const role = user.columns.find((c) => c.type.kind === 'Enum')!;
    const fragment = JSON.parse(JSON.stringify(copyTables(from, [user.id])!));
    fragment.tables[0].namespace = 'ns_elsewhere';
    const empty: SchemaDocument = { ...from, tables: {}, relations: {}, enums: {}, views: {}, layout: { ...from.layout, nodes: {}, groups: {} } };
    const once = pasteFragment(fragment, { ids: ids() }).apply(empty);
    expect(validateDocument(once)).toEqual([]);
    const pasted = Object.values(once.tables)[0];
    expect(pasted.namespace).toBeUndefined();
    const en = once.enums[pasted.columns.find((c) => c.name === role.name)!.type.enumId!];
    expect(en.values.map((v) => v.name)).toEqual(from.enums[role.type.enumId!].values.map((v) => v.name));
    // Pasted again: the enum is the one already there.
    const twice = pasteFragment(fragment, { ids: ids() }).apply(once);
    expect(Object.keys(twice.enums)).toHaveLength(1);
    // An enum of that name with other values stays as it is; the copy gets a free name.
    const other = { ...empty, enums: { enum_x: { id: 'enum_x', name: en.name, values: [{ id: 'val_x', name: 'X' }] } } };
    const beside = pasteFragment(fragment, { ids: ids() }).apply(other);
    expect(validateDocument(beside)).toEqual([]);
    expect(Object.values(beside.enums).map((e) => e.name).sort()).toEqual([en.name, `${en.name}Copy`]);
    // An enum of the same id but another name and values (a duplicated document changed since) is not the one.
    const sameId = { ...empty, enums: { [role.type.enumId!]: { id: role.type.enumId!, name: 'Kind', values: [{ id: 'val_r', name: 'RED' }] } } };
    const apart = pasteFragment(fragment, { ids: ids() }).apply(sameId);
    const pastedRole = Object.values(apart.tables)[0].columns.find((c) => c.name === role.name)!;
    expect(apart.enums[pastedRole.type.enumId!].name).toBe(en.name);
    // In a document with schemas, a table goes to the schema of its name, else to the default one.
    const schemas = { ...empty, namespaces: { ns_a: { id: 'ns_a', name: 'public' }, ns_b: { id: 'ns_b', name: 'sales' } } };
    expect(Object.values(pasteFragment(fragment, { ids: ids() }).apply(schemas).tables)[0].namespace).toBe('ns_a');
    const named = { ...fragment, namespaces: { ns_elsewhere: 'sales' } };
    const inSales = pasteFragment(named, { ids: ids() }).apply(schemas);
    expect(Object.values(inSales.tables)[0].namespace).toBe('ns_b');
    expect(validateDocument(inSales)).toEqual([]);
  });
});

describe('names', () => {
  it('refuses a table or column name Prisma cannot use, or one another table has', () => {
    const doc = sample();
    const post = tableByName(doc, 'Post')!;
    const title = post.columns.find((c) => c.name === 'title')!;
    expect(() => renameTable(post.id, 'User').apply(doc)).toThrow(/already a table, view or enum named User/);
    expect(() => renameTable(post.id, 'Role').apply(doc)).toThrow(/already a table, view or enum named Role/);
    expect(() => renameTable(post.id, 'order items').apply(doc)).toThrow(/cannot be a table name/);
    expect(() => renameTable(post.id, '2fa').apply(doc)).toThrow(/cannot be a table name/);
    expect(() => updateTable(post.id, { dbName: tableByName(doc, 'User')!.dbName ?? 'User' }).apply(doc)).toThrow(/already has the database name/);
    expect(() => updateColumn(post.id, title.id, { name: 'first name' }).apply(doc)).toThrow(/cannot be a column name/);
    expect(() => updateColumn(post.id, title.id, { dbName: 'id' }).apply(doc)).toThrow(/named id in the database/);
    // A new name that is another column's database name clashes too.
    const mapped = updateColumn(post.id, title.id, { dbName: 'heading' }).apply(doc);
    const other = mapped.tables[post.id].columns.find((c) => c.id !== title.id && c.name !== 'id')!;
    expect(() => updateColumn(post.id, other.id, { name: 'heading' }).apply(mapped)).toThrow(/named heading in the database/);
    // Any database name; and a name that is fine.
    const renamed = updateTable(post.id, { name: 'Article', dbName: 'blog articles' }).apply(doc);
    expect(renamed.tables[post.id]).toMatchObject({ name: 'Article', dbName: 'blog articles' });
    expect(updateColumn(post.id, title.id, { name: 'heading', dbName: 'the heading' }).apply(doc).tables[post.id].columns.find((c) => c.id === title.id)).toMatchObject({ name: 'heading', dbName: 'the heading' });
    expect(validateDocument(renamed)).toEqual([]);
  });
});

describe('column commands', () => {
  it('a column renamed is renamed in checks and index expressions; one deleted takes the checks that name it', () => {
    let doc = sample();
    const post = tableByName(doc, 'Post')!;
    const title = post.columns.find((c) => c.name === 'title')!;
    const t = doc.tables[post.id];
    doc = { ...doc, tables: { ...doc.tables, [post.id]: { ...t, checks: [{ id: 'chk_1', expression: `length(title) > 0` }, { id: 'chk_2', expression: `'title' <> ''` }], indexes: [...t.indexes, { id: 'idx_e', unique: false, columns: [{ expression: 'lower(title)' }], where: 'title IS NOT NULL' }] } } };
    doc = updateColumn(post.id, title.id, { dbName: 'heading' }).apply(doc);
    const renamed = doc.tables[post.id];
    expect(renamed.checks.map((c) => c.expression)).toEqual([`length("heading") > 0`, `'title' <> ''`]);
    expect(renamed.indexes.at(-1)).toMatchObject({ columns: [{ expression: 'lower("heading")' }], where: '"heading" IS NOT NULL' });
    doc = deleteColumn(post.id, title.id).apply(doc);
    expect(doc.tables[post.id].checks.map((c) => c.id)).toEqual(['chk_2']);
    expect(doc.tables[post.id].indexes.find((ix) => ix.id === 'idx_e')).toBeUndefined();
    expect(validateDocument(doc)).toEqual([]);
  });
});

describe('constraint and enum commands', () => {
  it('toggles composite primary keys, uniques and collapse; deleting an enum keeps the document valid', () => {
    let doc = sample();
    const post = tableByName(doc, 'Post')!;
    doc = togglePrimaryKeyColumn(post.id, post.columns[1].id, true).apply(doc);
    expect(doc.tables[post.id].primaryKey!.columns).toHaveLength(2);
    doc = setColumnUnique(post.id, post.columns[1].id, true, 'idx_u').apply(doc);
    expect(doc.tables[post.id].indexes.at(-1)).toMatchObject({ id: 'idx_u', unique: true });
    doc = setColumnUnique(post.id, post.columns[1].id, false, 'idx_v').apply(doc);
    expect(doc.tables[post.id].indexes.find((i) => i.id === 'idx_u')).toBeUndefined();
    expect(() => addIndex(post.id, { id: 'idx_x', unique: false, columns: [] }).apply(doc)).toThrow(/at least one column/);
    doc = toggleCollapsed([post.id]).apply(doc);
    expect(doc.layout.nodes[post.id].collapsed).toBe(true);
    const role = Object.values(doc.enums)[0];
    // A view's column of the enum (from a SQL import) goes to String too.
    doc = { ...doc, views: { view_1: { id: 'view_1', name: 'staff', columns: [{ id: 'col_v1', name: 'roles', type: { kind: 'Enum', enumId: role.id, array: true } }] } } };
    expect(validateDocument(doc)).toEqual([]);
    doc = deleteEnum(role.id).apply(doc);
    expect(validateDocument(doc)).toEqual([]);
    expect(tableByName(doc, 'User')!.columns.find((c) => c.name === 'role')!.type.kind).toBe('String');
    expect(doc.views.view_1.columns![0].type).toEqual({ kind: 'String', array: true });
  });

  it('lays out a view with the tables, and deletes it with its place on the canvas', () => {
    let doc = sample();
    doc = { ...doc, views: { view_1: { id: 'view_1', name: 'staff', columns: [{ id: 'col_v1', name: 'name', type: { kind: 'String' } }] } } };
    doc = withLayout(doc);
    expect(doc.layout.nodes.view_1).toMatchObject({ x: expect.any(Number), y: expect.any(Number) });
    expect(validateDocument(doc)).toEqual([]);
    doc = deleteView('view_1').apply(doc);
    expect(doc.views).toEqual({});
    expect(doc.layout.nodes.view_1).toBeUndefined();
    expect(validateDocument(doc)).toEqual([]);
    expect(() => deleteView('view_1').apply(doc)).toThrow(/no view/);
  });
});

describe('enum names', () => {
  const role = (doc: SchemaDocument) => Object.values(doc.enums).find((e) => e.name === 'Role')!;

  it('refuses an enum named like a table, view or other enum, and a name Prisma cannot use', () => {
    const doc = sample();
    const en = role(doc);
    expect(() => updateEnum(en.id, { name: 'Post' }).apply(doc)).toThrow(/already a table, view or enum named Post/);
    expect(() => updateEnum(en.id, { name: 'user role' }).apply(doc)).toThrow(/cannot be an enum name/);
    expect(() => addEnum({ id: 'enum_new', name: 'User', values: [{ id: 'v1', name: 'A' }] }).apply(doc)).toThrow(/already a table, view or enum named User/);
    const renamed = updateEnum(en.id, { name: 'UserRole' }).apply(doc);
    expect(validateDocument(renamed)).toEqual([]);
    expect(role(renamed)).toBeUndefined();
  });

  it('refuses a new or renamed value that is not an identifier, and keeps values it does not change', () => {
    const doc = sample();
    const en = role(doc);
    const rename = (name: string) => updateEnum(en.id, { values: en.values.map((v, i) => (i === 0 ? { ...v, name } : v)) });
    for (const bad of ['super admin', '1X', 'é', 'A-B']) expect(() => rename(bad).apply(doc), bad).toThrow(/cannot be an enum value name/);
    expect(() => updateEnum(en.id, { values: [...en.values, { id: 'v_new', name: 'two words' }] }).apply(doc)).toThrow(/cannot be an enum value name/);
    expect(validateDocument(rename('SUPER_ADMIN').apply(doc))).toEqual([]);
    // A value whose name is not touched passes as it is, whatever it holds (values are checked where they change).
    const odd = { ...doc, enums: { ...doc.enums, [en.id]: { ...en, values: [...en.values, { id: 'v_odd', name: 'odd value' }] } } };
    const moved = updateEnum(en.id, { values: [...odd.enums[en.id].values].reverse() }).apply(odd);
    expect(moved.enums[en.id].values.map((v) => v.name)).toContain('odd value');
  });
});

describe('column names and relation fields', () => {
  it('refuses a column named like one of its table relation fields, as a model has one namespace of fields', () => {
    const doc = sample();
    const post = tableByName(doc, 'Post')!;
    const relationField = Object.values(doc.relations).flatMap((r) => (r.kind === 'foreign-key' && r.from.table === post.id && r.fromField ? [r.fromField.name] : []))[0];
    expect(relationField).toBeTruthy();
    const content = post.columns.find((c) => !post.primaryKey?.columns.some((k) => k.column === c.id) && c.name !== 'authorId')!;
    expect(() => updateColumn(post.id, content.id, { name: relationField }).apply(doc)).toThrow(new RegExp(`already has a relation field ${relationField}`));
    expect(() => addColumn(post.id, { ...content, id: 'col_new', name: relationField }).apply(doc)).toThrow(/already has a relation field/);
    expect(validateDocument(updateColumn(post.id, content.id, { name: 'body' }).apply(doc))).toEqual([]);
  });
});

describe('unique indexes', () => {
  it('use btree: a unique hash (or gin, gist, ...) index is refused, as PostgreSQL refuses it', () => {
    const doc = sample();
    const post = tableByName(doc, 'Post')!;
    const ix = post.indexes.find((i) => !i.unique) ?? post.indexes[0];
    expect(ix).toBeTruthy();
    const hashed = updateIndex(post.id, ix.id, { method: 'hash', unique: false }).apply(doc);
    expect(() => updateIndex(post.id, ix.id, { unique: true }).apply(hashed)).toThrow(/unique index uses btree/);
    expect(() => addIndex(post.id, { id: 'idx_new', unique: true, method: 'gin', columns: [{ column: post.columns[0].id }] }).apply(doc)).toThrow(/unique gin index/);
    expect(validateDocument(updateIndex(post.id, ix.id, { unique: true, method: 'btree' }).apply(doc))).toEqual([]);
  });
});

describe('createRelation refuses a foreign key PostgreSQL or Prisma would not take', () => {
  it('from a column of another type, or to a column not unique on its own, saying why', () => {
    const doc = sample();
    const post = tableByName(doc, 'Post')!;
    const category = tableByName(doc, 'Category')!;
    const title = post.columns.find((c) => c.name === 'title')!;
    expect(() => createRelation({ child: { table: post.id, column: title.id }, parent: { table: category.id }, cardinality: 'one-to-many' }, ids()).apply(doc)).toThrow(
      'Post.title is String and Category.id is Int: a foreign key has the type of the column it references',
    );
    const name = category.columns.find((c) => c.name === 'name')!;
    const plain = { ...doc, tables: { ...doc.tables, [category.id]: { ...category, indexes: category.indexes.filter((ix) => !ix.columns.some((c) => c.column === name.id)) } } };
    expect(() => createRelation({ child: { table: post.id, column: title.id }, parent: { table: category.id, column: name.id }, cardinality: 'one-to-many' }, ids()).apply(plain)).toThrow(
      /Category\.name is not unique on its own/,
    );
  });
});

describe('what deleting a column takes, as the editor asks', () => {
  it('names other tables foreign keys that reference it, not its own', () => {
    const doc = sample();
    const user = tableByName(doc, 'User')!;
    const post = tableByName(doc, 'Post')!;
    const at = (t: typeof user, name: string) => t.columns.find((c) => c.name === name)!.id;
    const referencing = Object.values(doc.relations).filter((r) => r.kind === 'foreign-key' && r.to.table === user.id).length;
    expect(referencing).toBeGreaterThan(0);
    const id = at(user, 'id');
    expect(whatGoesWithColumn(doc, deleteColumn(user.id, id).apply(doc), user.id, id).relations).toBe(referencing);
    const fk = at(post, 'authorId');
    expect(whatGoesWithColumn(doc, deleteColumn(post.id, fk).apply(doc), post.id, fk)).toEqual({ relations: 0, raw: 0, views: [] });
  });
});
