/**
 * The DDL builder: one generator for every dialect, driven by a small adapter (dialect.ts).
 * Order: preamble, schemas, enums, then tables / views / raw objects (in their imported order, else
 * tables, views, raw), m:n join tables, indexes, foreign keys (ALTER TABLE ADD CONSTRAINT, like
 * Prisma; inline for SQLite), comments, and last the raw objects that attach to others (triggers,
 * policies, comments on functions, ...).
 */
import type { Diagnostic } from '../../schema/diagnostics';
import type { Id, SchemaDocument, Table } from '../../schema/types';
import { datasourceExtensions } from '../../prisma/datasource';
import { missingExtensions } from './extension-needs';
import { extensionsNamedIn } from '../../pglite/extensions';
import type { SqlSources } from '../sources';
import { environmentNamed } from '../../pglite/environments';
import { buildContext, type BuildContext } from './context';
import { tableWriter } from './create-table';
import type { Dialect } from './dialect';
import { writeIndexes, writeReferencedIndexes } from './indexes';
import { keyWriter } from './keys';

export { flatTableNames } from './context';

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

export function buildDdl(doc: SchemaDocument, d: Dialect): DdlResult {
  const ctx = buildContext(doc, d);
  const { out, diagnostics, raws, sources, qTable, tableOf } = ctx;
  writePreamble(ctx);
  const keys = keyWriter(ctx);
  const tables = tableWriter(ctx, keys);
  writeObjects(ctx, tables.createTable);
  for (const j of ctx.joins) out.push({ kind: 'table', id: j.id, sql: tables.createTable(j)! });
  writeIndexes(ctx, keys, tables.inlinedIndexes);
  writeReferencedIndexes(ctx, keys);
  // Indexes of partitions kept as SQL whose parent index is modelled: before the partitions are attached.
  for (const r of raws.filter((x) => x.kind === 'partition-index')) out.push(rawSql(r));
  for (const [child, p] of Object.entries(sources.partitionOf ?? {})) {
    const parent = tableOf(p.parent);
    const part = tableOf(child);
    if (d.id !== 'postgres' || !part || !parent) continue;
    out.push({ kind: 'table', id: child, sql: `ALTER TABLE ${qTable(parent)} ATTACH PARTITION ${qTable(part)} ${p.bound}` });
  }
  // Late raw SQL in three runs: keys and indexes kept as SQL (an INCLUDE or NULLS NOT DISTINCT unique
  // index can be what a foreign key references) before the foreign keys, foreign keys kept as SQL right
  // after the modelled ones, and the rest (triggers, policies, comments, ...) last.
  const isRawFk = (r: { kind: string; text: string }) => r.kind === 'constraint' && /\bFOREIGN\s+KEY\b/i.test(r.text);
  for (const r of raws) if ((r.kind === 'index' || r.kind === 'constraint') && !isRawFk(r)) out.push(rawSql(r));
  if (!d.inlineForeignKeys) {
    for (const rel of ctx.fks) {
      if (!keys.fkIndexable(rel)) continue;
      out.push({ kind: 'foreign-key', id: rel.id, sql: `ALTER TABLE ${qTable(tableOf(rel.from.table)!)} ADD ${keys.fkSql(rel)}` });
    }
  }
  for (const r of raws) if (isRawFk(r)) out.push(rawSql(r));
  writeComments(ctx);
  for (const r of raws) if (LATE_RAW_KINDS.has(r.kind) && r.kind !== 'index' && r.kind !== 'constraint' && r.kind !== 'partition-index') out.push(rawSql(r));
  // A platform's own search_path (Supabase's reaches its extensions) is said, not RESET to: the same there, and elsewhere.
  const platformPath = environmentNamed(sources.environment)?.searchPath;
  const reset = platformPath ? `SET search_path = ${platformPath}` : 'RESET search_path';
  return { statements: d.id === 'postgres' && sources.searchPath ? withSearchPaths(out, sources.searchPath, reset) : out, diagnostics };
}

const rawSql = (r: { id: Id; text: string }): DdlStatement => ({ kind: 'raw', id: r.id, sql: r.text.trim().replace(/;+$/, '') });

/** What the platform and roles the schema expects, the function-body setting, schemas, extensions and enum types. */
function writePreamble(ctx: BuildContext): void {
  const { doc, d, out, diagnostics, raws, sources, warn } = ctx;
  const environment = environmentNamed(sources.environment);
  if (environment) {
    // Not written: it is the platform's (a bare PostgreSQL lacks it, and the platform has it already).
    diagnostics.push({ severity: 'info', code: 'sql/environment', message: `${d.id}: written for ${environment.title}, which provides ${environment.provides}: those are not created here` });
  }
  if (sources.roles?.length) {
    diagnostics.push({ severity: 'info', code: 'sql/roles', message: `${d.id}: expects the roles ${sources.roles.join(', ')} (roles belong to the server, not the schema: not created here)` });
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
    // What needs an extension the script does not make fails on a bare PostgreSQL (a platform provides its own).
    const made = new Set<string>([...kept].filter((n): n is string => !!n));
    for (const e of datasourceExtensions(doc)) made.add(e.name);
    for (const r of raws) for (const name of extensionsNamedIn(r.text)) made.add(name);
    if (!environment) {
      for (const { extension, uses } of missingExtensions(doc, made)) {
        diagnostics.push({
          severity: 'warning',
          code: 'sql/extension-missing',
          message: `${d.id}: ${uses.join('; ')} needs the ${extension} extension, which this schema does not create: add it to the datasource's extensions (Prisma) or create it in the database first`,
        });
      }
    }
  }
  if (d.enumTypes) {
    for (const e of Object.values(doc.enums)) {
      out.push({ kind: 'enum', id: e.id, sql: `CREATE TYPE ${ctx.enumTypeName(e)} AS ENUM (${e.values.map((v) => d.stringLiteral(v.dbName ?? v.name)).join(', ')})` });
    }
  }
}

/** Tables, views and the raw objects that stand on their own, in imported order when known (else tables, views, raw). */
function writeObjects(ctx: BuildContext, createTable: (t: Table) => string | undefined): void {
  const { doc, out, warn, raws, sources, source, sameLanguage, qualify } = ctx;
  const order = sources.order ?? {};
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
  for (const r of raws) if (!LATE_RAW_KINDS.has(r.kind)) items.push({ rank: order[r.id] ?? 2e9, seq: seq++, emit: () => out.push(rawSql(r)) });
  items.sort((a, b) => a.rank - b.rank || a.seq - b.seq).forEach((i) => i.emit());
}

/** `COMMENT ON` statements (PostgreSQL); MySQL writes comments inline, SQLite drops them (said). */
function writeComments(ctx: BuildContext): void {
  const { doc, d, out, warn, qTable, qualify, sameLanguage } = ctx;
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

/** The statements as one script, each ended with `;`. */
export function renderDdl(result: DdlResult | DdlStatement[]): string {
  const list = Array.isArray(result) ? result : result.statements;
  if (!list.length) return '';
  const sql: string[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) sql[i] = list[i].sql;
  return `${sql.join(';\n\n')};\n`;
}
