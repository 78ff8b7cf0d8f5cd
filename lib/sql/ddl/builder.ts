/**
 * The DDL builder: one generator for every dialect, driven by a small adapter (dialect.ts).
 * Order: preamble, schemas, enums, then tables / views / raw objects (in their imported order, else
 * tables, views, raw), m:n join tables, indexes, foreign keys (ALTER TABLE ADD CONSTRAINT, like
 * Prisma; inline for SQLite), comments, and last the raw objects that attach to others (triggers,
 * policies, comments on functions, ...).
 */
import type { Diagnostic } from '../../schema/diagnostics';
import type { Column, Enum, ForeignKeyRelation, Id, Index, IndexColumn, SchemaDocument, Table } from '../../schema/types';
import { datasourceExtensions } from '../../prisma/datasource';
import { sqlSources, type SqlSources } from '../sources';
import { environmentNamed } from '../../pglite/environments';
import { columnSql, commentWithin, expressionFor, isAutoincrement } from './columns';
import type { Dialect, TypeContext } from './dialect';
import { ACTION_SQL, joinTable, referentialActions } from './model';
import { foreignKeyName, indexName, primaryKeyName } from './names';

export type DdlStatementKind = 'preamble' | 'schema' | 'extension' | 'enum' | 'table' | 'view' | 'raw' | 'index' | 'foreign-key' | 'comment';

export interface DdlStatement {
  kind: DdlStatementKind;
  sql: string;
  /** The document object it comes from. */
  id?: Id;
}

export interface DdlResult {
  statements: DdlStatement[];
  diagnostics: Diagnostic[];
}

/** Raw object kinds that attach to tables or functions: written after everything else. */
export const LATE_RAW_KINDS = new Set(['trigger', 'policy', 'comment', 'alter', 'grant', 'rls', 'constraint', 'index', 'partition-index', 'rule', 'publication', 'sequence-owner']);

/**
 * PostgreSQL trivia the SQL import keeps in `sources.sql` beside the shared fields (the document has
 * no partitioning): a partitioned table's `PARTITION BY` clause, by table id.
 */
export interface PostgresSqlSources extends SqlSources {
  partitionBy?: Record<Id, string>;
  /** Partitions: attached (`ALTER TABLE parent ATTACH PARTITION child <bound>`) after the indexes. */
  partitionOf?: Record<Id, { parent: Id; bound: string }>;
  /** Tables created UNLOGGED (PostgreSQL keeps no WAL for them; other dialects have no such tables). */
  unlogged?: Id[];
  /**
   * Raw statements written for a non-default search_path: the statement that set it (`SET search_path = a, b`),
   * by raw id. The export sets it before such a raw and resets it before everything else.
   */
  searchPath?: Record<Id, string>;
  /** The platform the schema is written for (`supabase`): what it provides is not written (see pglite/environments). */
  environment?: string;
  /** The platform's extensions the SQL calls without making them (Supabase's uuid-ossp, pgcrypto): the platform has them; not written. */
  environmentExtensions?: string[];
  /** The platform's publications the SQL alters without making them (Supabase's supabase_realtime): not written. */
  environmentPublications?: string[];
  /** Roles the kept SQL names (policies `TO`) that the script did not make: the database needs them; not written. */
  roles?: string[];
}

/** The tables a SQL import read as partitions of another (`sources.sql.partitionOf`), with their parents. */
export function partitionsOf(doc: SchemaDocument): Map<Id, Id> {
  const of = (doc.sources.sql as PostgresSqlSources | undefined)?.partitionOf ?? {};
  return new Map(Object.entries(of).flatMap(([child, p]) => (doc.tables[child] ? [[child, p.parent]] : [])));
}

const RAW_DIALECT: Record<string, string> = { postgres: 'postgresql', mysql: 'mysql', sqlite: 'sqlite' };

export function buildDdl(doc: SchemaDocument, d: Dialect): DdlResult {
  const out: DdlStatement[] = [];
  const warned = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  const warn = (message: string) => {
    if (warned.has(message)) return;
    warned.add(message);
    diagnostics.push({ severity: 'warning', message: `${d.id}: ${message}`, code: 'sql/unsupported' });
  };
  const source = doc.settings.provider;
  const sameLanguage = d.provider === source || (d.id === 'postgres' && source === 'cockroachdb');
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
  const qTable = (t: Table) => qualify(t.namespace, tableName(t));
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
  /** Foreign keys by the table they are declared on. */
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
  /** The column as rendered: with the referenced column's type where the dialect needs them equal. */
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
  const ctx: TypeContext = {
    source,
    enumOf: (id) => doc.enums[id],
    enumTypeName: (e: Enum) => qualify(e.namespace, e.dbName ?? e.name),
    warn,
  };
  // Contexts made once, not per table or column (1,000 tables): warnings go to the table being written.
  let tableWarn = warn;
  const keyedCtx: TypeContext = { ...ctx, keyed: true, warn: (m) => tableWarn(m) };
  const plainCtx: TypeContext = { ...ctx, keyed: false, warn: (m) => tableWarn(m) };
  const silentKeyed: TypeContext = { ...ctx, keyed: true, warn: () => {} };
  const silentPlain: TypeContext = { ...ctx, keyed: false, warn: () => {} };
  const wholeCtx: TypeContext = { ...keyedCtx, wholeKey: true };
  const silentWhole: TypeContext = { ...silentKeyed, wholeKey: true };
  /** The type context of a column: keyed or not, and whether a foreign key needs it whole. */
  const typeCtx = (id: Id, silent: boolean) =>
    wholeKey.has(id) ? (silent ? silentWhole : wholeCtx) : keyed.has(id) ? (silent ? silentKeyed : keyedCtx) : silent ? silentPlain : plainCtx;

  const raws = Object.values(doc.raw).filter((r) => {
    if (r.dialect === RAW_DIALECT[d.id]) return true;
    if (r.dialect !== 'prisma') warn(`raw ${r.dialect} ${r.kind}${r.name ? ` ${r.name}` : ''} is not written to ${d.id}`);
    return false;
  });
  const expects = sqlSources(doc) as PostgresSqlSources;
  const environment = environmentNamed(expects.environment);
  if (environment) {
    // Not written: it is the platform's (a bare PostgreSQL lacks it, and the platform has it already).
    diagnostics.push({ severity: 'info', code: 'sql/environment', message: `${d.id}: written for ${environment.title}, which provides ${environment.provides}: those are not created here` });
  }
  if (expects.roles?.length) {
    diagnostics.push({ severity: 'info', code: 'sql/roles', message: `${d.id}: expects the roles ${expects.roles.join(', ')} (roles belong to the server, not the schema: not created here)` });
  }
  if (d.id === 'postgres' && raws.some((r) => /function|procedure|aggregate/.test(r.kind))) {
    out.push({ kind: 'preamble', sql: 'SET check_function_bodies = false' });
  }
  if (d.schemas) {
    for (const ns of Object.values(doc.namespaces)) out.push({ kind: 'schema', id: ns.id, sql: `CREATE SCHEMA IF NOT EXISTS ${d.quote(ns.name)}` });
  } else if (new Set(Object.values(doc.tables).map((t) => t.namespace).filter(Boolean)).size > 1) {
    warn('schemas (namespaces) are not supported; all tables are created in one database');
  }
  if (d.id === 'postgres') {
    // Extensions a Prisma datasource lists, created as Prisma Migrate does (unless kept as raw SQL).
    const kept = new Set(raws.filter((r) => r.kind === 'extension').map((r) => r.name));
    for (const ext of datasourceExtensions(doc)) {
      if (kept.has(ext.name)) continue;
      const sql = `CREATE EXTENSION IF NOT EXISTS ${d.quote(ext.name)}${ext.schema ? ` WITH SCHEMA ${d.quote(ext.schema)}` : ''}${ext.version ? ` VERSION ${d.stringLiteral(ext.version)}` : ''}`;
      out.push({ kind: 'extension', sql });
    }
  }
  if (d.enumTypes) {
    for (const e of Object.values(doc.enums)) {
      out.push({ kind: 'enum', id: e.id, sql: `CREATE TYPE ${ctx.enumTypeName(e)} AS ENUM (${e.values.map((v) => d.stringLiteral(v.dbName ?? v.name)).join(', ')})` });
    }
  }

  const indexCols = (t: Table, cols: IndexColumn[], forIndex: boolean, unique = true): string | undefined => {
    const parts: string[] = [];
    // The key's column types, for a dialect whose keys have a size limit (see Dialect.indexPrefix).
    const typeOf = (id?: Id) => {
      const col = columnOf(t, id);
      return col ? d.columnType(typed(col), typeCtx(col.id, true), false).sql : '';
    };
    const types = d.indexPrefix ? cols.map((ic) => (ic.column ? typeOf(ic.column) : '')) : [];
    for (const [i, ic] of cols.entries()) {
      let s: string;
      if (ic.expression) {
        if (d.expressionIndexes === false) return undefined;
        const expr = expressionFor(d, source, ic.expression, 'index', (note) => warn(`${tableName(t)}: index expression ${ic.expression} approximated (${note})`));
        if (expr === undefined) return undefined;
        s = `(${expr})`;
      } else {
        s = d.quote(colName(t, ic.column));
        const prefix = d.indexPrefix && types[i] ? d.indexPrefix(types[i], { unique, types }) : undefined;
        if (prefix === 'skip') return undefined;
        const length = ic.length ?? prefix;
        if (length && d.id === 'mysql') s += `(${length})`;
        if (!ic.length && typeof prefix === 'number' && unique) {
          warn(`${tableName(t)}: unique key on ${colName(t, ic.column)} holds only its first ${prefix} characters (${d.id} cannot index the whole column in this key)`);
        }
      }
      if (forIndex && ic.ops && d.indexMethods) s += ` ${ic.ops}`;
      if (ic.sort === 'desc') s += ' DESC';
      if (forIndex && ic.nulls && d.id === 'postgres') s += ` NULLS ${ic.nulls.toUpperCase()}`;
      parts.push(s);
    }
    return parts.join(', ');
  };
  const indexColNames = (t: Table, ix: { columns: IndexColumn[] }) => ix.columns.map((c) => (c.column ? colName(t, c.column) : 'expr'));
  // Prisma's `@@index(name:)` is the old spelling of `map:` (an index has no client name).
  const indexNameOf = (t: Table, ix: Index) => ix.dbName ?? (ix.unique ? undefined : ix.name) ?? indexName(tableName(t), indexColNames(t, ix), ix.unique, d.maxIdentifierLength);
  /** The name of an index the builder adds (MySQL: one an AUTO_INCREMENT or foreign key needs), clear of the table's own. */
  const addedIndexName = (t: Table, cols: string[]) =>
    uniqueName(indexName(tableName(t), cols, false, d.maxIdentifierLength), new Set(t.indexes.map((ix) => indexNameOf(t, ix).toLowerCase())), d.maxIdentifierLength, () => {});
  const usedFkNames = new Set<string>();
  const fkSql = (rel: ForeignKeyRelation) => {
    const from = tableOf(rel.from.table)!;
    const to = tableOf(rel.to.table)!;
    const { onDelete, onUpdate } = referentialActions(doc, rel);
    const fkName = rel.dbName ?? foreignKeyName(tableName(from), rel.from.columns.map((c) => colName(from, c)), d.maxIdentifierLength);
    const name = d.globalNames?.foreignKeys
      ? uniqueName(fkName, usedFkNames, d.maxIdentifierLength, (n) => warn(`${tableName(from)}: foreign key ${fkName} renamed ${n} (constraint names are unique per database)`))
      : fkName;
    const cols = (t: Table, ids: Id[]) => ids.map((c) => d.quote(colName(t, c))).join(', ');
    const actions = { DELETE: onDelete, UPDATE: onUpdate };
    if (d.id === 'mysql') {
      const notNull = rel.from.columns.filter((c) => columnOf(from, c)?.nullable === false);
      for (const on of ['DELETE', 'UPDATE'] as const) {
        if (actions[on] === 'set-default') warn(`${tableName(from)}: foreign key ${name} ON ${on} SET DEFAULT acts as RESTRICT in InnoDB`);
        // PostgreSQL then refuses the parent's change (the column cannot be NULL); MySQL refuses the key itself.
        if (actions[on] === 'set-null' && notNull.length) {
          warn(`${tableName(from)}: foreign key ${name} ON ${on} SET NULL on a NOT NULL column (${notNull.map((c) => colName(from, c)).join(', ')}) written as NO ACTION (MySQL refuses it; PostgreSQL would refuse the change)`);
          actions[on] = 'no-action';
        }
      }
    }
    let deferrable = '';
    if (rel.deferrable && d.id === 'mysql') warn(`${tableName(from)}: foreign key ${name} is DEFERRABLE in PostgreSQL; MySQL checks every key at once (written without it)`);
    else if (rel.deferrable) deferrable = rel.deferrable === 'deferred' ? ' DEFERRABLE INITIALLY DEFERRED' : ' DEFERRABLE';
    return `CONSTRAINT ${d.quote(name)} FOREIGN KEY (${cols(from, rel.from.columns)}) REFERENCES ${qTable(to)}(${cols(to, rel.to.columns)}) ON DELETE ${ACTION_SQL[actions.DELETE]} ON UPDATE ${ACTION_SQL[actions.UPDATE]}${deferrable}`;
  };

  // A foreign key's columns must be indexed whole (InnoDB's 3072 bytes): one whose key is longer is
  // not written (said once).
  const indexableFk = new Map<Id, boolean>();
  const fkIndexable = (rel: ForeignKeyRelation): boolean => {
    if (!d.indexPrefix) return true;
    let ok = indexableFk.get(rel.id);
    if (ok === undefined) {
      const to = tableOf(rel.to.table);
      const types = rel.to.columns.map((id) => {
        const col = to && columnOf(to, id);
        return col ? d.columnType(typed(col), typeCtx(col.id, true), false).sql : '';
      });
      ok = !types.some((t) => typeof d.indexPrefix!(t, { unique: false, types }) === 'number');
      const from = tableOf(rel.from.table)!;
      if (!ok) warn(`${tableName(from)}: foreign key (${rel.from.columns.map((c) => colName(from, c)).join(', ')}) to ${to ? tableName(to) : '?'} not written: its columns (${types.join(', ')}) are longer than ${d.id} can index whole`);
      indexableFk.set(rel.id, ok);
    }
    return ok;
  };
  const sources: PostgresSqlSources = sqlSources(doc);
  const order = sources.order ?? {};
  const notNullArrays = new Set(sources.notNullArrays ?? []);
  const partitionBy = d.id === 'postgres' ? sources.partitionBy ?? {} : {};
  const unlogged = new Set(sources.unlogged ?? []);
  // One options object, updated per column (1,000 tables: no object per column).
  const colOpts = { singlePk: false, inlineComment: d.comments === 'inline', notNullArrays, autoTaken: false, frozen: new Set<string>() };
  /** MySQL: indexes written in their table's CREATE TABLE (one an AUTO_INCREMENT column leads). */
  const inlinedIndexes = new Set<Id>();
  // A partition's identity column takes its identity from the parent when attached (PostgreSQL
  // refuses to attach a table with an identity of its own), so it is written as a plain column.
  const inheritedIdentity = new Set<Id>();
  if (d.id === 'postgres') {
    for (const [child, p] of Object.entries(sources.partitionOf ?? {})) {
      const parentIdentity = new Set(tableOf(p.parent)?.columns.filter((c) => c.identity).map((c) => c.dbName ?? c.name));
      for (const c of tableOf(child)?.columns ?? []) if (c.identity && parentIdentity.has(c.dbName ?? c.name)) inheritedIdentity.add(c.id);
    }
  }
  /**
   * MySQL: a row's columns may take at most 65,535 bytes (a VARCHAR counts its length in utf8mb4,
   * four bytes a character; TEXT a few). When a table's are more, its longest VARCHARs that no key or
   * index holds are written as LONGTEXT (as MySQL suggests), each with a warning. Returns their ids.
   */
  const rowTooWide = (t: Table): Set<Id> | undefined => {
    // A bound from the model first (most tables are far from the limit): text at least as wide as a VARCHAR(191).
    let bound = 0;
    for (const c of t.columns) {
      const ty = typed(c).type;
      const n = ty.native?.args[0];
      bound += ty.kind === 'String' || ty.kind === 'Bytes' || ty.kind === 'Unsupported' ? Math.max(766, n && /^\d+$/.test(n) ? Number(n) * 4 + 2 : 0) : 40;
    }
    if (bound <= 65000) return undefined;
    const width = (sql: string) => {
      const m = /^(VAR)?(CHAR|BINARY)\((\d+)\)/i.exec(sql);
      if (m) return Number(m[3]) * (/CHAR/i.test(m[2]) ? 4 : 1) + 2;
      const dec = /^DECIMAL\((\d+)/i.exec(sql);
      return dec ? Math.ceil(Number(dec[1]) / 2) + 1 : /TEXT|BLOB|JSON/i.test(sql) ? 12 : 8;
    };
    const cols = t.columns.map((c) => ({ c, sql: d.columnType(typed(c), silentPlain, false).sql }));
    let total = cols.reduce((sum, x) => sum + width(x.sql), 0);
    if (total <= 65000) return undefined;
    const out = new Set<Id>();
    const movable = cols.filter((x) => /^VARCHAR\(/i.test(x.sql) && !keyed.has(x.c.id) && !t.indexes.some((ix) => ix.columns.some((ic) => ic.column === x.c.id)));
    for (const x of movable.sort((a, b) => width(b.sql) - width(a.sql))) {
      if (total <= 65000) break;
      total -= width(x.sql) - 12;
      out.add(x.c.id);
      warn(`${tableName(t)}.${x.c.name}: ${x.sql} written as LONGTEXT (the table's columns are wider than MySQL's 65,535-byte row)`);
    }
    return out;
  };
  const createTable = (t: Table): string | undefined => {
    const pk = t.primaryKey?.columns;
    const singlePkId = pk?.length === 1 ? pk[0].column : undefined;
    const lines: string[] = [];
    let inlinePk = false;
    let autoTaken = false;
    // MySQL has one AUTO_INCREMENT column: the key's, when it auto-increments (another column's, an
    // imported nextval default, yields to it wherever it stands).
    const keyAuto = t.columns.find((c) => c.id === pk?.[0]?.column && (isAutoincrement(c) || c.identity))?.id;
    let autoStart: string | undefined;
    tableWarn = (m: string) => warn(`${tableName(t)}.${m}`);
    for (const name of [tableName(t), ...t.columns.map((c) => c.dbName ?? c.name), ...t.indexes.flatMap((ix) => ix.dbName ?? [])]) {
      const problem = d.identifierProblem?.(name);
      if (problem) warn(`${tableName(t)}: "${name}": ${problem}; the table will fail to create`);
    }
    // MySQL and SQLite compare column names without case.
    if (d.id !== 'postgres') {
      const seen = new Map<string, string>();
      for (const c of t.columns) {
        const name = c.dbName ?? c.name;
        const other = seen.get(name.toLowerCase());
        if (other !== undefined) warn(`${tableName(t)}: columns "${other}" and "${name}" differ only in case, which ${d.id} refuses; the table will fail to create`);
        else seen.set(name.toLowerCase(), name);
      }
    }
    const asText = d.id === 'mysql' ? rowTooWide(t) : undefined;
    // MariaDB refuses checks and generated columns over an AUTO_INCREMENT column (the table's first
    // one), or over one a foreign key changes (CASCADE, SET DEFAULT, SET NULL; not SET NULL on a NOT
    // NULL column, written as NO ACTION by fkSql).
    colOpts.frozen.clear();
    if (d.id === 'mysql' && (t.checks.length || t.columns.some((c) => c.generated))) {
      const auto = t.columns.find((c) => isAutoincrement(c) || c.identity);
      if (auto) colOpts.frozen.add(auto.dbName ?? auto.name);
      for (const rel of fksFrom.get(t.id) ?? []) {
        const { onDelete, onUpdate } = referentialActions(doc, rel);
        const notNull = rel.from.columns.some((c) => columnOf(t, c)?.nullable === false);
        const changes = (a: string) => a === 'cascade' || a === 'set-default' || (a === 'set-null' && !notNull);
        if (changes(onDelete) || changes(onUpdate)) for (const c of rel.from.columns) colOpts.frozen.add(colName(t, c));
      }
    }
    for (const col of t.columns) {
      const singlePk = singlePkId === col.id;
      // PostgreSQL 18 has virtual generated columns: keep them virtual (columnSql writes STORED).
      const virtual = d.id === 'postgres' && col.generated && !col.generated.stored ? col.generated : undefined;
      const base = inheritedIdentity.has(col.id) ? { ...typed(col), identity: undefined } : typed(col);
      const tc = asText?.has(col.id) ? { ...base, type: { ...base.type, native: { name: 'Text', args: [] } } } : base;
      if (base !== col && d.columnType(base, silentKeyed, false).sql !== d.columnType(col, silentKeyed, false).sql) {
        warn(`${tableName(t)}.${col.name}: foreign key column takes the referenced column's type`);
      }
      colOpts.singlePk = singlePk;
      colOpts.autoTaken = autoTaken || (!!keyAuto && keyAuto !== col.id);
      const c = columnSql(d, doc, virtual ? { ...tc, generated: undefined } : tc, typeCtx(col.id, false), colOpts);
      inlinePk ||= !!c.inlinePrimaryKey;
      autoTaken ||= !!c.auto;
      autoStart ??= c.autoStart;
      lines.push(virtual ? `${c.sql} ${d.generated(virtual.expression, false)}` : c.sql);
      if (d.id === 'mysql' && c.auto && pk?.[0]?.column !== col.id && !t.indexes.some((ix) => ix.unique && ix.constraint && ix.columns[0]?.column === col.id)) {
        // InnoDB needs an AUTO_INCREMENT column to lead a key of the CREATE TABLE: an index the
        // column leads is written in it (as Prisma writes MySQL indexes), else one is added.
        const lead = t.indexes.find((ix) => !ix.constraint && !ix.where && (!ix.method || ix.method === 'btree') && ix.columns[0]?.column === col.id && ix.columns.every((x) => x.column));
        const cols = lead && indexCols(t, lead.columns, true, lead.unique);
        if (lead && cols) {
          lines.push(`${lead.unique ? 'UNIQUE ' : ''}KEY ${d.quote(indexNameOf(t, lead))} (${cols})`);
          inlinedIndexes.add(lead.id);
        } else {
          lines.push(`KEY ${d.quote(addedIndexName(t, [col.dbName ?? col.name]))} (${d.quote(col.dbName ?? col.name)})`);
          warn(`${tableName(t)}.${col.name}: AUTO_INCREMENT column does not lead the primary key; an index on it is added`);
        }
      }
    }
    if (t.primaryKey && !inlinePk) {
      const name = t.primaryKey.dbName ?? primaryKeyName(tableName(t), d.maxIdentifierLength);
      const cols = indexCols(t, t.primaryKey.columns, false) ?? t.primaryKey.columns.map((c) => d.quote(colName(t, c.column))).join(', ');
      lines.push(`${d.id === 'mysql' ? '' : `CONSTRAINT ${d.quote(name)} `}PRIMARY KEY (${cols})`);
    }
    for (const ix of t.indexes.filter((i) => i.unique && i.constraint)) {
      const cols = indexCols(t, ix.columns, false);
      if (cols) lines.push(`CONSTRAINT ${d.quote(indexNameOf(t, ix))} UNIQUE (${cols})`);
      else warn(`${tableName(t)}: unique constraint ${indexNameOf(t, ix)} cannot be written for ${d.id}; skipped`);
    }
    // SQLite has no enum type: the column is TEXT, held to the enum's values by a check.
    if (d.id === 'sqlite') {
      for (const col of t.columns) {
        const e = col.type.kind === 'Enum' && col.type.enumId && !col.type.array ? doc.enums[col.type.enumId] : undefined;
        if (e) lines.push(`CHECK (${d.quote(col.dbName ?? col.name)} IN (${e.values.map((v) => d.stringLiteral(v.dbName ?? v.name)).join(', ')}))`);
      }
    }
    for (const ck of t.checks) {
      const expr = expressionFor(d, source, ck.expression, 'check', (note) => warn(`${tableName(t)}: check ${ck.dbName ?? ck.expression} approximated (${note})`));
      if (expr === undefined) {
        warn(`${tableName(t)}: check ${ck.dbName ?? ck.expression} is ${source} SQL; dropped`);
        continue;
      }
      const blocked = [...colOpts.frozen].find((n) => expr.includes(d.quote(n)));
      if (blocked !== undefined) {
        warn(`${tableName(t)}: check ${ck.dbName ?? ck.expression} dropped: MySQL refuses checks on ${blocked}, an AUTO_INCREMENT column or one a foreign key action changes`);
        continue;
      }
      lines.push(`${ck.dbName ? `CONSTRAINT ${d.quote(ck.dbName)} ` : ''}CHECK (${expr})`);
    }
    if (d.inlineForeignKeys) for (const rel of fksFrom.get(t.id) ?? []) lines.push(fkSql(rel));
    if (!lines.length && d.id !== 'postgres') {
      warn(`${tableName(t)}: a table without columns cannot be created in ${d.id}; skipped`);
      return undefined;
    }
    const tail = (autoStart ? ` AUTO_INCREMENT=${autoStart}` : '') + (d.comments === 'inline' && t.comment ? ` COMMENT=${d.stringLiteral(commentWithin(t.comment, 2048, (m) => warn(`${tableName(t)}: table comment ${m}`)))}` : '') + (partitionBy[t.id] ? ` PARTITION BY ${partitionBy[t.id]}` : '');
    if (unlogged.has(t.id) && d.id !== 'postgres') warn(`${tableName(t)}: an UNLOGGED table has no ${d.id} equivalent; written as a plain table`);
    return `CREATE ${unlogged.has(t.id) && d.id === 'postgres' ? 'UNLOGGED ' : ''}TABLE ${qTable(t)} (\n    ${lines.join(',\n    ')}\n)${tail}`;
  };

  // Tables, views and raw objects, in imported order when known.
  type Item = { rank: number; seq: number; emit: () => void };
  const items: Item[] = [];
  let seq = 0;
  for (const t of Object.values(doc.tables)) {
    items.push({
      rank: order[t.id] ?? -1,
      seq: seq++,
      emit: () => {
        const sql = createTable(t);
        if (sql) out.push({ kind: 'table', id: t.id, sql });
      },
    });
  }
  for (const v of Object.values(doc.views)) {
    items.push({
      rank: order[v.id] ?? 1e9,
      seq: seq++,
      emit: () => {
        if (!v.definition) return warn(`view ${v.name} has no SQL definition; skipped`);
        if (!sameLanguage) return warn(`view ${v.name} is ${source} SQL; skipped`);
        out.push({ kind: 'view', id: v.id, sql: `CREATE VIEW ${qualify(v.namespace, v.dbName ?? v.name)} AS ${v.definition.trim().replace(/;+$/, '')}` });
      },
    });
  }
  // Late raw SQL in three runs: keys and indexes kept as SQL (an INCLUDE or NULLS NOT DISTINCT unique
  // index can be what a foreign key references) before the foreign keys, foreign keys kept as SQL right
  // after the modelled ones, and the rest (triggers, policies, comments, ...) last.
  const rawSql = (r: { id: Id; text: string }): DdlStatement => ({ kind: 'raw', id: r.id, sql: r.text.trim().replace(/;+$/, '') });
  const isRawFk = (r: { kind: string; text: string }) => r.kind === 'constraint' && /\bFOREIGN\s+KEY\b/i.test(r.text);
  const lateKeys = raws.filter((r) => (r.kind === 'index' || r.kind === 'constraint') && !isRawFk(r));
  const lateFks = raws.filter(isRawFk);
  const late = raws.filter((r) => LATE_RAW_KINDS.has(r.kind) && r.kind !== 'index' && r.kind !== 'constraint' && r.kind !== 'partition-index');
  for (const r of raws.filter((x) => !LATE_RAW_KINDS.has(x.kind))) {
    items.push({ rank: order[r.id] ?? 2e9, seq: seq++, emit: () => out.push(rawSql(r)) });
  }
  items.sort((a, b) => a.rank - b.rank || a.seq - b.seq).forEach((i) => i.emit());
  for (const j of joins) out.push({ kind: 'table', id: j.id, sql: createTable(j)! });

  // SQLite's index names share one namespace with its tables'.
  const usedIndexNames = new Set<string>(d.id === 'sqlite' ? [...Object.values(doc.tables), ...joins].map((t) => tableName(t).toLowerCase()) : []);
  for (const t of [...Object.values(doc.tables), ...joins]) {
    // MySQL: index names are unique per table, compared without case.
    const tableIndexNames = d.id === 'mysql' && t.indexes.length > 1 ? new Set<string>() : undefined;
    for (const ix of t.indexes) {
      if ((ix.unique && ix.constraint) || inlinedIndexes.has(ix.id)) continue;
      const baseName = indexNameOf(t, ix);
      const ixName = d.globalNames?.indexes
        ? uniqueName(baseName, usedIndexNames, d.maxIdentifierLength, (n) => warn(`${tableName(t)}: index ${baseName} renamed ${n} (index names are unique per database)`))
        : tableIndexNames
          ? uniqueName(baseName, tableIndexNames, d.maxIdentifierLength, (n) => warn(`${tableName(t)}: index ${baseName} renamed ${n} (${d.id} compares index names without case)`))
          : baseName;
      let cols = indexCols(t, ix.columns, true, ix.unique);
      if (!cols) {
        warn(`${tableName(t)}: index ${ixName} cannot be written for ${d.id}; skipped`);
        continue;
      }
      let where = '';
      if (ix.where) {
        const pred = d.partialIndexes ? expressionFor(d, source, ix.where, 'predicate', (note) => warn(`${tableName(t)}: partial index ${ixName} predicate approximated (${note})`)) : undefined;
        if (pred === undefined) {
          warn(`${tableName(t)}: partial index ${ixName} ${ix.unique ? 'skipped' : 'written without its WHERE'}`);
          if (ix.unique) continue;
        } else where = ` WHERE ${pred}`;
      }
      let using = '';
      if (ix.method && ix.method !== 'btree') {
        if (d.indexMethods && ix.method !== 'fulltext') using = ` USING ${ix.method.toUpperCase()}`;
        else if (d.id === 'mysql' && ix.method === 'fulltext') cols = cols.replace(/\(\d+\)/g, '');
        else warn(`${tableName(t)}: index method ${ix.method} not supported; plain index`);
      }
      const kw = d.id === 'mysql' && ix.method === 'fulltext' ? 'FULLTEXT ' : ix.unique ? 'UNIQUE ' : '';
      const on = d.id === 'postgres' || d.schemas ? qTable(t) : d.quote(tableName(t));
      out.push({ kind: 'index', id: ix.id, sql: `CREATE ${kw}INDEX ${d.quote(ixName)} ON ${on}${using}(${cols})${where}` });
    }
  }
  if (d.fkTypesMatch) {
    // InnoDB: the referenced columns must lead an index, in order.
    const added = new Set<string>();
    for (const rel of fks) {
      if (!fkIndexable(rel)) continue;
      const to = tableOf(rel.to.table);
      if (!to) continue;
      const want = rel.to.columns;
      const leads = (cols: IndexColumn[]) => want.every((id, i) => cols[i]?.column === id && !cols[i].expression);
      if ((to.primaryKey && leads(to.primaryKey.columns)) || to.indexes.some((ix) => !ix.where && leads(ix.columns))) continue;
      const key = `${to.id}:${want.join(',')}`;
      if (added.has(key)) continue;
      added.add(key);
      const cols = want.map((id) => colName(to, id));
      const name = addedIndexName(to, cols);
      warn(`${tableName(to)}: index ${name} added, as foreign keys need the referenced columns (${cols.join(', ')}) to lead an index`);
      out.push({ kind: 'index', id: rel.id, sql: `CREATE INDEX ${d.quote(name)} ON ${qTable(to)}(${want.map((id) => d.quote(colName(to, id))).join(', ')})` });
    }
  }
  // Indexes of partitions kept as SQL whose parent index is modelled: before the partitions are attached.
  for (const r of raws.filter((x) => x.kind === 'partition-index')) out.push(rawSql(r));
  for (const [child, p] of Object.entries(sources.partitionOf ?? {})) {
    const parent = tableOf(p.parent);
    const part = tableOf(child);
    if (d.id !== 'postgres' || !part || !parent) continue;
    out.push({ kind: 'table', id: child, sql: `ALTER TABLE ${qTable(parent)} ATTACH PARTITION ${qTable(part)} ${p.bound}` });
  }
  for (const r of lateKeys) out.push(rawSql(r));
  if (!d.inlineForeignKeys) {
    for (const rel of fks) {
      if (!fkIndexable(rel)) continue;
      out.push({ kind: 'foreign-key', id: rel.id, sql: `ALTER TABLE ${qTable(tableOf(rel.from.table)!)} ADD ${fkSql(rel)}` });
    }
  }
  for (const r of lateFks) out.push(rawSql(r));
  if (d.comments === 'statements') {
    const c = (what: string, target: string, text: string | undefined, id: Id) =>
      text !== undefined && out.push({ kind: 'comment', id, sql: `COMMENT ON ${what} ${target} IS ${d.stringLiteral(text)}` });
    for (const ns of Object.values(doc.namespaces)) c('SCHEMA', d.quote(ns.name), ns.comment, ns.id);
    for (const e of Object.values(doc.enums)) c('TYPE', ctx.enumTypeName(e), e.comment, e.id);
    for (const t of Object.values(doc.tables)) {
      c('TABLE', qTable(t), t.comment, t.id);
      for (const col of t.columns) if (col.comment !== undefined) c('COLUMN', `${qTable(t)}.${d.quote(col.dbName ?? col.name)}`, col.comment, col.id);
    }
    if (sameLanguage) for (const v of Object.values(doc.views)) c('VIEW', qualify(v.namespace, v.dbName ?? v.name), v.comment, v.id);
  } else if (d.comments === 'none' && Object.values(doc.tables).some((t) => t.comment || t.columns.some((c) => c.comment))) {
    warn('comments are not supported; dropped');
  }
  for (const r of late) out.push(rawSql(r));
  // A platform's own search_path (Supabase's reaches its extensions) is said, not RESET to: the same there, and elsewhere.
  const platformPath = environmentNamed(sources.environment)?.searchPath;
  const reset = platformPath ? `SET search_path = ${platformPath}` : 'RESET search_path';
  return { statements: d.id === 'postgres' && sources.searchPath ? withSearchPaths(out, sources.searchPath, reset) : out, diagnostics };
}

/** Sets each raw statement's search_path before it, and resets it before generated (qualified) SQL. */
function withSearchPaths(list: DdlStatement[], paths: Record<Id, string>, reset: string): DdlStatement[] {
  const out: DdlStatement[] = [];
  let current: string | undefined;
  for (const st of list) {
    const want = st.kind === 'raw' && st.id ? paths[st.id] : undefined;
    if (want !== current && st.kind !== 'preamble') {
      out.push({ kind: 'preamble', sql: want ?? reset });
      current = want;
    }
    out.push(st);
  }
  if (current !== undefined) out.push({ kind: 'preamble', sql: reset });
  return out;
}

/** The same column type (kind, native type and arguments, enum; `array` as given for `a`): it renders the same. */
function sameType(a: Column['type'], b: Column['type'], aArray = a.array): boolean {
  if (a.kind !== b.kind || !!aArray !== !!b.array || a.enumId !== b.enumId || a.unsupported !== b.unsupported || a.composite !== b.composite) return false;
  if (!a.native || !b.native) return !a.native && !b.native;
  return a.native.name === b.native.name && a.native.args.join() === b.native.args.join();
}

/** `name`, or `name_2`, `name_3`, ... when already taken (cut to `max` characters); records the result. */
function uniqueName(name: string, used: Set<string>, max: number, renamed: (n: string) => void): string {
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

/** The statements as one script, each ended with `;`. */
export function renderDdl(result: DdlResult | DdlStatement[]): string {
  const list = Array.isArray(result) ? result : result.statements;
  if (!list.length) return '';
  const sql: string[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) sql[i] = list[i].sql;
  return `${sql.join(';\n\n')};\n`;
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
