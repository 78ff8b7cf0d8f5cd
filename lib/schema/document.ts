import { newId, type IdGenerator } from './ids';
import { relationIdsOf } from './graph';
import {
  FORMAT_NAME,
  FORMAT_VERSION,
  type Column,
  type ColumnType,
  type Enum,
  type Id,
  type Provider,
  type Relation,
  type SchemaDocument,
  type Table,
} from './types';

export function createDocument(
  opts: { name?: string; provider?: Provider; id?: Id } = {},
): SchemaDocument {
  return {
    format: FORMAT_NAME,
    version: FORMAT_VERSION,
    id: opts.id ?? newId('doc'),
    name: opts.name ?? 'Untitled schema',
    settings: { provider: opts.provider ?? 'postgresql' },
    namespaces: {},
    tables: {},
    enums: {},
    relations: {},
    views: {},
    raw: {},
    layout: { nodes: {}, groups: {}, notes: {} },
    sources: {},
  };
}

export function createTable(name: string, ids: IdGenerator = newId, extra: Partial<Table> = {}): Table {
  return { id: ids('tbl'), name, columns: [], indexes: [], checks: [], ...extra };
}

/** Whether a document holds no schema at all: no table, enum, view, kept object or schema but `public`. */
export function isEmptyDocument(doc: SchemaDocument): boolean {
  return (
    !Object.keys(doc.tables).length && !Object.keys(doc.enums).length && !Object.keys(doc.views).length && !Object.keys(doc.raw).length &&
    !Object.values(doc.namespaces).some((n) => n.name !== 'public')
  );
}

/**
 * The schema a new table or enum goes to in a document with schemas (Prisma's multiSchema needs one
 * on every model and enum): the default one (`public`), else the first; none in a document without.
 */
export function defaultNamespaceId(doc: SchemaDocument): Id | undefined {
  const all = Object.values(doc.namespaces);
  if (!all.length) return undefined;
  return (all.find((n) => n.name === (doc.settings.defaultNamespace ?? 'public')) ?? all[0]).id;
}

export function createColumn(
  name: string,
  type: ColumnType | ColumnType['kind'],
  ids: IdGenerator = newId,
  extra: Partial<Column> = {},
): Column {
  return {
    id: ids('col'),
    name,
    type: typeof type === 'string' ? { kind: type } : type,
    nullable: false,
    ...extra,
  };
}

export function tableList(doc: SchemaDocument): Table[] {
  return Object.values(doc.tables);
}

export function enumList(doc: SchemaDocument): Enum[] {
  return Object.values(doc.enums);
}

export function relationList(doc: SchemaDocument): Relation[] {
  return Object.values(doc.relations);
}

export function findColumn(table: Table, columnId: Id): Column | undefined {
  return table.columns.find((c) => c.id === columnId);
}

export function tableByName(doc: SchemaDocument, name: string): Table | undefined {
  return tableList(doc).find((t) => t.name === name);
}

export function columnByName(table: Table, name: string): Column | undefined {
  return table.columns.find((c) => c.name === name);
}

/** Whether a column can hold NULL: nullable itself, and not of a `NOT NULL` domain. */
export function mayBeNull(col: { nullable?: boolean; type: ColumnType }): boolean {
  return col.nullable !== false && !col.type.domainNotNull;
}

/** Whether a table's column (by id) can hold NULL (see mayBeNull); a column not there counts as one that can. */
export function columnMayBeNull(table: Table | undefined, columnId: Id | undefined): boolean {
  const c = columnId === undefined ? undefined : table?.columns.find((x) => x.id === columnId);
  return !c || mayBeNull(c);
}

/** The database name of a table or column: `dbName` when mapped, else the logical name. */
export function dbNameOf(obj: { name: string; dbName?: string }): string {
  return obj.dbName ?? obj.name;
}

/** Ids of the columns that take part in a foreign key, per table. */
export function foreignKeyColumnIds(doc: SchemaDocument): Set<Id> {
  const out = new Set<Id>();
  for (const rel of relationList(doc)) {
    if (rel.kind === 'foreign-key') for (const c of rel.from.columns) out.add(c);
  }
  return out;
}

/** Relations that touch a table, in either direction. */
/** The relations that touch a table (either end), from the per-relations index in graph.ts. */
export function relationsOfTable(doc: SchemaDocument, tableId: Id): Relation[] {
  return relationIdsOf(doc.relations, tableId).map((id) => doc.relations[id]);
}

export function primaryKeyColumnIds(table: Table): Set<Id> {
  return new Set((table.primaryKey?.columns ?? []).map((c) => c.column).filter((c): c is Id => !!c));
}
