/**
 * Re-importing edited source text creates fresh ids. `reconcile` maps the new document's objects
 * onto the previous document's ids, so a text edit keeps the canvas layout, selection and undo
 * history meaningful, and what follows a rename (indexes, checks, views, SQL kept) follows it.
 *
 * - By name first (tables, columns, enums, values, views, relations, indexes, checks).
 * - Then what a rename in place leaves over: a field or enum value whose name is new, standing
 *   right where one whose name is gone stood (after the same matched neighbour), is that one
 *   renamed, when its type is the same kind. A model, enum or view whose name is new is the
 *   unmatched one it shares most of its fields or values with (more than half of both, and at
 *   least two), when no other one ties. The code panel applies an edit as the user pauses typing,
 *   so a rename typed in the text is several renames in a row, each one matched so.
 *
 * Objects that are new keep their new ids and get positions; removed ones drop out.
 */
import type { ColumnType, Enum, Id, Index, Relation, SchemaDocument, Table, View } from './types';

const ID_TOKEN = /\b(?:doc|ns|tbl|col|idx|chk|rel|enum|val|view|raw|grp|note)_[A-Za-z0-9_-]+\b/g;

/** A relation by what it joins: tables and columns as ids of the previous document (`id` maps the new one's). */
function relationKey(r: Relation, id: (x: Id) => Id): string {
  if (r.kind === 'foreign-key') {
    const side = (s: { table: Id; columns: Id[] }) => `${id(s.table)}(${s.columns.map(id).join(',')})`;
    return `fk:${side(r.from)}>${side(r.to)}`;
  }
  // Either side may be `a`: Prisma orders them by model name when it makes the join table, not the text.
  const sides = [`${id(r.a.table)}.${r.a.field.name}`, `${id(r.b.table)}.${r.b.field.name}`].sort();
  return `mn:${sides[0]}<>${sides[1]}`;
}

export function reconcile(prev: SchemaDocument, next: SchemaDocument): SchemaDocument {
  const map = new Map<Id, Id>();
  const used = new Set<Id>();
  const link = (from: Id, to: Id | undefined) => {
    if (!to || used.has(to) || map.has(from)) return;
    if (from !== to) map.set(from, to);
    used.add(to);
  };
  const matched = (x: { id: Id }) => map.has(x.id) || used.has(x.id);

  // Enums first: a column's type names its enum by id.
  const prevEnums = new Map(Object.values(prev.enums).map((e) => [e.name, e]));
  const enumPairs: [Enum, Enum][] = [];
  for (const e of Object.values(next.enums)) {
    const old = prevEnums.get(e.name);
    if (old && !used.has(old.id)) enumPairs.push([e, old]);
    link(e.id, old?.id);
  }
  const valueNames = (e: Enum) => e.values.map((v) => v.dbName ?? v.name);
  enumPairs.push(...likest(Object.values(next.enums), Object.values(prev.enums), matched, used, valueNames, valueNames));
  for (const [e, old] of enumPairs) {
    link(e.id, old.id);
    const vals = new Map(old.values.map((v) => [v.name, v.id]));
    for (const v of e.values) link(v.id, vals.get(v.name));
    inPlace(old.values, e.values, map, used, link, () => true);
  }

  const prevTables = new Map(Object.values(prev.tables).map((t) => [t.name, t]));
  const prevByDb = new Map(Object.values(prev.tables).map((t) => [t.dbName ?? t.name, t]));
  const tablePairs: [Table, Table][] = [];
  for (const t of Object.values(next.tables)) {
    const old: Table | undefined = prevTables.get(t.name) ?? prevByDb.get(t.dbName ?? t.name);
    if (old && !used.has(old.id)) tablePairs.push([t, old]);
    link(t.id, old?.id);
  }
  const columnNames = (t: Table) => t.columns.flatMap((c) => [c.name, ...(c.dbName ? [c.dbName] : [])]);
  tablePairs.push(...likest(Object.values(next.tables), Object.values(prev.tables), matched, used, (t) => t.columns.map((c) => c.name), columnNames));
  const sameKind = (o: { type: ColumnType }, n: { type: ColumnType }) =>
    o.type.kind === n.type.kind && !!o.type.array === !!n.type.array && (o.type.kind !== 'Enum' || o.type.enumId === (map.get(n.type.enumId!) ?? n.type.enumId));
  for (const [t, old] of tablePairs) {
    link(t.id, old.id);
    const oldCols = new Map(old.columns.map((c) => [c.name, c]));
    const oldColsDb = new Map(old.columns.map((c) => [c.dbName ?? c.name, c]));
    for (const c of t.columns) {
      const was = oldCols.get(c.name) ?? oldColsDb.get(c.dbName ?? c.name);
      link(c.id, was?.id);
    }
    inPlace(old.columns, t.columns, map, used, link, sameKind);
    // An index by its name, else by all it is, else by its columns: each old index is taken once, so
    // two indexes on the same columns (one partial, one of another method) keep their own ids.
    // Columns are compared as the previous document's ids, so an index follows a renamed column.
    const colId = (id: Id) => map.get(id) ?? id;
    const cols = (ix: Index, id: (x: Id) => Id) => ix.columns.map((c) => (c.column ? id(c.column) : c.expression)).join(',');
    const keys = (ix: Index, id: (x: Id) => Id) => {
      const basic = `${ix.unique}:${cols(ix, id)}`;
      const full = JSON.stringify([basic, ix.method ?? '', ix.where ?? '', ix.columns.map((c) => [c.sort, c.ops, c.length, c.nulls])]);
      return [...(ix.dbName ? [`name:${ix.dbName}`] : []), `full:${full}`, `basic:${basic}`];
    };
    const oldIdx = new Map<string, Id[]>();
    for (const ix of old.indexes) for (const k of keys(ix, (x) => x)) (oldIdx.get(k) ?? oldIdx.set(k, []).get(k)!).push(ix.id);
    for (const ix of t.indexes) {
      const to = keys(ix, colId).flatMap((k) => oldIdx.get(k) ?? []).find((id) => !used.has(id));
      link(ix.id, to);
    }
    const oldChecks = new Map(old.checks.map((c) => [c.expression, c.id]));
    for (const ck of t.checks) link(ck.id, oldChecks.get(ck.expression));
  }
  const prevNs = new Map(Object.values(prev.namespaces).map((n) => [n.name, n.id]));
  for (const n of Object.values(next.namespaces)) link(n.id, prevNs.get(n.name));
  const prevViews = new Map(Object.values(prev.views).map((v) => [v.name, v]));
  const viewPairs: [View, View][] = [];
  for (const v of Object.values(next.views)) {
    const old = prevViews.get(v.name);
    if (old && !used.has(old.id)) viewPairs.push([v, old]);
    link(v.id, old?.id);
  }
  // A view from Prisma text keeps its fields as text (prismaBody).
  const viewColumns = (v: View) => (v.columns ? v.columns.map((c) => c.name) : [...(v.prismaBody ?? '').matchAll(/^[ \t]*([A-Za-z_]\w*)[ \t]+\S/gm)].map((m) => m[1]));
  viewPairs.push(...likest(Object.values(next.views), Object.values(prev.views), matched, used, viewColumns, viewColumns));
  for (const [v, old] of viewPairs) {
    link(v.id, old.id);
    const cols = new Map((old.columns ?? []).map((c) => [c.name, c.id]));
    for (const c of v.columns ?? []) link(c.id, cols.get(c.name));
    inPlace(old.columns ?? [], v.columns ?? [], map, used, link, sameKind);
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

/**
 * Items of `news` left unmatched by name, each paired with the unmatched item of `olds` that stood in
 * its place: right after the old item matched to the nearest matched item before it (or first).
 */
function inPlace<T extends { id: Id }>(olds: T[], news: T[], map: Map<Id, Id>, used: Set<Id>, link: (from: Id, to: Id) => void, fits: (o: T, n: T) => boolean): void {
  const at = new Map(olds.map((o, i) => [o.id, i]));
  const ids = new Set(news.map((n) => n.id));
  let next = 0;
  for (const n of news) {
    const was = at.get(map.get(n.id) ?? n.id);
    if (was !== undefined && used.has(olds[was].id)) {
      next = was + 1;
      continue;
    }
    const o = olds[next];
    if (o && !used.has(o.id) && !ids.has(o.id) && fits(o, n)) {
      link(n.id, o.id);
      next++;
    }
  }
}

/** Names held by more unmatched objects than this tell nothing apart (`id`, `createdAt`): they only confirm a candidate. */
const COMMON = 16;

/**
 * Unmatched objects of `next` paired with the unmatched ones of `prev` that share the most names
 * (fields, values) with them: more than half of either's and at least two (one for objects of one
 * name), and more than either shares with any other.
 */
function likest<T extends { id: Id }>(news: T[], olds: T[], matched: (x: T) => boolean, used: Set<Id>, newNames: (x: T) => string[], oldNames: (x: T) => string[]): [T, T][] {
  const ids = new Set(news.map((n) => n.id));
  const left = olds.filter((o) => !used.has(o.id) && !ids.has(o.id));
  if (!left.length) return [];
  // Candidates come through the names few unmatched objects have, so renaming all of a large schema's
  // models at once stays near linear; each candidate is then scored on all its names.
  const having = new Map<string, T[]>();
  const oldSets = new Map(left.map((o) => [o, new Set(oldNames(o))]));
  for (const [o, names] of oldSets) for (const x of names) (having.get(x) ?? having.set(x, []).get(x)!).push(o);
  const sizes = new Map(left.map((o) => [o, new Set(newNames(o)).size]));
  const scored: { n: T; o: T; shared: number }[] = [];
  for (const n of news) {
    if (matched(n)) continue;
    const names = new Set(newNames(n));
    const candidates = new Set<T>();
    for (const x of names) {
      const holders = having.get(x) ?? [];
      if (holders.length <= COMMON) for (const o of holders) candidates.add(o);
    }
    for (const o of candidates) {
      const have = oldSets.get(o)!;
      let shared = 0;
      for (const x of names) if (have.has(x)) shared++;
      const most = Math.max(sizes.get(o)!, names.size);
      if (shared * 2 > most && shared >= Math.min(2, most)) scored.push({ n, o, shared });
    }
  }
  // The best score of each side, and whether two share it.
  const best = new Map<T, { shared: number; tie: boolean }>();
  for (const s of scored) {
    for (const x of [s.n, s.o]) {
      const b = best.get(x);
      if (!b || s.shared > b.shared) best.set(x, { shared: s.shared, tie: false });
      else if (s.shared === b.shared) b.tie = true;
    }
  }
  const top = (x: T, shared: number) => best.get(x)!.shared === shared && !best.get(x)!.tie;
  return scored.filter((s) => top(s.n, s.shared) && top(s.o, s.shared)).map((s) => [s.n, s.o]);
}
