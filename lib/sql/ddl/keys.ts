/**
 * Keys as the DDL builder writes them: the column list of an index or key (prefixes, expressions,
 * operator classes, sort order), index names, and foreign-key clauses with their actions.
 */
import type { ForeignKeyRelation, Id, Index, IndexColumn, Table } from '../../schema/types';
import { expressionFor } from './columns';
import { uniqueName, type BuildContext } from './context';
import { ACTION_SQL, referentialActions } from './model';
import { foreignKeyName, indexName } from './names';

export interface KeyWriter {
  /** The column list of a key (`forIndex`: a `CREATE INDEX`'s, with operator classes), or undefined when the dialect cannot write it. */
  indexCols(t: Table, cols: IndexColumn[], forIndex: boolean, unique?: boolean): string | undefined;
  indexNameOf(t: Table, ix: Index): string;
  /** The name of an index the builder adds (MySQL: one an AUTO_INCREMENT or foreign key needs), clear of the table's own. */
  addedIndexName(t: Table, cols: string[]): string;
  /** `CONSTRAINT name FOREIGN KEY (...) REFERENCES ...` */
  fkSql(rel: ForeignKeyRelation): string;
  /** The foreign key can be written: its columns can be indexed whole (InnoDB's 3072 bytes; said once when not). */
  fkIndexable(rel: ForeignKeyRelation): boolean;
}

export function keyWriter(c: BuildContext): KeyWriter {
  const { d, doc, source, warn, tableName, colName, columnOf, tableOf, typed, typeCtx } = c;
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
  const indexColNames = (t: Table, ix: { columns: IndexColumn[] }) => ix.columns.map((col) => (col.column ? colName(t, col.column) : 'expr'));
  // Prisma's `@@index(name:)` is the old spelling of `map:` (an index has no client name).
  const indexNameOf = (t: Table, ix: Index) => ix.dbName ?? (ix.unique ? undefined : ix.name) ?? indexName(tableName(t), indexColNames(t, ix), ix.unique, d.maxIdentifierLength);
  const addedIndexName = (t: Table, cols: string[]) =>
    uniqueName(indexName(tableName(t), cols, false, d.maxIdentifierLength), new Set(t.indexes.map((ix) => indexNameOf(t, ix).toLowerCase())), d.maxIdentifierLength, () => {});
  const usedFkNames = new Set<string>();
  const fkSql = (rel: ForeignKeyRelation) => {
    const from = tableOf(rel.from.table)!;
    const to = tableOf(rel.to.table)!;
    const { onDelete, onUpdate } = referentialActions(doc, rel);
    const fkName = rel.dbName ?? foreignKeyName(tableName(from), rel.from.columns.map((col) => colName(from, col)), d.maxIdentifierLength);
    const name = d.globalNames?.foreignKeys
      ? uniqueName(fkName, usedFkNames, d.maxIdentifierLength, (n) => warn(`${tableName(from)}: foreign key ${fkName} renamed ${n} (constraint names are unique per database)`))
      : fkName;
    const cols = (t: Table, ids: Id[]) => ids.map((col) => d.quote(colName(t, col))).join(', ');
    const actions = { DELETE: onDelete, UPDATE: onUpdate };
    if (d.id === 'mysql') {
      const notNull = rel.from.columns.filter((col) => columnOf(from, col)?.nullable === false);
      for (const on of ['DELETE', 'UPDATE'] as const) {
        if (actions[on] === 'set-default') warn(`${tableName(from)}: foreign key ${name} ON ${on} SET DEFAULT acts as RESTRICT in InnoDB`);
        // PostgreSQL then refuses the parent's change (the column cannot be NULL); MySQL refuses the key itself.
        if (actions[on] === 'set-null' && notNull.length) {
          warn(`${tableName(from)}: foreign key ${name} ON ${on} SET NULL on a NOT NULL column (${notNull.map((col) => colName(from, col)).join(', ')}) written as NO ACTION (MySQL refuses it; PostgreSQL would refuse the change)`);
          actions[on] = 'no-action';
        }
      }
    }
    let deferrable = '';
    if (rel.deferrable && d.id === 'mysql') warn(`${tableName(from)}: foreign key ${name} is DEFERRABLE in PostgreSQL; MySQL checks every key at once (written without it)`);
    else if (rel.deferrable) deferrable = rel.deferrable === 'deferred' ? ' DEFERRABLE INITIALLY DEFERRED' : ' DEFERRABLE';
    return `CONSTRAINT ${d.quote(name)} FOREIGN KEY (${cols(from, rel.from.columns)}) REFERENCES ${c.qTable(to)}(${cols(to, rel.to.columns)}) ON DELETE ${ACTION_SQL[actions.DELETE]} ON UPDATE ${ACTION_SQL[actions.UPDATE]}${deferrable}`;
  };
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
      if (!ok) warn(`${tableName(from)}: foreign key (${rel.from.columns.map((col) => colName(from, col)).join(', ')}) to ${to ? tableName(to) : '?'} not written: its columns (${types.join(', ')}) are longer than ${d.id} can index whole`);
      indexableFk.set(rel.id, ok);
    }
    return ok;
  };
  return { indexCols, indexNameOf, addedIndexName, fkSql, fkIndexable };
}
