/**
 * What follows a change of a table's columns, as it follows ALTER TABLE in PostgreSQL: a column
 * renamed (its database name) is renamed where the table's checks, indexes and partition key name it;
 * a column dropped takes the keys, indexes and checks that name it; a partition has its partitioned
 * table's columns. Applied after every column edit, on the canvas and in the Prisma text alike.
 */
import { followColumnChanges, namesColumn, renameColumnRefs } from '../schema/column-refs';
import { newId } from '../schema/ids';
import type { Column, Id, RawObject, SchemaDocument, Table } from '../schema/types';
import { partitionsOf, type PostgresSqlSources } from './ddl/builder';
import { relationSpan } from './import/classify';

const dbName = (c: Column) => c.dbName ?? c.name;

/** `doc` after its tables' columns changed from `before`'s (same ids). */
export function followColumnEdits(doc: SchemaDocument, before: SchemaDocument): SchemaDocument {
  const changed = Object.values(doc.tables).filter((t) => before.tables[t.id] && before.tables[t.id].columns !== t.columns);
  if (!changed.length) return doc;
  const tables = { ...doc.tables };
  for (const t of changed) tables[t.id] = followColumnChanges(t, before.tables[t.id]);
  // Partitions, parents first (a partition may be partitioned itself).
  const parents = partitionsOf(doc);
  const done = new Set<Id>();
  const follow = (id: Id) => {
    const parent = parents.get(id);
    if (!parent || done.has(id) || !tables[id] || !tables[parent] || !before.tables[parent]) return;
    done.add(id);
    follow(parent);
    tables[id] = followParent(tables[id], before.tables[parent], tables[parent]);
  };
  for (const id of parents.keys()) follow(id);
  let next: SchemaDocument = { ...doc, tables };
  next = withPartitionKeys(next, before);
  return withRawIndexes(next, before);
}

/** Renames in a table (old database name → new), and the names it dropped. */
function columnEdits(now: Table, was: Table): { renamed: [string, string][]; dropped: string[] } {
  const byId = new Map(now.columns.map((c) => [c.id, c]));
  return {
    renamed: was.columns.flatMap((c): [string, string][] => (byId.has(c.id) && dbName(byId.get(c.id)!) !== dbName(c) ? [[dbName(c), dbName(byId.get(c.id)!)]] : [])),
    dropped: was.columns.filter((c) => !byId.has(c.id)).map(dbName),
  };
}

/**
 * A partition after its partitioned table's columns changed (`was` before, `parent` after): it has the
 * table's columns, its own where it had them (matched through the table's column ids), required where
 * the table's are, and the table's new ones as columns of its own.
 */
function followParent(part: Table, was: Table, parent: Table): Table {
  const same = was.columns.length === parent.columns.length && was.columns.every((c, i) => c.id === parent.columns[i].id && dbName(c) === dbName(parent.columns[i]) && c.nullable === parent.columns[i].nullable && JSON.stringify(c.type) === JSON.stringify(parent.columns[i].type));
  if (same) return part;
  const own = new Map(part.columns.map((c) => [dbName(c), c]));
  const before = new Map(was.columns.map((c) => [c.id, dbName(c)]));
  const columns = parent.columns.map((pc): Column => {
    const mine = own.get(before.get(pc.id) ?? dbName(pc));
    if (!mine) return { ...pc, id: newId('col') };
    const c: Column = { ...mine, name: pc.name, dbName: pc.dbName, type: pc.type, collation: pc.collation, nullable: mine.nullable && pc.nullable };
    if (c.dbName === undefined) delete c.dbName;
    if (c.collation === undefined) delete c.collation;
    return c;
  });
  return followColumnChanges({ ...part, columns }, part);
}

/** A partitioned table's column renamed: its `PARTITION BY` clause names it by its new name. */
function withPartitionKeys(doc: SchemaDocument, before: SchemaDocument): SchemaDocument {
  const sql = doc.sources.sql as PostgresSqlSources | undefined;
  if (!sql?.partitionBy) return doc;
  let partitionBy = sql.partitionBy;
  for (const [id, clause] of Object.entries(sql.partitionBy)) {
    if (!doc.tables[id] || !before.tables[id]) continue;
    const { renamed } = columnEdits(doc.tables[id], before.tables[id]);
    if (renamed.length) partitionBy = { ...partitionBy, [id]: renameColumnRefs(clause, renamed) };
  }
  return partitionBy === sql.partitionBy ? doc : { ...doc, sources: { ...doc.sources, sql: { ...sql, partitionBy } } };
}

/**
 * Indexes kept as SQL on a table (`CREATE INDEX ... ON t (...)`): a column renamed is renamed in what
 * follows the table's name, and one dropped takes the index, as in PostgreSQL.
 */
function withRawIndexes(doc: SchemaDocument, before: SchemaDocument): SchemaDocument {
  const edits = new Map<string, { renamed: [string, string][]; dropped: string[] }>();
  const schemaOf = (t: Table) => (t.namespace ? before.namespaces[t.namespace]?.name : undefined) ?? doc.settings.defaultNamespace ?? 'public';
  for (const t of Object.values(doc.tables)) {
    const was = before.tables[t.id];
    if (!was || was.columns === t.columns) continue;
    const e = columnEdits(t, was);
    if (e.renamed.length || e.dropped.length) edits.set(`${schemaOf(was)}.${was.dbName ?? was.name}`, e);
  }
  if (!edits.size) return doc;
  let raw: Record<Id, RawObject> | undefined;
  for (const r of Object.values(doc.raw)) {
    if (r.dialect !== 'postgresql' || r.kind !== 'index') continue;
    const text = r.text.trim();
    const span = relationSpan(text);
    if (!span) continue;
    const path = span.path.length > 1 ? span.path.slice(-2).join('.') : `${doc.settings.defaultNamespace ?? 'public'}.${span.path[0]}`;
    const e = edits.get(path);
    if (!e) continue;
    const rest = text.slice(span.end);
    raw ??= { ...doc.raw };
    if (e.dropped.some((n) => namesColumn(rest, n))) delete raw[r.id];
    else if (e.renamed.length) raw[r.id] = { ...r, text: text.slice(0, span.end) + renameColumnRefs(rest, e.renamed) };
  }
  return raw ? { ...doc, raw } : doc;
}
