/**
 * The raw SQL a document keeps that stands on a table: its triggers, policies, rules, statistics,
 * indexes and keys kept as SQL, ALTER TABLE statements and comments, foreign keys kept as SQL that
 * reference it, and what names those indexes. PostgreSQL's DROP TABLE drops them with the table, and
 * so does deleting a table from the document.
 */
import type { Id, SchemaDocument } from '../schema/types';
import type { PostgresSqlSources } from './ddl/builder';
import { identPath, IDENT, relationOf } from './import/classify';
import { searchPathSchema } from './import/schema-fates';

const PATH = String.raw`${IDENT}(?:\s*\.\s*${IDENT})?`;
const REFERENCES = new RegExp(String.raw`\breferences\s+(${PATH})`, 'gi');
const CREATE_INDEX = new RegExp(String.raw`^create\s+(?:unique\s+)?index\s+(?:concurrently\s+)?(?:if\s+not\s+exists\s+)?(?!on\b)(${IDENT})\s+on\b`, 'i');

/** The ids of the raw statements that stand on these tables (or on indexes kept as SQL on them). */
export function rawOnTables(doc: SchemaDocument, tableIds: ReadonlySet<Id>): Id[] {
  if (!tableIds.size) return [];
  const fallback = doc.settings.defaultNamespace ?? 'public';
  const schemaOf = (ns: Id | undefined) => (ns ? doc.namespaces[ns]?.name : undefined) ?? fallback;
  const key = (schema: string, name: string) => `${schema}\u0000${name}`;
  const tables = new Set<string>();
  const gone = new Set<string>();
  for (const t of Object.values(doc.tables)) {
    const k = key(schemaOf(t.namespace), t.dbName ?? t.name);
    tables.add(k);
    if (tableIds.has(t.id)) gone.add(k);
  }
  const searchPaths = (doc.sources.sql as PostgresSqlSources | undefined)?.searchPath ?? {};
  /** A relation's key as a raw statement names it: unqualified, the first schema on its search_path that has it. */
  const resolve = (rawId: Id, path: string[], known: Set<string>) => {
    if (path.length > 1) return key(path.at(-2)!, path.at(-1)!);
    const set = searchPaths[rawId];
    const schemas = [...new Set([set ? searchPathSchema(set, fallback) : fallback, fallback, 'public'])];
    return schemas.map((s) => key(s, path[0])).find((k) => known.has(k)) ?? key(schemas[0], path[0]);
  };
  const raws = Object.values(doc.raw).filter((r) => r.dialect === 'postgresql');
  const out = new Set<Id>();
  const indexes = new Set<string>();
  for (const r of raws) {
    const text = r.text.trim();
    const path = relationOf(text);
    const on = path && resolve(r.id, path, tables);
    // A foreign key kept as SQL (NOT VALID, ...) goes with the table it references, as DROP ... CASCADE drops it.
    const fk = (r.kind === 'constraint' || /^alter\s+table\b/i.test(text)) && /\bforeign\s+key\b/i.test(text);
    const references = fk && [...text.matchAll(REFERENCES)].some((m) => gone.has(resolve(r.id, identPath(m[1]), tables)));
    if (!(on && gone.has(on)) && !references) continue;
    out.add(r.id);
    // An index kept as SQL goes with its table (in its schema), and so does what names it (its comment, an ALTER INDEX).
    const m = on && CREATE_INDEX.exec(text);
    if (m) indexes.add(key(on.slice(0, on.indexOf('\u0000')), identPath(m[1])[0]));
  }
  if (indexes.size) {
    for (const r of raws) {
      const text = r.text.trim();
      if (out.has(r.id) || !/^(comment\s+on\s+index|alter\s+index)\b/i.test(text)) continue;
      const path = relationOf(text);
      if (path && indexes.has(resolve(r.id, path, indexes))) out.add(r.id);
    }
  }
  return [...out];
}
