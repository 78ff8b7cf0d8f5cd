import { CommandError } from '../command';
import type { Id, SchemaDocument, Table } from '../../schema/types';

export function requireTable(doc: SchemaDocument, tableId: Id): Table {
  const t = doc.tables[tableId];
  if (!t) throw new CommandError(`no table with id ${tableId}`);
  return t;
}

export function withTable(doc: SchemaDocument, tableId: Id, update: (t: Table) => Table): SchemaDocument {
  const table = requireTable(doc, tableId);
  const next = update(table);
  if (next === table) return doc;
  return { ...doc, tables: { ...doc.tables, [tableId]: next } };
}

export function omitKeys<T>(map: Record<Id, T>, drop: (key: Id, value: T) => boolean): Record<Id, T> {
  const out: Record<Id, T> = {};
  let changed = false;
  for (const [k, v] of Object.entries(map)) {
    if (drop(k, v)) changed = true;
    else out[k] = v;
  }
  return changed ? out : map;
}

/** Removes a key while keeping the order of the others. */
export function without<T>(map: Record<Id, T>, key: Id): Record<Id, T> {
  return omitKeys(map, (k) => k === key);
}
