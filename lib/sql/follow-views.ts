/**
 * Views follow their tables as PostgreSQL's views do: a document keeps a view as its SQL text, so a
 * view's query (and a materialized view's, kept as SQL) is rewritten after an edit of its tables the
 * way PostgreSQL's ALTER TABLE ... RENAME leaves it (follow-query), and a view that reads a column or
 * table dropped goes with it, as DROP ... CASCADE drops it. Policies and triggers kept as SQL follow
 * the same way (a policy's expressions, a trigger's WHEN and UPDATE OF columns). Without the parser
 * loaded, views, policies and triggers are left as they are.
 */
import type { Id, SchemaDocument, View } from '../schema/types';
import { followQuery, type N, type RelationChange } from './follow-query';
import { parsePg, pgQueryLoaded } from './preview/pg-query';
import { rawOnKeys, searchPathFor, tableKey, tableKeys } from './raw-subjects';

const dbName = (x: { name: string; dbName?: string }) => x.dbName ?? x.name;

/** Every relation's change from `before` to `doc`: its columns renamed or dropped, itself renamed, moved or dropped. */
export function relationChanges(doc: SchemaDocument, before: SchemaDocument): Map<string, RelationChange> {
  const out = new Map<string, RelationChange>();
  const was = tableKeys(before);
  const now = tableKeys(doc);
  for (const [id, key] of was) {
    const t = doc.tables[id];
    const b = before.tables[id];
    if (!t) {
      out.set(key, { renamed: new Map(), dropped: new Set(), columns: [], gone: true });
      continue;
    }
    if (t === b && now.get(id) === key) continue;
    const byId = new Map(t.columns.map((c) => [c.id, dbName(c)]));
    const renamed = new Map(b.columns.flatMap((c): [string, string][] => (byId.has(c.id) && byId.get(c.id) !== dbName(c) ? [[dbName(c), byId.get(c.id)!]] : [])));
    const dropped = new Set(b.columns.filter((c) => !byId.has(c.id)).map(dbName));
    const to = now.get(id) !== key ? now.get(id)!.split('\u0000') : undefined;
    if (renamed.size || dropped.size || to) out.set(key, { renamed, dropped, columns: t.columns.map(dbName), ...(to ? { to: { schema: to[0], name: to[1] } } : {}) });
  }
  for (const [key, v] of viewKeys(before)) if (!doc.views[v.id]) out.set(key, { renamed: new Map(), dropped: new Set(), columns: [], gone: true });
  return out;
}

/** Every view's key (schema and name), with the view. */
function viewKeys(doc: SchemaDocument): Map<string, View> {
  return new Map([...tableKeys(doc, true)].flatMap(([id, key]) => (doc.views[id] ? [[key, doc.views[id]] as const] : [])));
}

/** Raw kinds that read columns to follow: queries, policies' expressions, triggers' WHEN and UPDATE OF. */
const RAW_QUERIES = new Set(['materialized-view', 'view', 'policy', 'trigger']);

/**
 * `doc` after an edit from `before`: its views' queries (and materialized views kept as SQL) read the
 * renamed columns and tables by their new names, and a view that reads a column or table the edit
 * dropped is dropped with it, as is what reads that view (DROP ... CASCADE). Also lists what went.
 */
export function followViews(doc: SchemaDocument, before: SchemaDocument): { doc: SchemaDocument; dropped: { views: Id[]; raw: Id[] } } {
  const none = { doc, dropped: { views: [], raw: [] } };
  const changes = relationChanges(doc, before);
  if (!changes.size) return none;
  const columnsOf = new Map<string, string[]>();
  for (const [id, key] of tableKeys(before)) columnsOf.set(key, before.tables[id].columns.map(dbName));
  const beforeViews = viewKeys(before);
  for (const [key, v] of beforeViews) if (v.columns?.length) columnsOf.set(key, v.columns.map(dbName));
  const pathFor = searchPathFor(before);
  const mentioned = (text: string) => [...changes.keys()].some((k) => text.toLowerCase().includes(k.slice(k.indexOf('\u0000') + 1).toLowerCase()));

  const views = { ...doc.views };
  const raw = { ...doc.raw };
  const dropped = { views: [] as Id[], raw: [] as Id[] };
  // Until nothing more goes: a view dropped takes what reads it (which needs the parser).
  for (let again = pgQueryLoaded(); again; ) {
    again = false;
    const ctx = { changes, columnsOf };
    for (const v of Object.values(views)) {
      const was = before.views[v.id];
      if (!was?.definition || !mentioned(was.definition)) continue;
      const out = followQuery(was.definition, { ...ctx, searchPath: pathFor() });
      if (!out) {
        delete views[v.id];
        dropped.views.push(v.id);
        const key = [...beforeViews].find(([, b]) => b.id === v.id)?.[0];
        if (key) changes.set(key, { renamed: new Map(), dropped: new Set(), columns: [], gone: true });
        again = true;
      } else if (out.text !== was.definition && v.definition === was.definition) views[v.id] = { ...v, definition: out.text };
    }
    for (const r of Object.values(raw)) {
      const was = before.raw[r.id];
      if (!was || r.dialect !== 'postgresql' || !RAW_QUERIES.has(r.kind) || !mentioned(was.text)) continue;
      const out = followQuery(was.text, { ...ctx, searchPath: pathFor(r.id) });
      if (!out) {
        delete raw[r.id];
        dropped.raw.push(r.id);
        const name = rawViewKey(was.text, pathFor(r.id)[0]);
        if (name) changes.set(name, { renamed: new Map(), dropped: new Set(), columns: [], gone: true });
        again = true;
      } else if (out.text !== was.text && r.text === was.text) raw[r.id] = { ...r, text: out.text };
    }
  }
  // What stands on a view dropped (an INSTEAD OF trigger, a rule, an index on a materialized view, ...) goes with it.
  const goneKeys = new Set([...beforeViews].filter(([, v]) => !views[v.id]).map(([k]) => k));
  for (const id of dropped.raw) {
    const key = rawViewKey(before.raw[id].text, pathFor(id)[0]);
    if (key) goneKeys.add(key);
  }
  for (const id of rawOnKeys(before, goneKeys)) {
    if (!raw[id]) continue;
    delete raw[id];
    dropped.raw.push(id);
  }
  if (!dropped.views.length && !dropped.raw.length && Object.values(views).every((v) => v === doc.views[v.id]) && Object.values(raw).every((r) => r === doc.raw[r.id])) return none;
  const nodes = dropped.views.length ? Object.fromEntries(Object.entries(doc.layout.nodes).filter(([id]) => !dropped.views.includes(id))) : doc.layout.nodes;
  return { doc: { ...doc, views, raw, layout: { ...doc.layout, nodes } }, dropped };
}

/** The key of the (materialized) view a raw statement creates. */
function rawViewKey(text: string, schema: string): string | undefined {
  try {
    const stmt = parsePg(text).stmts[0]?.stmt as N;
    const rv = stmt?.ViewStmt?.view ?? stmt?.CreateTableAsStmt?.into?.rel;
    return rv ? tableKey(rv.schemaname ?? schema, rv.relname) : undefined;
  } catch {
    return undefined;
  }
}
