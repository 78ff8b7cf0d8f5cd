/**
 * Design checks for the diagnostics panel: problems a database or Prisma would reject, or that
 * are almost certainly mistakes. Each entry names the table it concerns so the UI can focus it.
 */
import type { Column, ColumnType, Id, SchemaDocument, Table } from '../schema/types';
import { columnMayBeNull } from '../schema/document';

export interface DesignIssue {
  severity: 'error' | 'warning';
  code: 'duplicate-name' | 'missing-column' | 'type-mismatch' | 'not-unique-target' | 'no-primary-key' | 'prisma';
  message: string;
  tableId?: Id;
  columnId?: Id;
  /** The foreign key a check is about (type mismatch, target not unique). */
  relationId?: Id;
  line?: number;
  column?: number;
  file?: string;
}

const dbName = (x: { name: string; dbName?: string }) => x.dbName ?? x.name;

function typeText(t: ColumnType): string {
  const native = t.native ? `@db.${t.native.name}${t.native.args.length ? `(${t.native.args.join(',')})` : ''}` : '';
  const base = t.kind === 'Unsupported' ? `Unsupported(${t.unsupported})` : t.kind === 'Enum' ? `Enum(${t.enumId})` : t.kind;
  return `${base}${native ? ` ${native}` : ''}${t.array ? '[]' : ''}`;
}

/** Two column types store the same values (ignoring length/precision differences is not allowed). */
export function sameType(a: ColumnType, b: ColumnType): boolean {
  return typeText(a) === typeText(b);
}

function isUniqueSet(t: Table, cols: Id[]): boolean {
  const same = (list: { column?: Id }[]) => list.length === cols.length && list.every((c) => c.column && cols.includes(c.column));
  return (!!t.primaryKey && same(t.primaryKey.columns)) || t.indexes.some((ix) => ix.unique && same(ix.columns));
}

export function checkDocument(doc: SchemaDocument): DesignIssue[] {
  const issues: DesignIssue[] = [];
  const seen = new Map<string, Table>();
  const seenDb = new Map<string, Table>();
  for (const t of Object.values(doc.tables)) {
    const prev = seen.get(t.name);
    if (prev) issues.push({ severity: 'error', code: 'duplicate-name', tableId: t.id, message: `Two tables are named ${t.name}` });
    seen.set(t.name, t);
    const ns = t.namespace ? (doc.namespaces[t.namespace]?.name ?? '') : '';
    const key = `${ns}.${dbName(t)}`;
    const prevDb = seenDb.get(key);
    if (prevDb && prevDb.name !== t.name) {
      issues.push({ severity: 'error', code: 'duplicate-name', tableId: t.id, message: `${t.name} and ${prevDb.name} map to the same database table ${dbName(t)}` });
    }
    seenDb.set(key, t);
    const cols = new Map<string, Column>();
    for (const c of t.columns) {
      const other = cols.get(dbName(c));
      if (other) issues.push({ severity: 'error', code: 'duplicate-name', tableId: t.id, columnId: c.id, message: `${t.name}: columns ${other.name} and ${c.name} have the same database name ${dbName(c)}` });
      cols.set(dbName(c), c);
    }
    const keyed = t.primaryKey || t.indexes.some((ix) => ix.unique && ix.columns.every((c) => !columnMayBeNull(t, c.column)));
    if (!keyed && !t.ignored) issues.push({ severity: 'warning', code: 'no-primary-key', tableId: t.id, message: `${t.name} has no primary key (Prisma needs an @id or a required @unique)` });
  }
  const enumNames = new Set<string>();
  for (const e of Object.values(doc.enums)) {
    if (enumNames.has(e.name) || seen.has(e.name)) issues.push({ severity: 'error', code: 'duplicate-name', message: `The name ${e.name} is used twice (enum)` });
    enumNames.add(e.name);
  }
  for (const r of Object.values(doc.relations)) {
    if (r.kind !== 'foreign-key') continue;
    const from = doc.tables[r.from.table];
    const to = doc.tables[r.to.table];
    if (!from || !to) {
      issues.push({ severity: 'error', code: 'missing-column', tableId: from?.id ?? to?.id, message: `A foreign key refers to a table that does not exist` });
      continue;
    }
    const fromCols = r.from.columns.map((id) => from.columns.find((c) => c.id === id));
    const toCols = r.to.columns.map((id) => to.columns.find((c) => c.id === id));
    if (fromCols.some((c) => !c) || toCols.some((c) => !c)) {
      issues.push({ severity: 'error', code: 'missing-column', tableId: from.id, message: `Foreign key ${from.name} → ${to.name} refers to a missing column` });
      continue;
    }
    fromCols.forEach((fc, i) => {
      const tc = toCols[i]!;
      if (!sameType(fc!.type, tc.type)) {
        issues.push({
          severity: 'error',
          code: 'type-mismatch',
          tableId: from.id,
          columnId: fc!.id,
          relationId: r.id,
          message: `${from.name}.${fc!.name} (${typeText(fc!.type)}) references ${to.name}.${tc.name} (${typeText(tc.type)}): the types differ`,
        });
      }
    });
    if (!isUniqueSet(to, r.to.columns)) {
      issues.push({
        severity: 'error',
        code: 'not-unique-target',
        tableId: from.id,
        relationId: r.id,
        message: `${from.name} references ${to.name}(${toCols.map((c) => c!.name).join(', ')}), which is not a primary key or unique`,
      });
    }
  }
  return issues;
}
