/**
 * What every part of the DDL builder shares for one document and dialect: the warnings, the tables
 * (the m:n join tables included), their names as written, columns by id, the foreign keys, which
 * columns a key holds, and the type contexts columns are rendered in. Made once per build: 1,000
 * tables must not pay for lookups per column.
 */
import type { Diagnostic } from '../../schema/diagnostics';
import type { Column, Enum, ForeignKeyRelation, Id, Provider, RawObject, SchemaDocument, Table } from '../../schema/types';
import { sqlSources } from '../sources';
import type { DdlStatement, PostgresSqlSources } from './builder';
import type { Dialect, TypeContext } from './dialect';
import { joinTable } from './model';

export interface BuildContext {
  doc: SchemaDocument;
  d: Dialect;
  /** The document's provider (how its types and expressions read). */
  source: Provider;
  /** Views' SQL is in the target's language. */
  sameLanguage: boolean;
  out: DdlStatement[];
  diagnostics: Diagnostic[];
  /** A warning, said once. */
  warn(message: string): void;
  /** Where a column's type warnings go: the table being written (set by the table writer). */
  tableWarn: (message: string) => void;
  sources: PostgresSqlSources;
  /** Raw SQL in the target's dialect (the others are warned about). */
  raws: RawObject[];
  /** The m:n join tables, made from their relations. */
  joins: Table[];
  /** Foreign keys written (not virtual), the join tables' included. */
  fks: ForeignKeyRelation[];
  /** Foreign keys by the table they are declared on. */
  fksFrom: Map<Id, ForeignKeyRelation[]>;
  /** Columns a primary key, unique index or foreign key holds. */
  keyed: Set<Id>;
  qualify(ns: Id | undefined, name: string): string;
  tableOf(id: Id): Table | undefined;
  tableName(t: Table): string;
  qTable(t: Table): string;
  columnOf(t: Table, id: Id | undefined): Column | undefined;
  colName(t: Table, id?: Id): string;
  /** The column as rendered: with the referenced column's type where the dialect needs them equal. */
  typed(col: Column): Column;
  /** The type context of a column: keyed or not, and whether a foreign key needs it whole. */
  typeCtx(id: Id, silent: boolean): TypeContext;
  types: { plain: TypeContext; silentPlain: TypeContext; silentKeyed: TypeContext };
  enumTypeName(e: Enum): string;
}

const RAW_DIALECT: Record<string, string> = { postgres: 'postgresql', mysql: 'mysql', sqlite: 'sqlite' };

export function buildContext(doc: SchemaDocument, d: Dialect): BuildContext {
  const warned = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  const warn = (message: string) => {
    if (warned.has(message)) return;
    warned.add(message);
    diagnostics.push({ severity: 'warning', message: `${d.id}: ${message}`, code: 'sql/unsupported' });
  };
  const source = doc.settings.provider;
  const nsName = (id?: Id) => (id && d.schemas ? doc.namespaces[id]?.name : undefined);
  const qualify = (ns: Id | undefined, name: string) => {
    const n = nsName(ns);
    return n ? `${d.quote(n)}.${d.quote(name)}` : d.quote(name);
  };
  // The document's tables plus the m:n join tables (looked up, not copied: 1,000 tables add up).
  const joinById = new Map<Id, Table>();
  const tableOf = (id: Id): Table | undefined => doc.tables[id] ?? joinById.get(id);
  const fks: ForeignKeyRelation[] = [];
  const joins: Table[] = [];
  for (const rel of Object.values(doc.relations)) {
    if (rel.kind === 'foreign-key') {
      if (!rel.virtual) fks.push(rel);
      continue;
    }
    const j = joinTable(doc, rel);
    if (!j) {
      warn(`many-to-many relation ${rel.name ?? rel.id}: both models need a single-column primary key; join table skipped`);
      continue;
    }
    joinById.set(j.table.id, j.table);
    joins.push(j.table);
    if (!rel.virtual) fks.push(...j.relations);
  }
  const flat = d.schemas ? undefined : flatTableNames(doc, warn, d.maxIdentifierLength);
  const tableName = (t: Table) => flat?.get(t.id) ?? t.dbName ?? t.name;
  // A column by id within its table: a scan for ordinary widths, a map (built once) for wide tables.
  const wide = new Map<Table, Map<Id, Column>>();
  const columnOf = (t: Table, id: Id | undefined): Column | undefined => {
    if (t.columns.length <= 16) {
      for (const c of t.columns) if (c.id === id) return c;
      return undefined;
    }
    let m = wide.get(t);
    if (!m) wide.set(t, (m = new Map(t.columns.map((c) => [c.id, c]))));
    return id === undefined ? undefined : m.get(id);
  };
  const colName = (t: Table, id?: Id) => {
    const c = columnOf(t, id);
    return c ? c.dbName ?? c.name : '?';
  };
  // Columns in a primary key, unique index or foreign key, and the column each foreign-key column references.
  const keyed = new Set<Id>();
  const fkTarget = new Map<Id, Column>();
  for (const t of [...Object.values(doc.tables), ...joins]) {
    for (const c of t.primaryKey?.columns ?? []) if (c.column) keyed.add(c.column);
    for (const ix of t.indexes) if (ix.unique) for (const c of ix.columns) if (c.column) keyed.add(c.column);
  }
  const wholeKey = d.indexPrefix ? wholeKeyColumns(fks) : new Set<Id>();
  const fksFrom = new Map<Id, ForeignKeyRelation[]>();
  for (const rel of fks) {
    const list = fksFrom.get(rel.from.table);
    if (list) list.push(rel);
    else fksFrom.set(rel.from.table, [rel]);
    const to = tableOf(rel.to.table);
    rel.from.columns.forEach((id, i) => {
      keyed.add(id);
      keyed.add(rel.to.columns[i]);
      if (!d.fkTypesMatch || fkTarget.has(id)) return;
      const target = to && columnOf(to, rel.to.columns[i]);
      if (target) fkTarget.set(id, target);
    });
  }
  const typedCache = new Map<Column, Column>();
  const typed = (col: Column): Column => {
    const first = d.fkTypesMatch ? fkTarget.get(col.id) : undefined;
    if (!first) return col;
    let out = typedCache.get(col);
    if (!out) {
      let target: Column | undefined = first;
      for (let hops = 0; target && hops < 5 && fkTarget.has(target.id); hops++) target = fkTarget.get(target.id);
      // The referenced column's type, not its domain (a PostgreSQL domain the referencing column does not have).
      const { domain: _domain, ...targetType } = target?.type ?? col.type;
      out = target && target.id !== col.id && !sameType(target.type, col.type, col.type.array) ? { ...col, type: { ...targetType, array: col.type.array } } : col;
      typedCache.set(col, out);
    }
    return out;
  };
  const enumTypeName = (e: Enum) => qualify(e.namespace, e.dbName ?? e.name);
  const plain: TypeContext = { source, enumOf: (id) => doc.enums[id], enumTypeName, warn };
  // Contexts made once, not per table or column (1,000 tables): warnings go to the table being written.
  const c = { tableWarn: warn } as BuildContext;
  const keyedCtx: TypeContext = { ...plain, keyed: true, warn: (m) => c.tableWarn(m) };
  const plainCtx: TypeContext = { ...plain, keyed: false, warn: (m) => c.tableWarn(m) };
  const silentKeyed: TypeContext = { ...plain, keyed: true, warn: () => {} };
  const silentPlain: TypeContext = { ...plain, keyed: false, warn: () => {} };
  const wholeCtx: TypeContext = { ...keyedCtx, wholeKey: true };
  const silentWhole: TypeContext = { ...silentKeyed, wholeKey: true };
  const typeCtx = (id: Id, silent: boolean) =>
    wholeKey.has(id) ? (silent ? silentWhole : wholeCtx) : keyed.has(id) ? (silent ? silentKeyed : keyedCtx) : silent ? silentPlain : plainCtx;

  // Raw SQL of another dialect: one warning per kind, naming the first few (a dump can hold hundreds).
  const notWritten = new Map<string, string[]>();
  const raws = Object.values(doc.raw).filter((r) => {
    if (r.dialect === RAW_DIALECT[d.id]) return true;
    if (r.dialect !== 'prisma') {
      const list = notWritten.get(`${r.dialect} ${r.kind}`) ?? [];
      list.push(r.name ?? '');
      notWritten.set(`${r.dialect} ${r.kind}`, list);
    }
    return false;
  });
  for (const [what, list] of notWritten) {
    const named = [...new Set(list.filter(Boolean))].slice(0, 5);
    const more = list.length - named.length;
    const names = named.length ? ` ${named.join(', ')}${more ? ` and ${more} more` : ''}` : list.length > 1 ? ` (${list.length})` : '';
    warn(`raw ${what}${names} ${list.length > 1 ? 'are' : 'is'} not written to ${d.id}`);
  }
  return Object.assign(c, {
    doc,
    d,
    source,
    sameLanguage: d.provider === source || (d.id === 'postgres' && source === 'cockroachdb'),
    out: [],
    diagnostics,
    warn,
    sources: sqlSources(doc) as PostgresSqlSources,
    raws,
    joins,
    fks,
    fksFrom,
    keyed,
    qualify,
    tableOf,
    tableName,
    qTable: (t: Table) => qualify(t.namespace, tableName(t)),
    columnOf,
    colName,
    typed,
    typeCtx,
    types: { plain, silentPlain, silentKeyed },
    enumTypeName,
  });
}

/** The same column type (kind, native type and arguments, enum; `array` as given for `a`): it renders the same. */
function sameType(a: Column['type'], b: Column['type'], aArray = a.array): boolean {
  if (a.kind !== b.kind || !!aArray !== !!b.array || a.enumId !== b.enumId || a.unsupported !== b.unsupported || a.composite !== b.composite) return false;
  if (!a.native || !b.native) return !a.native && !b.native;
  return a.native.name === b.native.name && a.native.args.join() === b.native.args.join();
}

/** `name`, or `name_2`, `name_3`, ... when already taken (cut to `max` characters); records the result. */
export function uniqueName(name: string, used: Set<string>, max: number, renamed: (n: string) => void): string {
  let n = name;
  for (let i = 2; used.has(n.toLowerCase()); i++) n = `${name.slice(0, max - String(i).length - 1)}_${i}`;
  used.add(n.toLowerCase());
  if (n !== name) renamed(n);
  return n;
}

/**
 * Table names for dialects without schemas: the database name, or `<schema>_<name>` for a table whose
 * name is taken by a table of another schema (compared case-insensitively, as MySQL and SQLite do).
 */
export function flatTableNames(doc: SchemaDocument, warn: (message: string) => void = () => {}, max = 64): Map<Id, string> {
  const out = new Map<Id, string>();
  const used = new Set<string>();
  for (const t of Object.values(doc.tables)) {
    const base = t.dbName ?? t.name;
    let name = base;
    if (used.has(name.toLowerCase())) {
      const ns = t.namespace ? doc.namespaces[t.namespace]?.name : undefined;
      name = (ns ? `${ns}_${base}` : base).slice(0, max);
      for (let i = 2; used.has(name.toLowerCase()); i++) name = `${`${ns ?? ''}_${base}`.slice(0, max - String(i).length - 1)}_${i}`;
      warn(`${ns ? `${ns}.` : ''}${base}: another schema has a table of that name; written as ${name}`);
    }
    used.add(name.toLowerCase());
    out.set(t.id, name);
  }
  return out;
}

/**
 * For dialects whose keys have a size limit (Dialect.indexPrefix): the columns a one-column foreign
 * key needs indexed whole (see TypeContext.wholeKey), also when a multi-column key holds them too
 * (that key indexes prefixes; InnoDB indexes the foreign key's column on its own). Both ends of a
 * foreign key have one type, so when one end cannot be whole, neither is.
 */
function wholeKeyColumns(fks: ForeignKeyRelation[]): Set<Id> {
  const whole = new Set<Id>();
  const single = fks.filter((rel) => rel.from.columns.length === 1);
  for (const rel of single) whole.add(rel.from.columns[0]).add(rel.to.columns[0]);
  for (let changed = true; changed; ) {
    changed = false;
    for (const rel of single) {
      const [a, b] = [rel.from.columns[0], rel.to.columns[0]];
      if (whole.has(a) !== whole.has(b)) {
        whole.delete(a);
        whole.delete(b);
        changed = true;
      }
    }
  }
  return whole;
}
