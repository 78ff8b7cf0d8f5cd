/**
 * Test helper: the shape of a created database that the dialect corpus test compares across engines
 * (tables, their columns, primary key columns and number of foreign keys), and the same shape
 * expected from a document.
 */
import type { SchemaDocument, Table } from '../../schema/types';
import { flatTableNames } from '../ddl/builder';
import { joinTable } from '../ddl/model';

export interface TableShape {
  columns: string[];
  primaryKey: string[];
  foreignKeys: number;
}

/** Keyed by table name (schemas flattened: MySQL and SQLite have none). */
export type CatalogShape = Record<string, TableShape>;

/** What the DDL for `doc` should create in a database without schemas: every table (and implicit m:n join table). */
export function expectedShape(doc: SchemaDocument): CatalogShape {
  const out: CatalogShape = {};
  const flat = flatTableNames(doc);
  const tables: Record<string, Table> = { ...doc.tables };
  const fkCount: Record<string, number> = {};
  for (const rel of Object.values(doc.relations)) {
    if (rel.kind === 'foreign-key') {
      if (!rel.virtual) fkCount[rel.from.table] = (fkCount[rel.from.table] ?? 0) + 1;
      continue;
    }
    const j = joinTable(doc, rel);
    if (!j) continue;
    tables[j.table.id] = j.table;
    fkCount[j.table.id] = j.relations.length;
  }
  for (const t of Object.values(tables)) {
    const col = (id?: string) => {
      const c = t.columns.find((x) => x.id === id);
      return c ? c.dbName ?? c.name : '?';
    };
    out[flat.get(t.id) ?? t.dbName ?? t.name] = {
      columns: t.columns.map((c) => c.dbName ?? c.name),
      primaryKey: (t.primaryKey?.columns ?? []).map((c) => col(c.column)),
      foreignKeys: fkCount[t.id] ?? 0,
    };
  }
  return out;
}

/** Human-readable differences between the expected and the actual shape (empty when they match). */
export function diffShapes(expected: CatalogShape, actual: CatalogShape, opts: { caseInsensitive?: boolean } = {}): string[] {
  const key = (s: string) => (opts.caseInsensitive ? s.toLowerCase() : s);
  const actualByKey = new Map(Object.entries(actual).map(([k, v]) => [key(k), v]));
  const out: string[] = [];
  for (const [name, exp] of Object.entries(expected)) {
    const act = actualByKey.get(key(name));
    if (!act) {
      out.push(`${name}: table missing`);
      continue;
    }
    const cols = (l: string[]) => l.map(key).join(', ');
    if (cols(exp.columns) !== cols(act.columns)) out.push(`${name}: columns [${exp.columns.join(', ')}] != [${act.columns.join(', ')}]`);
    if (cols(exp.primaryKey) !== cols(act.primaryKey)) out.push(`${name}: primary key [${exp.primaryKey.join(', ')}] != [${act.primaryKey.join(', ')}]`);
    if (exp.foreignKeys !== act.foreignKeys) out.push(`${name}: ${exp.foreignKeys} foreign keys expected, ${act.foreignKeys} found`);
  }
  const expectedKeys = new Set(Object.keys(expected).map(key));
  for (const name of Object.keys(actual)) if (!expectedKeys.has(key(name))) out.push(`${name}: unexpected table`);
  return out;
}
