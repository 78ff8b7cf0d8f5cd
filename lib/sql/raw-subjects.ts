/**
 * The raw SQL a document keeps that stands on a table: its triggers, policies, rules, statistics,
 * indexes and keys kept as SQL, ALTER TABLE statements and comments, foreign keys kept as SQL that
 * reference it, and what names those indexes. PostgreSQL's DROP TABLE drops them with the table, and
 * so does deleting a table from the document; a table renamed keeps them, under its new name.
 */
import type { Id, SchemaDocument } from '../schema/types';
import type { PostgresSqlSources } from './ddl/builder';
import { identPath, IDENT, relationOf, relationSpan } from './import/classify';
import { searchPathSchema } from './import/schema-fates';

const PATH = String.raw`${IDENT}(?:\s*\.\s*${IDENT})?`;
const REFERENCES = new RegExp(String.raw`\breferences\s+(${PATH})`, 'gi');
const REFERENCES_AT = new RegExp(String.raw`\breferences\s+(${PATH})`, 'gid');
/** A CREATE INDEX statement and its index's name. */
export const CREATE_INDEX = new RegExp(String.raw`^create\s+(?:unique\s+)?index\s+(?:concurrently\s+)?(?:if\s+not\s+exists\s+)?(?!on\b)(${IDENT})\s+on\b`, 'i');

/** A table's key: its schema and database name. */
export const tableKey = (schema: string, name: string) => `${schema}\u0000${name}`;

/** Every table's key (and view's, `withViews`), by id (schema: its namespace's name, else the document's default). */
export function tableKeys(doc: SchemaDocument, withViews = false): Map<Id, string> {
  const fallback = doc.settings.defaultNamespace ?? 'public';
  const key = (t: { namespace?: Id; name: string; dbName?: string }) => tableKey((t.namespace ? doc.namespaces[t.namespace]?.name : undefined) ?? fallback, t.dbName ?? t.name);
  return new Map([...Object.values(doc.tables), ...(withViews ? Object.values(doc.views) : [])].map((t) => [t.id, key(t)]));
}

/** A function from a raw statement's id (or none) to the schemas its unqualified names are looked up in, in order. */
export function searchPathFor(doc: SchemaDocument): (rawId?: Id) => string[] {
  const fallback = doc.settings.defaultNamespace ?? 'public';
  const paths = (doc.sources.sql as PostgresSqlSources | undefined)?.searchPath ?? {};
  return (rawId) => [...new Set([rawId && paths[rawId] ? searchPathSchema(paths[rawId], fallback) : fallback, fallback, 'public'])];
}

/**
 * The key of a relation as a raw statement names it: qualified as written; unqualified, in the first
 * schema on the statement's search_path (else the default schema, then public) that has one so named.
 */
function relationResolver(doc: SchemaDocument, known: ReadonlySet<string>) {
  const pathFor = searchPathFor(doc);
  return (rawId: Id, path: string[]) => {
    if (path.length > 1) return tableKey(path.at(-2)!, path.at(-1)!);
    const schemas = pathFor(rawId);
    return schemas.map((x) => tableKey(x, path[0])).find((k) => known.has(k)) ?? tableKey(schemas[0], path[0]);
  };
}

/** The ids of the raw statements that stand on these tables or views (or on indexes kept as SQL on them). */
export function rawOnTables(doc: SchemaDocument, tableIds: ReadonlySet<Id>): Id[] {
  if (!tableIds.size) return [];
  const keys = tableKeys(doc, true);
  return rawOnKeys(doc, new Set([...tableIds].flatMap((id) => (keys.has(id) ? [keys.get(id)!] : []))), keys);
}

/** The same for relations given by their keys (`tableKey`), such as a materialized view kept as SQL. */
export function rawOnKeys(doc: SchemaDocument, gone: ReadonlySet<string>, keys = tableKeys(doc, true)): Id[] {
  if (!gone.size) return [];
  const tables = new Set([...keys.values(), ...gone]);
  const resolve = relationResolver(doc, tables);
  const raws = Object.values(doc.raw).filter((r) => r.dialect === 'postgresql');
  const out = new Set<Id>();
  const indexes = new Set<string>();
  for (const r of raws) {
    const text = r.text.trim();
    const path = relationOf(text);
    const on = path && resolve(r.id, path);
    // A foreign key kept as SQL (NOT VALID, ...) goes with the table it references, as DROP ... CASCADE drops it.
    const fk = (r.kind === 'constraint' || /^alter\s+table\b/i.test(text)) && /\bforeign\s+key\b/i.test(text);
    const references = fk && [...text.matchAll(REFERENCES)].some((m) => gone.has(resolve(r.id, identPath(m[1]))));
    if (!(on && gone.has(on)) && !references) continue;
    out.add(r.id);
    // An index kept as SQL goes with its table (in its schema), and so does what names it (its comment, an ALTER INDEX).
    const m = on && CREATE_INDEX.exec(text);
    if (m) indexes.add(tableKey(on.slice(0, on.indexOf('\u0000')), identPath(m[1])[0]));
  }
  if (indexes.size) {
    const resolveIndex = relationResolver(doc, indexes);
    for (const r of raws) {
      const text = r.text.trim();
      if (out.has(r.id) || !/^(comment\s+on\s+index|alter\s+index)\b/i.test(text)) continue;
      const path = relationOf(text);
      if (path && indexes.has(resolveIndex(r.id, path))) out.add(r.id);
    }
  }
  return [...out];
}

/**
 * `doc` after tables were renamed or moved to another schema (from `before`): the raw SQL that stands
 * on one (its triggers, policies, indexes, comments, ...) or references one (a foreign key kept as
 * SQL) names it by its new name, as PostgreSQL's ALTER TABLE ... RENAME keeps them on it.
 */
export function followTableRenames(doc: SchemaDocument, before: SchemaDocument): SchemaDocument {
  const was = tableKeys(before);
  const now = tableKeys(doc);
  const moved = new Map<string, string>();
  for (const [id, key] of now) {
    const old = was.get(id);
    if (old && old !== key) moved.set(old, key.split('\u0000').map((p) => `"${p.replace(/"/g, '""')}"`).join('.'));
  }
  if (!moved.size) return doc;
  const resolve = relationResolver(before, new Set(was.values()));
  let raw: SchemaDocument['raw'] | undefined;
  for (const r of Object.values(doc.raw)) {
    if (r.dialect !== 'postgresql') continue;
    const lead = r.text.length - r.text.trimStart().length;
    const text = r.text.trimStart();
    // The places to rewrite, from the end (so earlier offsets stay right).
    const spans: { start: number; end: number; to: string }[] = [];
    const on = relationSpan(text);
    const to = on && moved.get(resolve(r.id, on.path));
    if (on && to) spans.push({ start: on.start, end: on.end, to });
    if ((r.kind === 'constraint' || /^alter\s+table\b/i.test(text)) && /\bforeign\s+key\b/i.test(text)) {
      for (const m of text.matchAll(REFERENCES_AT)) {
        const target = moved.get(resolve(r.id, identPath(m[1])));
        if (target) spans.push({ start: m.indices![1][0], end: m.indices![1][1], to: target });
      }
    }
    if (!spans.length) continue;
    let out = text;
    for (const s of spans.sort((a, b) => b.start - a.start)) out = out.slice(0, s.start) + s.to + out.slice(s.end);
    raw ??= { ...doc.raw };
    raw[r.id] = { ...r, text: r.text.slice(0, lead) + out };
  }
  return raw ? { ...doc, raw } : doc;
}
