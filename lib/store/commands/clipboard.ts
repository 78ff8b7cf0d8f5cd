/**
 * Copy, paste and duplicate. A fragment holds whole tables plus the relations among them and the
 * enums their columns use; pasting gives every object a new id, renames tables that would clash, and
 * offsets positions. In another document, an enum comes along unless one of the same name and values
 * is there, and a table whose schema is not there goes to the default one.
 */
import { command, type Command } from '../command';
import { newId, type IdGenerator } from '../../schema/ids';
import { defaultNamespaceId } from '../../schema/document';
import type { Column, Enum, Id, NodeLayout, Relation, SchemaDocument, Table } from '../../schema/types';

export interface Fragment {
  kind: 'schemata-fragment';
  version: 1;
  tables: Table[];
  relations: Relation[];
  layout: Record<Id, NodeLayout>;
  /** The enums the tables' columns use (absent in fragments copied before they were carried). */
  enums?: Enum[];
  /** The names of the schemas (namespaces) the tables and enums are in, by id. */
  namespaces?: Record<Id, string>;
}

export function copyTables(doc: SchemaDocument, tableIds: Iterable<Id>): Fragment | null {
  const ids = new Set([...tableIds].filter((id) => doc.tables[id]));
  if (!ids.size) return null;
  const relations = Object.values(doc.relations).filter((r) =>
    r.kind === 'foreign-key' ? ids.has(r.from.table) && ids.has(r.to.table) : ids.has(r.a.table) && ids.has(r.b.table),
  );
  const layout: Record<Id, NodeLayout> = {};
  for (const id of ids) if (doc.layout.nodes[id]) layout[id] = doc.layout.nodes[id];
  const tables = [...ids].map((id) => doc.tables[id]);
  const enumIds = new Set(tables.flatMap((t) => t.columns.flatMap((c) => (c.type.enumId ? [c.type.enumId] : []))));
  const enums = [...enumIds].flatMap((id) => (doc.enums[id] ? [doc.enums[id]] : []));
  const namespaces = Object.fromEntries([...tables, ...enums].flatMap((x) => (x.namespace && doc.namespaces[x.namespace] ? [[x.namespace, doc.namespaces[x.namespace].name]] : [])));
  return { kind: 'schemata-fragment', version: 1, tables, relations, layout, ...(enums.length ? { enums } : {}), ...(Object.keys(namespaces).length ? { namespaces } : {}) };
}

export function isFragment(v: unknown): v is Fragment {
  return typeof v === 'object' && v !== null && (v as Fragment).kind === 'schemata-fragment' && Array.isArray((v as Fragment).tables);
}

function freeName(taken: Set<string>, base: string): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) {
    const candidate = i === 2 ? `${base}Copy` : `${base}Copy${i - 1}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Pastes a fragment; `onPasted` receives the new table ids (to select them). */
export function pasteFragment(
  fragment: Fragment,
  opts: { offset?: { x: number; y: number }; ids?: IdGenerator; onPasted?: (ids: Id[]) => void } = {},
): Command {
  const ids = opts.ids ?? newId;
  const offset = opts.offset ?? { x: 40, y: 40 };
  return command('clipboard/paste', `Paste ${fragment.tables.length} table(s)`, (doc) => {
    const map = new Map<Id, Id>();
    const fresh = (old: Id, prefix: Parameters<IdGenerator>[0]) => {
      const id = ids(prefix);
      map.set(old, id);
      return id;
    };
    const enums = pastedEnums(doc, fragment, ids);
    const taken = new Set([...Object.values(doc.tables), ...Object.values(enums.all), ...Object.values(doc.views)].map((t) => t.name));
    const tables: Record<Id, Table> = { ...doc.tables };
    const nodes = { ...doc.layout.nodes };
    const newTableIds: Id[] = [];
    for (const t of fragment.tables) {
      const name = freeName(taken, t.name);
      taken.add(name);
      const id = fresh(t.id, 'tbl');
      const columns = t.columns.map((c): Column => {
        const enumId = c.type.enumId && enums.ids.get(c.type.enumId);
        return { ...c, id: fresh(c.id, 'col'), ...(enumId ? { type: { ...c.type, enumId } } : {}) };
      });
      const remap = <T extends { column?: Id }>(cols: T[]) => cols.map((c) => (c.column ? { ...c, column: map.get(c.column) ?? c.column } : c));
      const copy: Table = {
        ...t,
        id,
        name,
        // A renamed copy must not keep the original's database name.
        dbName: t.dbName && name !== t.name ? undefined : t.dbName,
        columns,
        primaryKey: t.primaryKey ? { ...t.primaryKey, dbName: undefined, columns: remap(t.primaryKey.columns) } : undefined,
        indexes: t.indexes.map((ix) => ({ ...ix, id: ids('idx'), dbName: undefined, columns: remap(ix.columns) })),
        checks: t.checks.map((ck) => ({ ...ck, id: ids('chk'), dbName: undefined })),
      };
      if (!copy.primaryKey) delete copy.primaryKey;
      const ns = namespaceIn(doc, fragment, copy.namespace);
      if (ns) copy.namespace = ns;
      else delete copy.namespace;
      if (copy.dbName === undefined) delete copy.dbName;
      tables[id] = copy;
      newTableIds.push(id);
      const pos = fragment.layout[t.id] ?? { x: 0, y: 0 };
      nodes[id] = { ...pos, x: pos.x + offset.x, y: pos.y + offset.y };
    }
    const relations = { ...doc.relations };
    for (const r of fragment.relations) {
      const id = ids('rel');
      if (r.kind === 'foreign-key') {
        relations[id] = {
          ...r,
          id,
          dbName: undefined,
          from: { table: map.get(r.from.table)!, columns: r.from.columns.map((c) => map.get(c)!) },
          to: { table: map.get(r.to.table)!, columns: r.to.columns.map((c) => map.get(c)!) },
        };
        if (relations[id].dbName === undefined) delete (relations[id] as { dbName?: string }).dbName;
      } else {
        relations[id] = { ...r, id, a: { ...r.a, table: map.get(r.a.table)! }, b: { ...r.b, table: map.get(r.b.table)! } };
      }
    }
    opts.onPasted?.(newTableIds);
    return { ...doc, tables, relations, enums: enums.all, layout: { ...doc.layout, nodes } };
  });
}

/**
 * The document's enums with the fragment's it lacks, and the ids the pasted columns take: the same
 * enum when it is in the document, else one of the same name and values, else a copy (renamed when
 * the name is taken).
 */
function pastedEnums(doc: SchemaDocument, fragment: Fragment, ids: IdGenerator): { all: Record<Id, Enum>; ids: Map<Id, Id> } {
  const all = { ...doc.enums };
  const map = new Map<Id, Id>();
  const values = (e: Enum) => e.values.map((v) => `${v.name}=${v.dbName ?? ''}`).join();
  const taken = new Set([...Object.values(doc.enums), ...Object.values(doc.tables), ...Object.values(doc.views)].map((x) => x.name));
  for (const e of fragment.enums ?? []) {
    // The same enum (copied from this document): ids alone do not tell, as a duplicated document keeps them.
    const here = doc.enums[e.id];
    if (here && here.name === e.name && values(here) === values(e)) continue;
    const same = Object.values(doc.enums).find((x) => x.name === e.name && values(x) === values(e));
    if (same) {
      map.set(e.id, same.id);
      continue;
    }
    const name = freeName(taken, e.name);
    taken.add(name);
    const id = ids('enum');
    const copy: Enum = { ...e, id, name, values: e.values.map((v) => ({ ...v, id: ids('val') })) };
    if (name !== e.name) delete copy.dbName;
    const ns = namespaceIn(doc, fragment, copy.namespace);
    if (ns) copy.namespace = ns;
    else delete copy.namespace;
    all[id] = copy;
    map.set(e.id, id);
  }
  return { all, ids: map };
}

/**
 * The schema a pasted table or enum goes to: its own when the document has it (by id, else by name),
 * else, in a document with schemas (Prisma's multiSchema needs one on every model), the default one.
 */
function namespaceIn(doc: SchemaDocument, fragment: Fragment, ns: Id | undefined): Id | undefined {
  if (ns && doc.namespaces[ns] && (!fragment.namespaces?.[ns] || doc.namespaces[ns].name === fragment.namespaces[ns])) return ns;
  const all = Object.values(doc.namespaces);
  const name = ns ? fragment.namespaces?.[ns] : undefined;
  const byName = name !== undefined ? all.find((n) => n.name === name) : undefined;
  if (byName) return byName.id;
  return defaultNamespaceId(doc);
}
