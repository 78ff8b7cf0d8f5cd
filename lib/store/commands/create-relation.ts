/**
 * Creating a relation the way a user means it on the canvas: a foreign key plus the Prisma relation
 * fields on both sides, with names that don't clash; 1:1 adds a unique key; many-to-many creates
 * an implicit relation or an explicit join table.
 */
import { command, CommandError, type Command } from '../command';
import { relationFieldNames } from './names';
import { newId, type IdGenerator } from '../../schema/ids';
import { defaultNamespaceId } from '../../schema/document';
import type { Column, ForeignKeyRelation, Id, ReferentialAction, SchemaDocument, Table } from '../../schema/types';

export type Cardinality = 'one-to-many' | 'one-to-one' | 'many-to-many' | 'many-to-many-explicit';

export interface RelationSpec {
  /** The referencing side: the table that gets the foreign key, and optionally its existing column. */
  child: { table: Id; column?: Id };
  /** The referenced side, and optionally the referenced column (default: its primary key). */
  parent: { table: Id; column?: Id };
  cardinality: Cardinality;
  onDelete?: ReferentialAction;
  onUpdate?: ReferentialAction;
  /**
   * Whether the foreign key is required (not nullable) when a new column is created. Default true,
   * but false for a table that references itself (a required one would leave no first row to insert).
   */
  required?: boolean;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

export function plural(word: string): string {
  if (/(s|x|z|ch|sh)$/i.test(word)) return `${word}es`;
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

/** Names used on a model: its columns and the relation fields it carries. */
export function memberNames(doc: SchemaDocument, tableId: Id): Set<string> {
  return new Set([...(doc.tables[tableId]?.columns.map((c) => c.name) ?? []), ...relationFieldNames(doc, tableId)]);
}

function freeName(taken: Set<string>, base: string): string {
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}${i}`;
  taken.add(name);
  return name;
}

function keyColumn(doc: SchemaDocument, table: Table, columnId?: Id): Column {
  const id = columnId ?? (table.primaryKey?.columns.length === 1 ? table.primaryKey.columns[0].column : undefined);
  const col = id && table.columns.find((c) => c.id === id);
  if (!col) {
    throw new CommandError(
      table.primaryKey && table.primaryKey.columns.length > 1
        ? `${table.name} has a composite primary key; drop onto the column to reference`
        : `${table.name} has no primary key to reference`,
    );
  }
  return col;
}

/** A column that can hold a reference to `target`: same type, no default or identity. */
function referencingColumn(name: string, target: Column, nullable: boolean, ids: IdGenerator): Column {
  const type = { ...target.type };
  delete type.array;
  return { id: ids('col'), name, type, nullable };
}

function isUniqueColumn(t: Table, columnId: Id): boolean {
  const one = (cols: { column?: Id }[]) => cols.length === 1 && cols[0].column === columnId;
  return (!!t.primaryKey && one(t.primaryKey.columns)) || t.indexes.some((ix) => ix.unique && one(ix.columns));
}

/** Relations between the same two tables need names in Prisma; name any that lack one. */
function nameAmbiguous(doc: SchemaDocument, a: Id, b: Id): SchemaDocument {
  const between = Object.values(doc.relations).filter((r) =>
    r.kind === 'foreign-key'
      ? (r.from.table === a && r.to.table === b) || (r.from.table === b && r.to.table === a)
      : (r.a.table === a && r.b.table === b) || (r.a.table === b && r.b.table === a),
  );
  if (between.length < 2) return doc;
  const relations = { ...doc.relations };
  const taken = new Set(Object.values(doc.relations).map((r) => r.name).filter(Boolean) as string[]);
  for (const r of between) {
    if (r.name) continue;
    const base =
      r.kind === 'foreign-key'
        ? `${doc.tables[r.from.table].name}${(r.fromField?.name ?? 'ref').replace(/^./, (c) => c.toUpperCase())}`
        : `${doc.tables[r.a.table].name}To${doc.tables[r.b.table].name}`;
    relations[r.id] = { ...r, name: freeName(taken, base) };
  }
  return { ...doc, relations };
}

export function createRelation(spec: RelationSpec, ids: IdGenerator = newId, onCreated?: (relationIds: Id[]) => void): Command {
  return command('relation/create', 'Add relation', (doc) => {
    const child = doc.tables[spec.child.table];
    const parent = doc.tables[spec.parent.table];
    if (!child || !parent) throw new CommandError('a relation needs two existing tables');
    if (spec.cardinality === 'many-to-many') return manyToMany(doc, child, parent, ids, onCreated);
    if (spec.cardinality === 'many-to-many-explicit') return joinTable(doc, child, parent, spec, ids, onCreated);

    const target = keyColumn(doc, parent, spec.parent.column);
    const tables = { ...doc.tables };
    let childTable = child;
    let fkColumn = spec.child.column ? child.columns.find((c) => c.id === spec.child.column) : undefined;
    if (spec.child.column && !fkColumn) throw new CommandError(`no such column in ${child.name}`);
    if (fkColumn?.id === target.id) throw new CommandError('a column cannot reference itself');
    // PostgreSQL needs the referenced column unique on its own, and Prisma a foreign key of its type.
    if (!isUniqueColumn(parent, target.id)) {
      throw new CommandError(`${parent.name}.${target.name} is not unique on its own: reference a column that is (a primary key or unique), or make it unique first`);
    }
    if (fkColumn && (fkColumn.type.kind !== target.type.kind || fkColumn.type.enumId !== target.type.enumId || !!fkColumn.type.array)) {
      const typeName = (c: Column) => (c.type.kind === 'Enum' ? (doc.enums[c.type.enumId ?? '']?.name ?? 'an enum') : c.type.kind) + (c.type.array ? '[]' : '');
      throw new CommandError(`${child.name}.${fkColumn.name} is ${typeName(fkColumn)} and ${parent.name}.${target.name} is ${typeName(target)}: a foreign key has the type of the column it references`);
    }
    const childNames = memberNames(doc, child.id);
    if (!fkColumn) {
      fkColumn = referencingColumn(freeName(childNames, `${lowerFirst(parent.name)}${target.name.replace(/^./, (c) => c.toUpperCase())}`), target, !(spec.required ?? child.id !== parent.id), ids);
      childTable = { ...childTable, columns: [...childTable.columns, fkColumn] };
    }
    if (spec.cardinality === 'one-to-one' && !isUniqueColumn(childTable, fkColumn.id)) {
      childTable = { ...childTable, indexes: [...childTable.indexes, { id: ids('idx'), unique: true, columns: [{ column: fkColumn.id }] }] };
    }
    tables[child.id] = childTable;
    const fromField = freeName(childNames, lowerFirst(parent.name));
    const parentNames = child.id === parent.id ? childNames : memberNames(doc, parent.id);
    const many = spec.cardinality === 'one-to-many';
    const toField = freeName(parentNames, lowerFirst(many ? plural(child.name) : child.name));
    const rel: ForeignKeyRelation = {
      id: ids('rel'),
      kind: 'foreign-key',
      from: { table: child.id, columns: [fkColumn.id] },
      to: { table: parent.id, columns: [target.id] },
      fromField: { name: fromField, ...(fkColumn.nullable ? { optional: true } : {}) },
      toField: { name: toField, ...(many ? { list: true } : { optional: true }) },
      ...(spec.onDelete ? { onDelete: spec.onDelete } : {}),
      ...(spec.onUpdate ? { onUpdate: spec.onUpdate } : {}),
    };
    // A self-relation always needs a name in Prisma.
    if (child.id === parent.id) rel.name = `${child.name}${fromField.replace(/^./, (c) => c.toUpperCase())}`;
    onCreated?.([rel.id]);
    return nameAmbiguous({ ...doc, tables, relations: { ...doc.relations, [rel.id]: rel } }, child.id, parent.id);
  });
}

function manyToMany(doc: SchemaDocument, a: Table, b: Table, ids: IdGenerator, onCreated?: (ids: Id[]) => void): SchemaDocument {
  keyColumn(doc, a);
  keyColumn(doc, b);
  const aNames = memberNames(doc, a.id);
  const bNames = a.id === b.id ? aNames : memberNames(doc, b.id);
  const id = ids('rel');
  const rel = {
    id,
    kind: 'many-to-many' as const,
    a: { table: a.id, field: { name: freeName(aNames, lowerFirst(plural(b.name))), list: true } },
    b: { table: b.id, field: { name: freeName(bNames, lowerFirst(plural(a.name))), list: true } },
  };
  onCreated?.([id]);
  return nameAmbiguous({ ...doc, relations: { ...doc.relations, [id]: rel } }, a.id, b.id);
}

function joinTable(doc: SchemaDocument, a: Table, b: Table, spec: RelationSpec, ids: IdGenerator, onCreated?: (ids: Id[]) => void): SchemaDocument {
  const aKey = keyColumn(doc, a);
  const bKey = keyColumn(doc, b);
  const taken = new Set(Object.values(doc.tables).map((t) => t.name));
  const name = freeName(taken, `${a.name}${b.name}`);
  const aCol = referencingColumn(`${lowerFirst(a.name)}Id`, aKey, false, ids);
  const bCol = referencingColumn(a.id === b.id ? `related${b.name}Id` : `${lowerFirst(b.name)}Id`, bKey, false, ids);
  // In the first table's schema, as Prisma's multiSchema needs one on every model.
  const joinNs = a.namespace ?? defaultNamespaceId(doc);
  const join: Table = {
    id: ids('tbl'),
    name,
    ...(joinNs ? { namespace: joinNs } : {}),
    columns: [aCol, bCol],
    primaryKey: { columns: [{ column: aCol.id }, { column: bCol.id }] },
    indexes: [{ id: ids('idx'), unique: false, columns: [{ column: bCol.id }] }],
    checks: [],
  };
  const joinField = lowerFirst(plural(name));
  const fk = (col: Column, to: Table, key: Column, field: string, back: string): ForeignKeyRelation => ({
    id: ids('rel'),
    kind: 'foreign-key',
    from: { table: join.id, columns: [col.id] },
    to: { table: to.id, columns: [key.id] },
    onDelete: spec.onDelete ?? 'cascade',
    ...(spec.onUpdate ? { onUpdate: spec.onUpdate } : {}),
    fromField: { name: field },
    toField: { name: back, list: true },
  });
  const aNames = memberNames(doc, a.id);
  const bNames = a.id === b.id ? aNames : memberNames(doc, b.id);
  const r1 = fk(aCol, a, aKey, lowerFirst(a.name), freeName(aNames, joinField));
  const r2 = fk(bCol, b, bKey, a.id === b.id ? `related${b.name}` : lowerFirst(b.name), freeName(bNames, joinField));
  const pa = doc.layout.nodes[a.id] ?? { x: 0, y: 0 };
  const pb = doc.layout.nodes[b.id] ?? { x: 400, y: 0 };
  onCreated?.([r1.id, r2.id]);
  let next: SchemaDocument = {
    ...doc,
    tables: { ...doc.tables, [join.id]: join },
    relations: { ...doc.relations, [r1.id]: r1, [r2.id]: r2 },
    layout: { ...doc.layout, nodes: { ...doc.layout.nodes, [join.id]: { x: (pa.x + pb.x) / 2, y: Math.max(pa.y, pb.y) + 260 } } },
  };
  if (a.id === b.id) next = nameAmbiguous(next, join.id, a.id);
  return next;
}
