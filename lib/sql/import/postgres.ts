/**
 * PostgreSQL import: runs the script in PGlite statement by statement and reads the catalog back.
 * No SQL parser: statements PGlite cannot run are reported (with line and column) and skipped;
 * objects the document does not model are kept as raw SQL in their original order.
 */
import type { Diagnostic } from '../../schema/diagnostics';
import type { IdGenerator } from '../../schema/ids';
import { newId } from '../../schema/ids';
import { assertValidDocument } from '../../schema/validate';
import type { ImportResult, SourceFile } from '../../formats/types';
import { extensionsNamedIn } from '../../pglite/extensions';
import { installEnvironment, platformNeeds } from '../../pglite/environments';
import { bootPg, type PgRunner } from '../../pglite/runner';
import { LATE_RAW_KINDS, type PostgresSqlSources } from '../ddl/builder';
import type { Id } from '../../schema/types';
import { splitStatements, type SqlStatement } from '../split';
import { readDefinitions, readRawCatalog } from './catalog-read';
import { IDENT_ALL, identName, identPath, isInsert } from './classify';
import { catalogToDocument, fillDefinitions } from './to-document';
import { IDENT, keyOf, NAME, statementsOnEnums } from './enum-statements';
import { catalogRelations, followRenames, subjectsOf, withoutDroppedTables } from './relation-fates';
import { readLateObjects, withoutCatalogActions, writtenFromCatalog } from './late-objects';
import { dependencyOrder, KEY_PREFIX, type OrderNode } from './export-order';
import { rewriteStaleDefinitions } from './stale-definitions';
import { now, runScript, type Kept } from './run-script';
import { inFinalSchema, OBJECT_RENAME, ObjectFates, searchPathFollowing } from './schema-fates';

export interface ImportPostgresOptions {
  name?: string;
  ids?: IdGenerator;
  /** Each file's statements, when the caller has split them already (the import worker shares them with the preview). */
  statements?: SqlStatement[][];
  /** Boots the database to run the script in (default: a fresh PGlite with the extensions named). */
  boot?: (extensions: string[]) => Promise<PgRunner>;
  /**
   * Timing of the phases, filled in when given (ms). `execute`: PGlite running the script's statements
   * (the apply); `catalog`: reading the catalog back; `split`: splitting the text into statements;
   * `environment`: PGlite making a platform's objects (Supabase's) before the script runs;
   * `total`: everything from the call to the document (boot included, close excluded).
   */
  timings?: { execute?: number; catalog?: number; split?: number; environment?: number; total?: number };
}

/** Marks of other SQL dialects in statements PostgreSQL could not parse, and their names. */
const DIALECT_MARKS: [RegExp, string][] = [
  [/`|\bauto_increment\b|\bengine\s*=|\bunsigned\b|\b(?:tinyint|mediumint|longtext|mediumtext|tinytext)\b/i, 'MySQL or MariaDB DDL (backquoted names, AUTO_INCREMENT, ENGINE=, UNSIGNED)'],
  [/\[\w+\]\s*\.|\bidentity\s*\(\s*\d+\s*,|\bnvarchar\s*\(\s*max\b|^\s*go\s*$/im, 'SQL Server DDL (bracketed names, IDENTITY(1,1), GO)'],
  [/\bautoincrement\b|\bwithout\s+rowid\b/i, 'SQLite DDL (AUTOINCREMENT, WITHOUT ROWID)'],
];

function otherDialect(texts: string[]): string | undefined {
  return DIALECT_MARKS.find(([re]) => texts.some((t) => re.test(t)))?.[1];
}

/** Raw kinds of sequence statements: CREATE SEQUENCE, ALTER SEQUENCE ... OWNED BY, other ALTER SEQUENCE. */
const SEQUENCE_KINDS = new Set(['sequence', 'sequence-owner', 'sequence-alter']);
/** The OWNED BY clause of a CREATE or ALTER SEQUENCE, and an ALTER SEQUENCE with nothing else. */
const COLUMN_PATH = String.raw`${IDENT}(?:\s*\.\s*${IDENT}){1,2}`;
const BARE_ALTER_SEQUENCE = new RegExp(String.raw`^alter\s+sequence\s+(?:if\s+exists\s+)?${NAME}\s*$`, 'i');
const OWNED_BY_CLAUSE = new RegExp(String.raw`\s+owned\s+by\s+(?:${COLUMN_PATH}|none)(?=\s|$)`, 'i');

export async function importPostgres(files: SourceFile[], opts: ImportPostgresOptions = {}): Promise<ImportResult> {
  const t0 = now();
  const diagnostics: Diagnostic[] = [];
  const s0 = now();
  const split = files.map((f, i) => opts.statements?.[i] ?? splitStatements(f.text));
  const splitMs = now() - s0;
  // A platform's schema (Supabase's) uses what the platform provides: made first, outside the
  // document. Told before the database boots, which loads the platform's extensions the script calls.
  const schemaTexts: string[] = [];
  for (const statements of split) for (const st of statements) if (st.type === 'sql' && !isInsert(st.text)) schemaTexts.push(st.text);
  const platform = platformNeeds(schemaTexts);
  const environment = platform?.environment;
  const platformExtensions = platform?.extensions ?? [];
  const platformPublications = platform?.publications ?? [];
  // From the statements, not the whole text: a dump's data is most of it, and makes no extension.
  const extensions = [...new Set(schemaTexts.flatMap(extensionsNamedIn)), ...platformExtensions];
  const pg = await (opts.boot ?? ((ext) => bootPg({ extensions: ext })))(extensions);
  try {
    let environmentMs = 0;
    if (environment) {
      const e0 = now();
      await installEnvironment(pg, environment, platform);
      environmentMs = now() - e0;
      const also = [
        platformExtensions.length ? `, with its extensions ${platformExtensions.join(', ')} (which the script calls)` : '',
        platformPublications.length ? `, and its publication ${platformPublications.join(', ')} (which the script alters)` : '',
      ].join('');
      diagnostics.push({ severity: 'info', code: 'sql/environment', message: `written for ${environment.title}: ${environment.provides}${also} were made for the run, as ${environment.title} has them, and are not part of the document`, file: files[0]?.path });
    }
    const run = await runScript(pg, files, split, diagnostics, environment);
    const { fates, late, renames, renameIndexes, targets, needs, syntaxErrors, madeRoles, codeRan, execMs } = run;
    let { kept } = run;
    const dialect = syntaxErrors.length ? otherDialect(syntaxErrors.map((p) => p.text)) : undefined;
    if (dialect) {
      const { at } = syntaxErrors[0];
      diagnostics.push({ severity: 'error', code: 'sql/dialect', message: `this looks like ${dialect}: SQL import reads PostgreSQL DDL (pg_dump --schema-only, structure.sql, hand-written PostgreSQL); ${syntaxErrors.length} statement${syntaxErrors.length === 1 ? '' : 's'} could not be parsed`, ...at });
    }
    // Where the script's functions, types and domains end up (read from the statements as written,
    // before the names in them are rewritten below).
    const objectFates = new ObjectFates(kept, (schema, index) => fates.followSchema(schema, index) ?? schema);
    // Statements about a relation the script drops later are not kept; the names of ones renamed
    // later are followed to their final names (see relation-fates.ts).
    if (fates.any) {
      kept = kept.filter((k) => {
        // A publication leaves out the tables the script drops later (as PostgreSQL does when they go).
        if (/^(create|alter)\s+publication\b/i.test(k.text)) {
          const rest = withoutDroppedTables(k.text, k.index, k.schema, fates);
          if (rest === undefined) {
            diagnostics.push({ severity: 'info', code: 'sql/not-kept', message: `on relations the script drops later, not kept: ${k.first}`, ...k.at });
            return false;
          }
          k.text = rest;
        }
        const subjects = subjectsOf(k.text, k.index, k.schema, fates);
        if (!subjects) {
          diagnostics.push({ severity: 'info', code: 'sql/not-kept', message: `on a relation the script drops later, not kept: ${k.first}`, ...k.at });
          return false;
        }
        k.subjects = subjects;
        // A function, type or domain made in a schema the script drops later goes with it, and so do
        // statements on it; in a schema renamed later, they name it by its final name (schemas are
        // made from the catalog), and so does the search_path they ran under.
        const final = (s: string) => fates.followSchema(s, k.index);
        const text = inFinalSchema(k.text, k.schema, final);
        if (text === null) {
          diagnostics.push({ severity: 'info', code: 'sql/not-kept', message: `in a schema the script drops later, not kept: ${k.first}`, ...k.at });
          return false;
        }
        k.text = text;
        if (k.searchPath) k.searchPath = searchPathFollowing(k.searchPath, final);
        return true;
      });
    }
    const c0 = now();
    await pg.exec(`RESET ALL; SET search_path = ''; SET plan_cache_mode = force_generic_plan`);
    const cat = await readRawCatalog(pg, needs, pg.preparedCatalogReads);
    // The platform's extensions are the platform's, like its objects.
    if (platformExtensions.length) cat.extensions = cat.extensions.filter((e) => !platformExtensions.includes(e.name!));
    let catalogMs = now() - c0;
    // Prisma Migrate's own table (a pg_dump of a database Prisma manages): its history, not the schema
    // (prisma db pull leaves it out too; Prisma Migrate makes it).
    const history = cat.relations.find((r) => r.name === '_prisma_migrations' && r.kind === 'r');
    if (history && ['migration_name', 'checksum'].every((n) => cat.columns.some((c) => c.rel === history.oid && c.name === n))) {
      const oid = history.oid;
      cat.relations = cat.relations.filter((r) => r.oid !== oid);
      cat.columns = cat.columns.filter((c) => c.rel !== oid);
      cat.constraints = cat.constraints.filter((c) => c.rel !== oid);
      cat.indexes = cat.indexes.filter((i) => i.rel !== oid);
      const t = targets.find((x) => x.what === 'table' && x.path.at(-1) === '_prisma_migrations');
      diagnostics.push({ severity: 'info', code: 'sql/not-kept', message: `Prisma Migrate's own table ${history.schema}._prisma_migrations (the migrations applied), not part of the schema: not imported`, ...(t?.at ?? { file: files[0]?.path }) });
    }
    const built = catalogToDocument(cat, { name: opts.name, ids: opts.ids });
    const missing = built.lateRaw.flatMap((r) => (r.missing ? [r.missing] : []));
    if (missing.length) {
      const c1 = now();
      fillDefinitions(built.lateRaw, await readDefinitions(pg, missing));
      catalogMs += now() - c1;
    }
    const { doc } = built;
    const ids = opts.ids ?? newId;
    // A view that reads itself (created, then replaced to select from itself) cannot be written as one
    // CREATE VIEW: keep its original statements as raw SQL instead.
    const selfViews = new Set(cat.deps.filter((d) => d.from === d.to && d.from!.startsWith('rel:')).map((d) => d.from!.slice(4)));
    for (const key of selfViews) {
      const id = built.viewByKey.get(key);
      if (!id) continue;
      delete doc.views[id];
      built.viewByKey.delete(key);
      for (const t of targets) if (t.what === 'view' && keyOf(t) === key) kept.push({ index: t.index, kind: 'view', text: t.text, c: { execute: true }, schema: t.schema, searchPath: t.searchPath, at: { file: '', line: 0, column: 0 }, first: '' });
    }
    kept.sort((a, b) => a.index - b.index);
    const searchPaths: Record<Id, string> = {};
    const nodes: OrderNode[] = [];
    const tableNode = new Map<Id, OrderNode>();
    for (const t of targets) {
      const key = keyOf(t);
      const id = t.what === 'table' ? built.tableByKey.get(key)?.id : t.what === 'view' ? built.viewByKey.get(key) : undefined;
      if (id && !tableNode.has(id)) {
        const n = { id, prio: t.index, keys: [`rel:${key}`], raw: false };
        tableNode.set(id, n);
        nodes.push(n);
      }
    }
    for (const [key, t] of built.tableByKey) if (!tableNode.has(t.id)) nodes.push({ id: t.id, prio: -1, keys: [`rel:${key}`], raw: false });
    // A table's SERIAL creates its sequence: what uses the sequence (another table's default) comes after the table.
    for (const [seq, table] of built.absorbedSequences) tableNode.get(table)?.keys.push(`rel:${seq}`);
    for (const [key, id] of built.viewByKey) if (!tableNode.has(id)) nodes.push({ id, prio: 1e9, keys: [`rel:${key}`], raw: false });
    const modelledTable = (t: { path: string[]; schema: string }) => built.tableByKey.has(keyOf(t));
    // Comments the document holds (on schemas, tables, columns, enums and views) are written from it.
    const schemaName = new Map(Object.values(doc.namespaces).map((n) => [n.id, n.name]));
    const enumKeys = new Set(Object.values(doc.enums).map((e) => `${schemaName.get(e.namespace ?? '') ?? 'public'}.${e.dbName ?? e.name}`));
    const modelledComment = (what: string, t: { path: string[]; schema: string }) =>
      what === 'schema' ? t.path.length === 1 && [...schemaName.values()].includes(t.path[0])
      : what === 'column' ? modelledTable({ ...t, path: t.path.slice(0, -1) })
      : what === 'type' ? enumKeys.has(keyOf(t))
      : what === 'view' ? built.viewByKey.has(keyOf(t))
      : modelledTable(t);
    /** A comment read from the catalog that the document holds (see modelledComment). */
    const modelledCatalogComment = (on: { catalog: string; sub: number; relkind?: string; key?: string }) =>
      on.catalog === 'pg_namespace' ? [...schemaName.values()].includes(on.key ?? '')
      : on.catalog === 'pg_class' ? (on.relkind === 'r' || on.relkind === 'p' ? built.tableByKey.has(on.key ?? '') : on.relkind === 'v' && on.sub === 0 && built.viewByKey.has(on.key ?? ''))
      : on.catalog === 'pg_type' && enumKeys.has(on.key ?? '');
    const addRaw = (kind: string, text: string, at: number, name?: string, key?: string, path?: string) => {
      const id = ids('raw');
      doc.raw[id] = { id, dialect: 'postgresql', kind, text, ...(name ? { name } : {}) };
      if (path) searchPaths[id] = path;
      if (!LATE_RAW_KINDS.has(kind)) nodes.push({ id, prio: at, keys: key ? [key] : [], raw: true });
    };
    for (const e of cat.extensions) addRaw('extension', `CREATE EXTENSION IF NOT EXISTS "${e.name}" WITH SCHEMA "${e.schema}"`, -2, e.name!);
    // Keys and indexes the model cannot hold come before the script's own late statements, which may
    // name them (COMMENT ON INDEX, ALTER TABLE ... CLUSTER ON / REPLICA IDENTITY USING INDEX).
    for (const r of built.lateRaw) addRaw(r.kind, r.text, 1e9, r.name);
    // The key a kept statement's own relation (a sequence, a materialized view) has once the script
    // has run, counting a rename the statement itself makes.
    const finalKey = (k: Kept, tg: { path: string[]; schema: string }) => (fates.any ? (fates.follow(keyOf(tg), k.index - 0.5) ?? keyOf(tg)) : keyOf(tg));
    const targetOf = (k: Kept) => k.c.target && { path: k.c.target.path, schema: k.schema };
    // Sequences the script creates itself (a serial's or an identity's are implicit: the catalog gives their final state).
    const explicitSequences = new Set<string>();
    for (const k of kept) if (k.kind === 'sequence' && k.c.target) explicitSequences.add(finalKey(k, targetOf(k)!));
    // The script's own sequences as the script left them: one dropped with the table, column or
    // schema that owned it is not made; the owner of one whose OWNED BY names a table or column
    // renamed or dropped later is written from the catalog (judged on the text as written).
    const seqKey = (k: Kept) => (SEQUENCE_KINDS.has(k.kind) && k.c.target ? finalKey(k, targetOf(k)!) : undefined);
    const ownedFromCatalog = new Map(built.ownedSequences.map((s) => [s.key, s]));
    const ownerFromCatalog = new Set<string>();
    /** Whether one was: what else names it (a comment) is then written from the catalog too. */
    let sequenceGone = false;
    if (explicitSequences.size) {
      const catalogSequences = new Set(cat.serials.map((x) => `${x.schema}.${x.name}`));
      const sequenceNames = new Set(cat.serials.map((x) => x.name!));
      kept = kept.filter((k) => {
        const key = seqKey(k);
        if (!key || !explicitSequences.has(key) || catalogSequences.has(key)) return true;
        // Under a search_path the schema it went to is not sure (see createdNames): only a name gone from every schema.
        if (k.searchPath && sequenceNames.has(k.c.target!.path.at(-1)!)) return true;
        diagnostics.push({ severity: 'info', code: 'sql/not-kept', message: `on a sequence dropped or moved later with what owned it, not kept: ${k.first}`, ...k.at });
        sequenceGone = true;
        return false;
      });
      for (const k of kept) {
        const key = seqKey(k);
        if (key && explicitSequences.has(key) && ownedFromCatalog.has(key) && /\bowned\s+by\b/i.test(k.text) && late.changedAfter(k)) ownerFromCatalog.add(key);
      }
    }
    // Once the script renames or drops what kept triggers, policies, rules, statistics or comments
    // name (or runs code), their text may name what is gone: the catalog gives them as the script
    // left them (see late-objects.ts; judged on their text as written, before renames are followed).
    const c2 = now();
    const fromCatalog = sequenceGone || late.stale(kept.filter((k) => !(k.kind === 'comment' && targetOf(k) && modelledComment(k.c.target!.what, targetOf(k)!)))) ? await readLateObjects(pg) : undefined;
    if (fromCatalog) catalogMs += now() - c2;
    if (fromCatalog) {
      const n = kept.length;
      kept = kept.filter((k) => !writtenFromCatalog(k.kind, k.text));
      let rewritten = false;
      for (const k of kept) {
        // An ALTER TABLE that also does more keeps the rest (`CLUSTER ON i, SET (...)` once i is renamed).
        const rest = k.kind === 'alter' ? withoutCatalogActions(k.text) : undefined;
        if (rest) [k.text, rewritten] = [rest, true];
      }
      if (kept.length < n || rewritten) {
        diagnostics.push({ severity: 'info', code: 'sql/from-catalog', message: 'the script renames, moves or drops what its triggers, policies, rules, statistics or comments name, or runs code that may have: those are written as PostgreSQL defines them at the end of the script, not as the script wrote them', file: files[0]?.path });
      }
    }
    // Materialized views and BEGIN ATOMIC functions whose text names what is renamed or dropped later.
    const c3 = now();
    await rewriteStaleDefinitions(pg, kept, {
      stale: (k) => late.changedAfter(k),
      finalKey: (k) => finalKey(k, targetOf(k)!),
      schemaNow: (schema, index) => fates.followSchema(schema, index) ?? schema,
      routineNow: (schema, name, index, arity) => objectFates.now(true, schema, name, index, arity),
    });
    catalogMs += now() - c3;
    if (fates.any) kept = followRenames(kept, renames, renameIndexes, explicitSequences, finalKey, catalogRelations(cat, built, explicitSequences), fates);
    // Sequences other kept statements create, by name: an unqualified CREATE SEQUENCE under a
    // search_path (whose first schema may not have existed), or one in a procedure the script CALLs.
    const createdNames = new Set<string>();
    if (built.ownedSequences.length) {
      const CREATE_SEQUENCE = new RegExp(String.raw`\bcreate\s+(?:unlogged\s+)?sequence\s+(?:if\s+not\s+exists\s+)?(${NAME})`, 'gi');
      const called = new Set(kept.flatMap((k) => (k.kind === 'statement' ? [new RegExp(String.raw`^call\s+(${NAME})`, 'i').exec(k.text)?.[1]].filter(Boolean).map((n) => identPath(n!).at(-1)!) : [])));
      for (const k of kept) {
        const unqualified = k.kind === 'sequence' && k.searchPath && k.c.target?.path.length === 1;
        if (!unqualified && !(k.kind === 'procedure' && called.has(k.c.target?.path.at(-1) ?? ''))) continue;
        for (const m of k.text.matchAll(CREATE_SEQUENCE)) createdNames.add(identPath(m[1]).at(-1)!);
      }
    }
    for (const s of built.ownedSequences) {
      if (explicitSequences.has(s.key) || createdNames.has(s.name)) continue;
      // First, after the schemas and extensions: what uses it comes after (a sequence needs nothing but its schema).
      addRaw('sequence', s.create, -1.5, undefined, `rel:${s.key}`);
      if (s.owner) addRaw('sequence-owner', s.owner, 1e9);
    }
    // Triggers, policies, rules and statistics from the catalog before the kept late statements (an
    // ALTER TABLE that also disables a trigger names it); their states and comments after them.
    const created = new Set(['trigger', 'policy', 'rule', 'statistics']);
    for (const r of fromCatalog ?? []) if (created.has(r.kind)) addRaw(r.kind, r.text, 1e9, r.name);
    const onEnum = statementsOnEnums(kept, targets.filter((t) => t.what === 'enum').map((t) => ({ index: t.index, key: keyOf(t) })), enumKeys);
    for (const k of kept) {
      const tg = targetOf(k);
      if (onEnum.has(k)) continue;
      const sequence = SEQUENCE_KINDS.has(k.kind) && tg ? finalKey(k, tg) : undefined;
      if (sequence && built.absorbedSequences.has(sequence)) continue;
      if (sequence && k.kind !== 'sequence' && !explicitSequences.has(sequence)) continue;
      if (sequence && ownerFromCatalog.has(sequence)) {
        // Written from the catalog: the clause goes, and a statement left with nothing else to do with it.
        k.text = k.text.replace(OWNED_BY_CLAUSE, '');
        if (k.kind === 'sequence-owner' && BARE_ALTER_SEQUENCE.test(k.text)) continue;
      }
      if (k.kind === 'comment' && tg && modelledComment(k.c.target!.what, tg)) continue;
      if (k.kind === 'alter' && /^alter\s+table\b/i.test(k.text)) {
        // Partitions are attached from the catalog (sources.sql.partitionOf).
        const m = new RegExp(String.raw`\battach\s+partition\s+(${NAME})`, 'i').exec(k.text);
        if (m && built.tableByKey.has(keyOf({ path: identPath(m[1]), schema: k.schema }))) continue;
      }
      // Indexes are read from the catalog with their final names, and partitions' indexes attached
      // from it too: a rename or an attach of one is already in the document.
      if (k.kind === 'alter' && new RegExp(String.raw`^alter\s+index\s+(?:if\s+exists\s+)?${NAME}\s+(?:rename\s+to|attach\s+partition)\b`, 'i').test(k.text)) continue;
      // A sequence's statements all carry its final key: what uses it comes after its renames too.
      // A type, domain or function renamed or moved: in script order (tables from the catalog use its
      // new name), carrying that name for the export order.
      const moved = k.kind === 'alter' ? OBJECT_RENAME.exec(k.text) : null;
      if (moved) {
        const old = keyOf({ path: identPath(moved[2]), schema: k.schema });
        const to = moved[3] ? `${old.slice(0, old.lastIndexOf('.'))}.${identPath(moved[3])[0]}` : `${identPath(moved[4])[0]}.${old.slice(old.lastIndexOf('.') + 1)}`;
        addRaw('rename', k.text, k.index, undefined, `${/^(type|domain)$/i.test(moved[1]) ? 'type:' : 'fn:'}${to}`, k.searchPath);
        continue;
      }
      const key = k.nodeKey ?? (sequence ? `rel:${sequence}` : tg && KEY_PREFIX[k.kind] ? `${KEY_PREFIX[k.kind]}${finalKey(k, tg)}` : undefined);
      // Written after every object is made, and so after later renames of the function, type or domain
      // it names; not at all when the script drops that object later.
      const text = LATE_RAW_KINDS.has(k.kind) ? objectFates.finalName(k) : k.text;
      if (text === null) {
        diagnostics.push({ severity: 'info', code: 'sql/not-kept', message: `on a function, type or domain the script drops later, not kept: ${k.first}`, ...k.at });
        continue;
      }
      addRaw(k.kind, text, k.index, tg?.path.join('.'), key, k.searchPath);
    }
    for (const key of ownerFromCatalog) {
      const owner = ownedFromCatalog.get(key)!.owner;
      if (owner) addRaw('sequence-owner', owner, 1e9);
    }
    for (const r of fromCatalog ?? []) {
      if (created.has(r.kind) || (r.on && modelledCatalogComment(r.on))) continue;
      addRaw(r.kind, r.text, 1e9, r.name);
    }
    const order = dependencyOrder(nodes, cat.deps);
    const sources: PostgresSqlSources = { order };
    if (Object.keys(built.partitionBy).length) sources.partitionBy = built.partitionBy;
    if (Object.keys(built.partitionOf).length) sources.partitionOf = built.partitionOf;
    if (Object.keys(searchPaths).length) sources.searchPath = searchPaths;
    if (built.notNullArrays.length) sources.notNullArrays = built.notNullArrays;
    if (built.unlogged.length) sources.unlogged = built.unlogged;
    if (environment) sources.environment = environment.name;
    if (platformExtensions.length) sources.environmentExtensions = platformExtensions;
    if (platformPublications.length) sources.environmentPublications = platformPublications;
    // The roles the document's SQL names that the run had: made for it, or by the script's code (a DO
    // block's CREATE ROLE); not a platform's. The export expects them.
    if (madeRoles || codeRan) {
      const named = new Set(Object.values(doc.raw).flatMap((r) => (r.text.match(IDENT_ALL) ?? []).map(identName)));
      const platform = new Set(environment?.roles);
      const existing = await pg.query<{ r: string }>(`SELECT rolname AS r FROM pg_roles WHERE oid > 16383 ORDER BY oid`);
      const roles = existing.map((x) => x.r).filter((r) => named.has(r) && !platform.has(r));
      if (roles.length) {
        sources.roles = roles;
        diagnostics.push({ severity: 'info', code: 'sql/roles', message: `the roles ${roles.join(', ')} were made for the run (roles belong to the server, not the schema, and CREATE ROLE is skipped): what is kept names them, so the database it runs in needs them`, file: files[0]?.path });
      }
    }
    doc.sources.sql = sources;
    // Statements run in batches report after the ones skipped meanwhile, and the ones left out once
    // the catalog is read after all: back into script order.
    const fileOrder = new Map(files.map((f, i) => [f.path, i]));
    const keys = diagnostics.map((d) => ((fileOrder.get(d.file ?? '') ?? 0) * 2 ** 20 + (d.line ?? 0)) * 2 ** 20 + Math.min(d.column ?? 0, 2 ** 20 - 1));
    if (keys.some((k, i) => i > 0 && k < keys[i - 1])) {
      const sorted = diagnostics.map((d, i) => ({ d, k: keys[i] })).sort((a, b) => a.k - b.k);
      sorted.forEach((x, i) => (diagnostics[i] = x.d));
    }
    assertValidDocument(doc);
    if (opts.timings) Object.assign(opts.timings, { execute: execMs, catalog: catalogMs, split: splitMs, environment: environmentMs, total: now() - t0 });
    return { document: doc, diagnostics };
  } finally {
    await pg.close();
  }
}
