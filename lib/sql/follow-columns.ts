/**
 * What follows a change of a table's columns, as it follows ALTER TABLE in PostgreSQL: a column
 * renamed (its database name) is renamed where the table's checks, indexes and partition key name it;
 * a column dropped takes the keys, indexes and checks that name it; a partition has its partitioned
 * table's columns. Applied after every column edit, on the canvas and in the Prisma text alike.
 */
import { columnEdits, followColumnChanges, namesColumn, renameColumnRefs } from '../schema/column-refs';
import { newId } from '../schema/ids';
import type { Column, Id, RawObject, SchemaDocument, Table } from '../schema/types';
import { partitionsOf, type PostgresSqlSources } from './ddl/builder';
import { identPath, relationSpan } from './import/classify';
import { CREATE_INDEX } from './raw-subjects';


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
  // Relations on columns that went (a partition's, with its table's).
  const has = (t: Id, c: Id) => tables[t]?.columns.some((x) => x.id === c) ?? true;
  const gone = Object.values(doc.relations).filter((r) => r.kind === 'foreign-key' && ![...r.from.columns.map((c) => has(r.from.table, c)), ...r.to.columns.map((c) => has(r.to.table, c))].every(Boolean));
  const relations = gone.length ? Object.fromEntries(Object.entries(doc.relations).filter(([, r]) => !gone.includes(r))) : doc.relations;
  let next: SchemaDocument = { ...doc, tables, relations };
  next = withPartitionKeys(next, before);
  return withRawIndexes(next, before);
}

/**
 * A partition after its partitioned table's columns changed (`was` before, `parent` after): it has the
 * table's columns, its own where it had them (matched through the table's column ids, each once),
 * required where the table's are, and the table's new ones as columns of its own.
 */
function followParent(part: Table, was: Table, parent: Table): Table {
  const shape = (c: Column) => JSON.stringify([c.id, dbName(c), c.nullable, c.type, c.collation ?? null]);
  if (was.columns.length === parent.columns.length && was.columns.every((c, i) => shape(c) === shape(parent.columns[i]))) return part;
  const own = new Map(part.columns.map((c) => [dbName(c), c]));
  const before = new Map(was.columns.map((c) => [c.id, dbName(c)]));
  const taken = new Set<Id>();
  const claim = (name: string | undefined) => {
    const c = name === undefined ? undefined : own.get(name);
    if (!c || taken.has(c.id)) return undefined;
    taken.add(c.id);
    return c;
  };
  // The table's columns that were there first (a new one named like a renamed one's old name is new).
  const mine = new Map(parent.columns.flatMap((pc) => (before.has(pc.id) ? [[pc.id, claim(before.get(pc.id))] as const] : [])));
  const columns = parent.columns.map((pc): Column => {
    const m = before.has(pc.id) ? mine.get(pc.id) : claim(dbName(pc));
    if (!m) return { ...pc, id: newId('col') };
    const c: Column = { ...m, name: pc.name, dbName: pc.dbName, type: pc.type, collation: pc.collation, nullable: m.nullable && pc.nullable };
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

/** Raw kinds that name a table's columns after its name: indexes and keys kept as SQL. */
const RAW_ON_COLUMNS = new Set(['index', 'partition-index', 'constraint']);

/**
 * Indexes and keys kept as SQL on a table (`CREATE INDEX ... ON t (...)`, `ALTER TABLE t ADD
 * CONSTRAINT ... UNIQUE (...)`): a column renamed is renamed where they name it (a foreign key's
 * REFERENCES names another table's), and one dropped takes them, as in PostgreSQL, with what names
 * a dropped index (its comment, an ALTER INDEX).
 */
function withRawIndexes(doc: SchemaDocument, before: SchemaDocument): SchemaDocument {
  const edits = new Map<string, { renamed: [string, string][]; dropped: string[] }>();
  const fallback = doc.settings.defaultNamespace ?? 'public';
  const schemaOf = (t: Table) => (t.namespace ? before.namespaces[t.namespace]?.name : undefined) ?? fallback;
  for (const t of Object.values(doc.tables)) {
    const was = before.tables[t.id];
    if (!was || was.columns === t.columns) continue;
    const e = columnEdits(t, was);
    if (e.renamed.length || e.dropped.length) edits.set(`${schemaOf(was)}.${was.dbName ?? was.name}`, e);
  }
  if (!edits.size) return doc;
  let raw: Record<Id, RawObject> | undefined;
  const droppedIndexes = new Set<string>();
  for (const r of Object.values(doc.raw)) {
    if (r.dialect !== 'postgresql' || !RAW_ON_COLUMNS.has(r.kind)) continue;
    const text = r.text.trim();
    const span = relationSpan(text);
    if (!span) continue;
    const schema = span.path.length > 1 ? span.path.at(-2)! : fallback;
    const e = edits.get(`${schema}.${span.path.at(-1)}`);
    if (!e) continue;
    // What names the columns: after the table's name; for a key, from its column list to any REFERENCES.
    let from = span.end;
    if (r.kind === 'constraint') from = Math.max(from, text.indexOf('(', from));
    const refs = /\breferences\b/i.exec(text.slice(from));
    const to = refs ? from + refs.index : text.length;
    const part = text.slice(from, to);
    raw ??= { ...doc.raw };
    if (e.dropped.some((n) => namesColumn(part, n))) {
      delete raw[r.id];
      const name = CREATE_INDEX.exec(text)?.[1];
      if (name) droppedIndexes.add(`${schema}.${identPath(name)[0]}`);
    } else if (e.renamed.length) raw[r.id] = { ...r, text: text.slice(0, from) + renameColumnRefs(part, e.renamed) + text.slice(to) };
  }
  if (raw && droppedIndexes.size) {
    for (const r of Object.values(raw)) {
      const text = r.text.trim();
      if (!/^(comment\s+on\s+index|alter\s+index)\b/i.test(text)) continue;
      const path = relationSpan(text)?.path;
      if (path && droppedIndexes.has(`${path.length > 1 ? path.at(-2) : fallback}.${path.at(-1)}`)) delete raw[r.id];
    }
  }
  return raw ? { ...doc, raw } : doc;
}
