/**
 * Re-importing edited source text creates fresh ids. `reconcile` maps the new document's objects
 * onto the previous document's ids by name (tables, columns, enums, values, relations, indexes),
 * so a text edit keeps the canvas layout, selection and undo history meaningful. Objects that are
 * new keep their new ids and get positions; removed ones drop out.
 */
import type { Id, Relation, SchemaDocument, Table } from './types';

const ID_TOKEN = /\b(?:doc|ns|tbl|col|idx|chk|rel|enum|val|view|raw|grp|note)_[A-Za-z0-9_-]+\b/g;

function relationKey(doc: SchemaDocument, r: Relation, names: (id: Id) => string): string {
  if (r.kind === 'foreign-key') {
    const cols = (t: Id, ids: Id[]) => ids.map((c) => doc.tables[t]?.columns.find((x) => x.id === c)?.name).join(',');
    return `fk:${names(r.from.table)}(${cols(r.from.table, r.from.columns)})>${names(r.to.table)}(${cols(r.to.table, r.to.columns)})`;
  }
  return `mn:${names(r.a.table)}.${r.a.field.name}<>${names(r.b.table)}.${r.b.field.name}`;
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
      // A generated column comes back from Prisma text as the default db pull writes for it
      // (`@default(dbgenerated("expr"))`): it is still generated.
      if (was?.generated && c.default?.kind === 'sql' && c.default.expression === was.generated.expression && !c.generated) {
        c.generated = was.generated;
        delete c.default;
      }
    }
    const sig = (ix: { unique: boolean; columns: { column?: Id; expression?: string }[] }, cols: Map<Id, string>) =>
      `${ix.unique}:${ix.columns.map((c) => (c.column ? cols.get(c.column) : c.expression)).join(',')}`;
    const oldNames = new Map(old.columns.map((c) => [c.id, c.name]));
    const newNames = new Map(t.columns.map((c) => [c.id, c.name]));
    const oldIdx = new Map(old.indexes.map((ix) => [sig(ix, oldNames), ix.id]));
    for (const ix of t.indexes) link(ix.id, oldIdx.get(sig(ix, newNames)));
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
  const prevName = (id: Id) => prev.tables[id]?.name ?? id;
  const nextName = (id: Id) => next.tables[id]?.name ?? id;
  const prevRels = new Map(Object.values(prev.relations).map((r) => [relationKey(prev, r, prevName), r.id]));
  for (const r of Object.values(next.relations)) link(r.id, prevRels.get(relationKey(next, r, nextName)));

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
