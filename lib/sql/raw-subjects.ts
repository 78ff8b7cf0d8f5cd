/**
 * The raw SQL a document keeps that stands on a table: its triggers, policies, rules, statistics,
 * indexes and keys kept as SQL, ALTER TABLE statements and comments, and what names those indexes.
 * PostgreSQL's DROP TABLE drops them with the table, and so does deleting a table from the document.
 */
import type { Id, SchemaDocument } from '../schema/types';
import { relationOf } from './import/classify';

/** The ids of the raw statements that stand on these tables (or on indexes kept as SQL on them). */
export function rawOnTables(doc: SchemaDocument, tableIds: ReadonlySet<Id>): Id[] {
  if (!tableIds.size) return [];
  const schemaOf = (ns: Id | undefined) => (ns ? doc.namespaces[ns]?.name : undefined) ?? doc.settings.defaultNamespace ?? 'public';
  const key = (schema: string, name: string) => `${schema}\u0000${name}`;
  const gone = new Set<string>();
  /** Unqualified names of gone relations: one names a gone table when no table left has that name. */
  const goneNames = new Set<string>();
  const kept = new Set<string>();
  for (const t of Object.values(doc.tables)) {
    const name = t.dbName ?? t.name;
    if (tableIds.has(t.id)) {
      gone.add(key(schemaOf(t.namespace), name));
      goneNames.add(name);
    } else kept.add(name);
  }
  const on = (path: string[] | undefined) =>
    !!path && (path.length > 1 ? gone.has(key(path.at(-2)!, path.at(-1)!)) : goneNames.has(path[0]) && !kept.has(path[0]));
  const raws = Object.values(doc.raw).filter((r) => r.dialect === 'postgresql');
  const out: Id[] = [];
  const indexes = new Set<string>();
  for (const r of raws) {
    if (!on(relationOf(r.text.trim()))) continue;
    out.push(r.id);
    // An index kept as SQL goes with its table, and so does what names it (its comment, an ALTER INDEX).
    const m = /^create\s+(?:unique\s+)?index\s+(?:concurrently\s+)?(?:if\s+not\s+exists\s+)?("(?:[^"]|"")+"|[\w$]+)\s+on\b/i.exec(r.text.trim());
    if (m) indexes.add(m[1].startsWith('"') ? m[1].slice(1, -1).replace(/""/g, '"') : m[1].toLowerCase());
  }
  if (indexes.size) {
    for (const r of raws) {
      const path = relationOf(r.text.trim());
      if (path && !out.includes(r.id) && indexes.has(path.at(-1)!) && /^(comment\s+on\s+index|alter\s+index)\b/i.test(r.text.trim())) out.push(r.id);
    }
  }
  return out;
}
