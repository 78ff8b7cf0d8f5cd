/**
 * `CREATE TABLE`: columns (with the referenced column's type where the dialect needs it), the primary
 * key, unique constraints, checks, SQLite's enum checks and inline foreign keys, and the table's
 * options (MySQL's AUTO_INCREMENT start and comment, PostgreSQL's PARTITION BY and UNLOGGED).
 */
import type { Id, Table } from '../../schema/types';
import { columnSql, commentWithin, expressionFor, isAutoincrement } from './columns';
import type { BuildContext } from './context';
import type { KeyWriter } from './keys';
import { referentialActions } from './model';
import { primaryKeyName } from './names';

export interface TableWriter {
  /** The statement, or undefined when the dialect cannot create the table (said). */
  createTable(t: Table): string | undefined;
  /** MySQL: indexes written in their table's CREATE TABLE (one an AUTO_INCREMENT column leads). */
  inlinedIndexes: Set<Id>;
}

export function tableWriter(ctx: BuildContext, keys: KeyWriter): TableWriter {
  const { d, doc, source, sources, warn, tableName, tableOf, columnOf, colName, typed, typeCtx, keyed, fksFrom, types, qTable } = ctx;
  const { indexCols, indexNameOf, addedIndexName, fkSql } = keys;
  const notNullArrays = new Set(sources.notNullArrays ?? []);
  const partitionBy = d.id === 'postgres' ? sources.partitionBy ?? {} : {};
  const unlogged = new Set(sources.unlogged ?? []);
  // One options object, updated per column (1,000 tables: no object per column).
  const colOpts = { singlePk: false, inlineComment: d.comments === 'inline', notNullArrays, autoTaken: false, frozen: new Set<string>() };
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
    const cols = t.columns.map((c) => ({ c, sql: d.columnType(typed(c), types.silentPlain, false).sql }));
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
  /** Names the database refuses, quoted or not, or takes only renamed, and (MySQL, SQLite) column names that differ only in case (after such a rename too): said. */
  const warnRefusedNames = (t: Table) => {
    for (const name of [tableName(t), ...t.columns.map((c) => c.dbName ?? c.name), ...t.indexes.flatMap((ix) => ix.dbName ?? [])]) {
      const problem = d.identifierProblem?.(name);
      if (problem) warn(`${tableName(t)}: "${name}": ${problem}; the table will fail to create`);
      const renamed = d.identifierRenamed?.(name);
      if (renamed) warn(`${tableName(t)}: "${name}" written as "${renamed.name}" (${renamed.why})`);
    }
    // MySQL and SQLite compare column names without case.
    if (d.id !== 'postgres') {
      const seen = new Map<string, string>();
      for (const c of t.columns) {
        const name = c.dbName ?? c.name;
        const key = (d.identifierRenamed?.(name)?.name ?? name).toLowerCase();
        const other = seen.get(key);
        if (other !== undefined) warn(`${tableName(t)}: columns "${other}" and "${name}" are one name to ${d.id} (it compares names without case${d.identifierRenamed ? ' or trailing spaces' : ''}); the table will fail to create`);
        else seen.set(key, name);
      }
    }
  };
  /**
   * MySQL: the columns a check or generated column may not read, into `frozen`.
   * MariaDB refuses checks and generated columns over an AUTO_INCREMENT column (the table's first
   * one), or over one a foreign key changes (CASCADE, SET DEFAULT, SET NULL; not SET NULL on a NOT
   * NULL column, written as NO ACTION by fkSql).
   */
  const frozenColumns = (t: Table, frozen: Set<string>) => {
    frozen.clear();
    if (d.id === 'mysql' && (t.checks.length || t.columns.some((c) => c.generated))) {
      const auto = t.columns.find((c) => isAutoincrement(c) || c.identity);
      if (auto) frozen.add(auto.dbName ?? auto.name);
      for (const rel of fksFrom.get(t.id) ?? []) {
        const { onDelete, onUpdate } = referentialActions(doc, rel);
        const notNull = rel.from.columns.some((c) => columnOf(t, c)?.nullable === false);
        const changes = (a: string) => a === 'cascade' || a === 'set-default' || (a === 'set-null' && !notNull);
        if (changes(onDelete) || changes(onUpdate)) for (const c of rel.from.columns) frozen.add(colName(t, c));
      }
    }
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
    // 'column c: …' reads 'table.c: …', as the table's own warnings name a column.
    ctx.tableWarn = (m: string) => warn(`${tableName(t)}.${m.replace(/^column /, '')}`);
    warnRefusedNames(t);
    const asText = d.id === 'mysql' ? rowTooWide(t) : undefined;
    frozenColumns(t, colOpts.frozen);
    for (const col of t.columns) {
      const singlePk = singlePkId === col.id;
      // PostgreSQL 18 has virtual generated columns: keep them virtual (columnSql writes STORED).
      const virtual = d.id === 'postgres' && col.generated && !col.generated.stored ? col.generated : undefined;
      const base = inheritedIdentity.has(col.id) ? { ...typed(col), identity: undefined } : typed(col);
      const tc = asText?.has(col.id) ? { ...base, type: { ...base.type, native: { name: 'Text', args: [] } } } : base;
      if (base !== col && d.columnType(base, types.silentKeyed, false).sql !== d.columnType(col, types.silentKeyed, false).sql) {
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

  return { createTable, inlinedIndexes };
}
