/**
 * Re-importing edited source text creates fresh ids. `reconcile` maps the new document's objects
 * onto the previous document's ids by name (tables, columns, enums, values, relations, indexes),
 * so a text edit keeps the canvas layout, selection and undo history meaningful. Objects that are
 * new keep their new ids and get positions; removed ones drop out.
 */
import type { Id, Index, Relation, SchemaDocument, Table } from './types';

const ID_TOKEN = /\b(?:doc|ns|tbl|col|idx|chk|rel|enum|val|view|raw|grp|note)_[A-Za-z0-9_-]+\b/g;

/** A relation by what it joins: tables and columns as ids of the previous document (`id` maps the new one's). */
function relationKey(r: Relation, id: (x: Id) => Id): string {
  if (r.kind === 'foreign-key') {
    const side = (s: { table: Id; columns: Id[] }) => `${id(s.table)}(${s.columns.map(id).join(',')})`;
    return `fk:${side(r.from)}>${side(r.to)}`;
  }
  return `mn:${id(r.a.table)}.${r.a.field.name}<>${id(r.b.table)}.${r.b.field.name}`;
}

export function reconcile(prev: SchemaDocument, next: SchemaDocument): SchemaDocument {
  const map = new Map<Id, Id>();
  const used = new Set<Id>();
  const link = (from: Id, to: Id | undefined) => {
    if (to && !used.has(to) && from !== to) {
      map.set(from, to);
      used.add(to);
    }
  };
  const prevTables = new Map(Object.values(prev.tables).map((t) => [t.name, t]));
  const prevByDb = new Map(Object.values(prev.tables).map((t) => [t.dbName ?? t.name, t]));
  for (const t of Object.values(next.tables)) {
    const old: Table | undefined = prevTables.get(t.name) ?? prevByDb.get(t.dbName ?? t.name);
    if (!old) continue;
    link(t.id, old.id);
    const oldCols = new Map(old.columns.map((c) => [c.name, c]));
    const oldColsDb = new Map(old.columns.map((c) => [c.dbName ?? c.name, c]));
    for (const c of t.columns) {
      const was = oldCols.get(c.name) ?? oldColsDb.get(c.dbName ?? c.name);
      link(c.id, was?.id);
    }
    // An index by its name, else by all it is, else by its columns: each old index is taken once, so
    // two indexes on the same columns (one partial, one of another method) keep their own ids.
    const oldNames = new Map(old.columns.map((c) => [c.id, c.name]));
    const newNames = new Map(t.columns.map((c) => [c.id, c.name]));
    const cols = (ix: Index, names: Map<Id, string>) => ix.columns.map((c) => (c.column ? names.get(c.column) : c.expression)).join(',');
    const keys = (ix: Index, names: Map<Id, string>) => {
      const basic = `${ix.unique}:${cols(ix, names)}`;
      const full = JSON.stringify([basic, ix.method ?? '', ix.where ?? '', ix.columns.map((c) => [c.sort, c.ops, c.length, c.nulls])]);
      return [...(ix.dbName ? [`name:${ix.dbName}`] : []), `full:${full}`, `basic:${basic}`];
    };
    const oldIdx = new Map<string, Id[]>();
    for (const ix of old.indexes) for (const k of keys(ix, oldNames)) (oldIdx.get(k) ?? oldIdx.set(k, []).get(k)!).push(ix.id);
    for (const ix of t.indexes) {
      const to = keys(ix, newNames).flatMap((k) => oldIdx.get(k) ?? []).find((id) => !used.has(id));
      link(ix.id, to);
    }
    const oldChecks = new Map(old.checks.map((c) => [c.expression, c.id]));
    for (const ck of t.checks) link(ck.id, oldChecks.get(ck.expression));
  }
  const prevEnums = new Map(Object.values(prev.enums).map((e) => [e.name, e]));
  for (const e of Object.values(next.enums)) {
    const old = prevEnums.get(e.name);
    if (!old) continue;
    link(e.id, old.id);
    const vals = new Map(old.values.map((v) => [v.name, v.id]));
    for (const v of e.values) link(v.id, vals.get(v.name));
  }
  const prevNs = new Map(Object.values(prev.namespaces).map((n) => [n.name, n.id]));
  for (const n of Object.values(next.namespaces)) link(n.id, prevNs.get(n.name));
  const prevViews = new Map(Object.values(prev.views).map((v) => [v.name, v]));
  for (const v of Object.values(next.views)) {
    const old = prevViews.get(v.name);
    if (!old) continue;
    link(v.id, old.id);
    const cols = new Map((old.columns ?? []).map((c) => [c.name, c.id]));
    for (const c of v.columns ?? []) link(c.id, cols.get(c.name));
  }
  // Matched by the tables and columns matched above, so a table renamed with @@map keeps its relations.
  const prevRels = new Map(Object.values(prev.relations).map((r) => [relationKey(r, (x) => x), r.id]));
  for (const r of Object.values(next.relations)) link(r.id, prevRels.get(relationKey(r, (x) => map.get(x) ?? x)));

  const { layout: _layout, id: _id, name: _name, ...rest } = next;
  void _layout;
  void _id;
  void _name;
  const text = JSON.stringify(rest).replace(ID_TOKEN, (m) => map.get(m) ?? m);
  const remapped = JSON.parse(text) as Omit<SchemaDocument, 'layout' | 'id' | 'name'>;
  const keep = new Set([...Object.keys(remapped.tables), ...Object.keys(remapped.enums), ...Object.keys(remapped.views)]);
  const nodes = Object.fromEntries(Object.entries(prev.layout.nodes).filter(([id]) => keep.has(id)));
  // New tables, enums and views go in a column to the right of what is there.
  const placed = Object.values(nodes);
  const right = placed.length ? Math.max(...placed.map((n) => n.x + (n.width ?? 260))) + 80 : 0;
  let y = placed.length ? Math.min(...placed.map((n) => n.y)) : 0;
  for (const id of [...Object.keys(remapped.tables), ...Object.keys(remapped.enums), ...Object.keys(remapped.views)]) {
    if (nodes[id]) continue;
    nodes[id] = { x: right, y };
    const t = remapped.tables[id];
    y += 40 + 24 * (t ? t.columns.length : (remapped.enums[id]?.values.length ?? remapped.views[id]?.columns?.length ?? 3)) + 40;
  }
  const groups = Object.fromEntries(
    Object.entries(prev.layout.groups).map(([id, g]) => [id, { ...g, tableIds: g.tableIds.filter((t) => remapped.tables[t]) }]),
  );
  return { ...remapped, id: prev.id, name: prev.name, layout: { ...prev.layout, nodes, groups } };
}
