/**
 * `CREATE INDEX` for the indexes that are not constraints, named clear of each other where the
 * dialect needs it, and the indexes MySQL needs for foreign keys (InnoDB: the referenced columns
 * must lead an index).
 */
import type { Id, IndexColumn } from '../../schema/types';
import { expressionFor } from './columns';
import { uniqueName, type BuildContext } from './context';
import type { KeyWriter } from './keys';

/** The indexes' statements, but for the ones `inlined` in their CREATE TABLE. */
export function writeIndexes(ctx: BuildContext, keys: KeyWriter, inlined: Set<Id>): void {
  const { d, doc, source, out, warn, joins, tableName, qTable } = ctx;
  const { indexCols, indexNameOf } = keys;
  // SQLite's index names share one namespace with its tables'.
  const usedIndexNames = new Set<string>(d.id === 'sqlite' ? [...Object.values(doc.tables), ...joins].map((t) => tableName(t).toLowerCase()) : []);
  for (const t of [...Object.values(doc.tables), ...joins]) {
    // MySQL: index names are unique per table, compared without case.
    const tableIndexNames = d.id === 'mysql' && t.indexes.length > 1 ? new Set<string>() : undefined;
    for (const ix of t.indexes) {
      if ((ix.unique && ix.constraint) || inlined.has(ix.id)) continue;
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
}

/** MySQL: an index for each foreign key whose referenced columns lead none (InnoDB needs one). */
export function writeReferencedIndexes(ctx: BuildContext, keys: KeyWriter): void {
  const { d, out, warn, fks, tableOf, tableName, colName, qTable } = ctx;
  const { fkIndexable, addedIndexName } = keys;
  if (!d.fkTypesMatch) return;
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
