/** Relation geometry for diagrams: which columns an edge joins and its cardinality. Pure, no UI. */
import type { Id, Relation, SchemaDocument, Table } from './types';

export type End = 'one' | 'zero-or-one' | 'many' | 'zero-or-many';

export interface RelationEdgeInfo {
  id: Id;
  /** The referencing (child) side. */
  source: { table: Id; column?: Id };
  /** The referenced (parent) side. */
  target: { table: Id; column?: Id };
  /** Crow's-foot ends: at the child side and at the parent side. */
  sourceEnd: End;
  targetEnd: End;
  label: string;
}

function isUniqueSet(table: Table, columns: Id[]): boolean {
  const same = (cols: { column?: Id }[]) =>
    cols.length === columns.length && cols.every((c) => c.column && columns.includes(c.column));
  if (table.primaryKey && same(table.primaryKey.columns)) return true;
  return table.indexes.some((ix) => ix.unique && same(ix.columns));
}

export function relationEdge(doc: SchemaDocument, rel: Relation): RelationEdgeInfo | undefined {
  if (rel.kind === 'foreign-key') {
    const from = doc.tables[rel.from.table];
    const to = doc.tables[rel.to.table];
    if (!from || !to) return undefined;
    const colName = (t: Table, id: Id) => t.columns.find((c) => c.id === id)?.name ?? '?';
    const optional = rel.from.columns.some((id) => from.columns.find((c) => c.id === id)?.nullable);
    const unique = isUniqueSet(from, rel.from.columns);
    return {
      id: rel.id,
      source: { table: from.id, column: rel.from.columns[0] },
      target: { table: to.id, column: rel.to.columns[0] },
      sourceEnd: unique ? 'zero-or-one' : 'zero-or-many',
      targetEnd: optional ? 'zero-or-one' : 'one',
      label: `${from.name}.${rel.from.columns.map((c) => colName(from, c)).join(', ')} → ${to.name}.${rel.to.columns
        .map((c) => colName(to, c))
        .join(', ')}`,
    };
  }
  const a = doc.tables[rel.a.table];
  const b = doc.tables[rel.b.table];
  if (!a || !b) return undefined;
  return {
    id: rel.id,
    source: { table: a.id },
    target: { table: b.id },
    sourceEnd: 'zero-or-many',
    targetEnd: 'zero-or-many',
    label: `${a.name} ↔ ${b.name} (many-to-many)`,
  };
}

const fkCache = new WeakMap<SchemaDocument['relations'], Map<Id, Id[]>>();
const EMPTY: Id[] = [];

/**
 * Foreign-key column ids per referencing table, computed once per relations object. Canvas nodes
 * read their own entry, so a drag (which leaves relations untouched) costs nothing here.
 */
export function foreignKeyColumnsOf(relations: SchemaDocument['relations'], tableId: Id): Id[] {
  let index = fkCache.get(relations);
  if (!index) {
    index = new Map();
    for (const r of Object.values(relations)) {
      if (r.kind !== 'foreign-key') continue;
      const list = index.get(r.from.table) ?? [];
      list.push(...r.from.columns);
      index.set(r.from.table, list);
    }
    fkCache.set(relations, index);
  }
  return index.get(tableId) ?? EMPTY;
}

const relCache = new WeakMap<SchemaDocument['relations'], Map<Id, Id[]>>();

/** Ids of the relations that touch a table (either end), computed once per relations object. */
export function relationIdsOf(relations: SchemaDocument['relations'], tableId: Id): Id[] {
  let index = relCache.get(relations);
  if (!index) {
    index = new Map();
    const add = (t: Id, id: Id) => {
      const list = index!.get(t) ?? index!.set(t, []).get(t)!;
      if (list.at(-1) !== id) list.push(id);
    };
    for (const r of Object.values(relations)) {
      if (r.kind === 'foreign-key') {
        add(r.from.table, r.id);
        add(r.to.table, r.id);
      } else {
        add(r.a.table, r.id);
        add(r.b.table, r.id);
      }
    }
    relCache.set(relations, index);
  }
  return index.get(tableId) ?? EMPTY;
}

const keysCache = new WeakMap<object, string[]>();

/** `Object.keys` of a record, the same array while the record is the same object (cheap to compare). */
export function keysOf(record: object): string[] {
  let keys = keysCache.get(record);
  if (!keys) keysCache.set(record, (keys = Object.keys(record)));
  return keys;
}
