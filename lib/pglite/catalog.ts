/**
 * A normalised catalog snapshot of a PostgreSQL database, for comparing two databases: tables,
 * columns, types, defaults, constraints, indexes (with names and definitions), enums, views,
 * sequences, functions, triggers, policies, domains, composite types, comments, extensions and publications.
 * Objects that belong to extensions and system schemas are left out.
 */

/** Anything with a `query` that returns rows (a PgRunner, or a PGlite instance wrapped). */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface CatalogColumn {
  name: string;
  type: string;
  notNull: boolean;
  default?: string;
  identity?: string;
  generated?: string;
  collation?: string;
  /** `pglz` or `lz4` when set on the column. */
  compression?: string;
  /** Its statistics target, when set (ALTER COLUMN ... SET STATISTICS). */
  statistics?: number;
}

export interface CatalogTable {
  kind: string;
  columns: CatalogColumn[];
  /** Constraint name → `<type>: <definition>`. */
  constraints: Record<string, string>;
  /** Index name → `pg_get_indexdef`. */
  indexes: Record<string, string>;
  /** Only when not the defaults: `u` for UNLOGGED, storage parameters, the composite type of a typed table, inheritance parents. */
  persistence?: string;
  options?: string;
  of?: string;
  inherits?: string;
  /** `enabled` / `forced` when row-level security is on. */
  rowSecurity?: string;
  /** `full`, `nothing` or `index` when not the default (an index's definition says which one). */
  replicaIdentity?: string;
}

export interface CatalogSnapshot {
  schemas: string[];
  extensions: string[];
  tables: Record<string, CatalogTable>;
  enums: Record<string, string[]>;
  views: Record<string, string>;
  sequences: Record<string, string>;
  functions: Record<string, string>;
  triggers: Record<string, string>;
  policies: Record<string, string>;
  domains: Record<string, string>;
  types: Record<string, string>;
  comments: Record<string, string>;
  /** Rules other than views' own (`pg_get_ruledef`) and extended statistics objects. */
  rules: Record<string, string>;
  statistics: Record<string, string>;
  /** Publications: their tables (column lists, row filters), schemas and published changes. */
  publications: Record<string, string>;
}

/** Namespaces that are never user schemas. */
export const SYSTEM_SCHEMA_FILTER = `n.nspname NOT IN ('pg_catalog','information_schema','pg_toast') AND n.nspname NOT LIKE 'pg_temp%' AND n.nspname NOT LIKE 'pg_toast_temp%'`;
/** Excludes objects owned by an extension (classid is the catalog of the object). */
export const notExtensionMember = (oid: string, catalog: string) =>
  `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '${catalog}'::regclass AND d.objid = ${oid} AND d.deptype = 'e')`;

type Row = Record<string, string | null>;

async function rows(db: Queryable, sql: string): Promise<Row[]> {
  return db.query<Row>(sql);
}

function byKey(list: Row[], key = 'k', value = 'v'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of list) out[r[key]!] = r[value] ?? '';
  return out;
}

/** Reads the snapshot. Uses the session's search_path for how names in expressions are printed. */
export async function readCatalogSnapshot(db: Queryable): Promise<CatalogSnapshot> {
  const rel = notExtensionMember('c.oid', 'pg_class');
  const schemas = (await rows(db, `SELECT n.nspname AS k FROM pg_namespace n WHERE ${SYSTEM_SCHEMA_FILTER} AND ${notExtensionMember('n.oid', 'pg_namespace')} ORDER BY 1`)).map((r) => r.k!);
  const extensions = (await rows(db, `SELECT extname AS k FROM pg_extension ORDER BY 1`)).map((r) => r.k!);
  const tables: Record<string, CatalogTable> = {};
  for (const r of await rows(db, `SELECT c.oid::text AS oid, n.nspname||'.'||c.relname AS k, c.relkind AS kind, c.relpersistence::text AS persistence,
      array_to_string(c.reloptions, ', ') AS options, CASE WHEN c.reloftype <> 0 THEN format_type(c.reloftype, NULL) END AS oftype,
      (SELECT string_agg(h.inhparent::regclass::text, ', ' ORDER BY h.inhseqno) FROM pg_inherits h WHERE h.inhrelid = c.oid AND NOT c.relispartition) AS inherits,
      CASE WHEN c.relforcerowsecurity THEN 'forced' WHEN c.relrowsecurity THEN 'enabled' END AS rls,
      CASE c.relreplident WHEN 'f' THEN 'full' WHEN 'n' THEN 'nothing' WHEN 'i' THEN 'index' END AS replident
    FROM pg_class c JOIN pg_namespace n ON n.oid=c.relnamespace WHERE c.relkind IN ('r','p','f') AND ${SYSTEM_SCHEMA_FILTER} AND ${rel} ORDER BY 2`)) {
    tables[r.oid!] = { kind: r.kind!, columns: [], constraints: {}, indexes: {} };
    if (r.persistence !== 'p') tables[r.oid!].persistence = r.persistence!;
    if (r.options) tables[r.oid!].options = r.options;
    if (r.oftype) tables[r.oid!].of = r.oftype;
    if (r.inherits) tables[r.oid!].inherits = r.inherits;
    if (r.rls) tables[r.oid!].rowSecurity = r.rls;
    if (r.replident) tables[r.oid!].replicaIdentity = r.replident;
    (tables[r.oid!] as CatalogTable & { key?: string }).key = r.k!;
  }
  for (const r of await rows(db, `SELECT a.attrelid::text AS oid, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull::text AS nn,
      pg_get_expr(ad.adbin, ad.adrelid) AS def, a.attidentity AS ident, a.attgenerated AS gen,
      CASE WHEN a.attcollation <> t.typcollation THEN co.collname END AS coll, nullif(a.attcompression::text, '') AS compression,
      CASE WHEN a.attstattarget >= 0 THEN a.attstattarget::text END AS stattarget
    FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid LEFT JOIN pg_attrdef ad ON ad.adrelid=a.attrelid AND ad.adnum=a.attnum
    LEFT JOIN pg_collation co ON co.oid = a.attcollation
    WHERE a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attrelid, a.attnum`)) {
    const t = tables[r.oid!];
    if (!t) continue;
    const col: CatalogColumn = { name: r.name!, type: r.type!, notNull: r.nn === 'true' };
    if (r.def !== null && !r.gen) col.default = r.def;
    if (r.ident) col.identity = r.ident;
    if (r.gen) col.generated = `${r.gen}: ${r.def}`;
    if (r.coll) col.collation = r.coll;
    if (r.compression) col.compression = r.compression === 'l' ? 'lz4' : 'pglz';
    if (r.stattarget) col.statistics = Number(r.stattarget);
    t.columns.push(col);
  }
  for (const r of await rows(db, `SELECT conrelid::text AS oid, conname AS name, contype::text||': '||pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid <> 0 AND contype <> 'n'`)) {
    const t = tables[r.oid!];
    if (t) t.constraints[r.name!] = r.def!;
  }
  // An index of a partition names the partitioned table's index it is attached to; an invalid one,
  // the one the table is clustered on and the replica identity one say so.
  for (const r of await rows(db, `SELECT i.indrelid::text AS oid, c.relname AS name, pg_get_indexdef(i.indexrelid)||CASE WHEN i.indisvalid THEN '' ELSE ' (invalid)' END
      ||CASE WHEN i.indisclustered THEN ' (clustered)' ELSE '' END||CASE WHEN i.indisreplident THEN ' (replica identity)' ELSE '' END
      ||coalesce((SELECT ' (partition of '||pc.relname||')' FROM pg_inherits h JOIN pg_class pc ON pc.oid = h.inhparent WHERE h.inhrelid = i.indexrelid), '') AS def
    FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid`)) {
    const t = tables[r.oid!];
    if (t) t.indexes[r.name!] = r.def!;
  }
  const byName: Record<string, CatalogTable> = {};
  for (const t of Object.values(tables)) {
    const { key, ...rest } = t as CatalogTable & { key: string };
    byName[key] = rest;
  }
  const enums: Record<string, string[]> = {};
  for (const r of await rows(db, `SELECT n.nspname||'.'||t.typname AS k, e.enumlabel AS v FROM pg_enum e JOIN pg_type t ON t.oid=e.enumtypid JOIN pg_namespace n ON n.oid=t.typnamespace WHERE ${notExtensionMember('t.oid', 'pg_type')} ORDER BY 1, e.enumsortorder`)) {
    (enums[r.k!] ??= []).push(r.v!);
  }
  const views = byKey(await rows(db, `SELECT n.nspname||'.'||c.relname AS k, c.relkind::text||': '||pg_get_viewdef(c.oid, true)||coalesce(' WITH ('||array_to_string(c.reloptions, ', ')||')', '') AS v FROM pg_class c JOIN pg_namespace n ON n.oid=c.relnamespace WHERE c.relkind IN ('v','m') AND ${SYSTEM_SCHEMA_FILTER} AND ${rel}`));
  const sequences = byKey(await rows(db, `SELECT n.nspname||'.'||c.relname AS k,
      format_type(s.seqtypid, NULL)||' start '||s.seqstart||' inc '||s.seqincrement||' min '||s.seqmin||' max '||s.seqmax||' cache '||s.seqcache||CASE WHEN s.seqcycle THEN ' cycle' ELSE '' END||CASE WHEN c.relpersistence = 'u' THEN ' unlogged' ELSE '' END
      ||coalesce(' owned by '||(SELECT dt.relname||'.'||a.attname||' '||d.deptype::text FROM pg_depend d JOIN pg_class dt ON dt.oid=d.refobjid JOIN pg_attribute a ON a.attrelid=d.refobjid AND a.attnum=d.refobjsubid WHERE d.classid='pg_class'::regclass AND d.objid=c.oid AND d.refclassid='pg_class'::regclass AND d.deptype IN ('a','i') LIMIT 1), '') AS v
    FROM pg_sequence s JOIN pg_class c ON c.oid=s.seqrelid JOIN pg_namespace n ON n.oid=c.relnamespace WHERE ${SYSTEM_SCHEMA_FILTER} AND ${rel}`));
  const functions = byKey(await rows(db, `SELECT n.nspname||'.'||p.proname||'('||pg_get_function_identity_arguments(p.oid)||')' AS k,
      CASE WHEN p.prokind IN ('f','p') THEN pg_get_functiondef(p.oid) ELSE p.prokind::text||' '||pg_get_function_result(p.oid) END AS v
    FROM pg_proc p JOIN pg_namespace n ON n.oid=p.pronamespace WHERE ${SYSTEM_SCHEMA_FILTER} AND ${notExtensionMember('p.oid', 'pg_proc')}`));
  const triggers = byKey(await rows(db, `SELECT c.relname||'.'||t.tgname AS k, pg_get_triggerdef(t.oid)||' '||t.tgenabled::text||coalesce((SELECT ' (depends on extension '||string_agg(x.extname, ', ' ORDER BY x.extname)||')' FROM pg_depend d JOIN pg_extension x ON x.oid=d.refobjid WHERE d.classid='pg_trigger'::regclass AND d.objid=t.oid AND d.deptype='x'), '') AS v FROM pg_trigger t JOIN pg_class c ON c.oid=t.tgrelid WHERE NOT t.tgisinternal AND c.relpersistence <> 't'`));
  const policies = byKey(await rows(db, `SELECT schemaname||'.'||tablename||'.'||policyname AS k, permissive||' '||cmd||' '||coalesce(array_to_string(roles, ','),'')||' '||coalesce(qual,'')||' '||coalesce(with_check,'') AS v FROM pg_policies WHERE schemaname NOT LIKE 'pg_temp%'`));
  const domains = byKey(await rows(db, `SELECT n.nspname||'.'||t.typname AS k, format_type(t.typbasetype, t.typtypmod)||CASE WHEN t.typnotnull THEN ' not null' ELSE '' END||coalesce(' default '||pg_get_expr(t.typdefaultbin, 0),'')
      ||coalesce((SELECT ' '||string_agg(c.conname||' '||pg_get_constraintdef(c.oid), ', ' ORDER BY c.conname) FROM pg_constraint c WHERE c.contypid=t.oid),'') AS v
    FROM pg_type t JOIN pg_namespace n ON n.oid=t.typnamespace WHERE t.typtype='d' AND ${SYSTEM_SCHEMA_FILTER} AND ${notExtensionMember('t.oid', 'pg_type')}`));
  const types = byKey(await rows(db, `SELECT n.nspname||'.'||t.typname AS k,
      t.typtype::text||' '||coalesce((SELECT string_agg(a.attname||' '||format_type(a.atttypid,a.atttypmod), ', ' ORDER BY a.attnum) FROM pg_attribute a WHERE a.attrelid=t.typrelid AND a.attnum>0 AND NOT a.attisdropped),'') AS v
    FROM pg_type t JOIN pg_namespace n ON n.oid=t.typnamespace LEFT JOIN pg_class c ON c.oid=t.typrelid
    WHERE t.typtype IN ('c','r','m','b') AND (t.typrelid = 0 OR c.relkind = 'c') AND ${SYSTEM_SCHEMA_FILTER} AND ${notExtensionMember('t.oid', 'pg_type')} AND t.typname NOT LIKE '\\_%'`));
  const comments = byKey(await rows(db, `SELECT d.classoid::regclass::text||' '||coalesce(pg_describe_object(d.classoid, d.objoid, d.objsubid), d.objoid::text) AS k, d.description AS v
    FROM pg_description d WHERE d.objoid >= 16384 AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.objid = d.objoid AND e.deptype = 'e')
      AND NOT EXISTS (SELECT 1 FROM pg_class c WHERE d.classoid = 'pg_class'::regclass AND c.oid = d.objoid AND c.relpersistence = 't')`));
  const rules = byKey(await rows(db, `SELECT n.nspname||'.'||c.relname||'.'||r.rulename AS k, pg_get_ruledef(r.oid)||CASE WHEN r.ev_enabled <> 'O' THEN ' (enabled: '||r.ev_enabled::text||')' ELSE '' END AS v
    FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace WHERE r.rulename <> '_RETURN' AND ${SYSTEM_SCHEMA_FILTER}`));
  const statistics = byKey(await rows(db, `SELECT n.nspname||'.'||s.stxname AS k, pg_get_statisticsobjdef(s.oid)||CASE WHEN s.stxstattarget >= 0 THEN ' (target '||s.stxstattarget::text||')' ELSE '' END AS v FROM pg_statistic_ext s JOIN pg_namespace n ON n.oid = s.stxnamespace
    JOIN pg_class c ON c.oid = s.stxrelid WHERE ${SYSTEM_SCHEMA_FILTER} AND c.relpersistence <> 't'`));
  // Publications: what they publish (tables with their column lists and row filters, schemas, all) and which changes.
  const publications = byKey(await rows(db, `SELECT p.pubname AS k, concat_ws('; ', CASE WHEN p.puballtables THEN 'all tables' END,
      (SELECT string_agg(n.nspname||'.'||c.relname
        ||coalesce(' ('||(SELECT string_agg(a.attname, ',' ORDER BY a.attnum) FROM pg_attribute a WHERE a.attrelid = pr.prrelid AND a.attnum = ANY(pr.prattrs::int2[]))||')', '')
        ||coalesce(' where '||pg_get_expr(pr.prqual, pr.prrelid), ''), ', ' ORDER BY n.nspname, c.relname)
        FROM pg_publication_rel pr JOIN pg_class c ON c.oid = pr.prrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE pr.prpubid = p.oid),
      (SELECT 'schemas '||string_agg(n.nspname, ', ' ORDER BY n.nspname) FROM pg_publication_namespace pn JOIN pg_namespace n ON n.oid = pn.pnnspid WHERE pn.pnpubid = p.oid),
      'publish '||concat_ws(',', CASE WHEN p.pubinsert THEN 'insert' END, CASE WHEN p.pubupdate THEN 'update' END, CASE WHEN p.pubdelete THEN 'delete' END, CASE WHEN p.pubtruncate THEN 'truncate' END)
        ||CASE WHEN p.pubviaroot THEN ' via partition root' ELSE '' END) AS v
    FROM pg_publication p`));
  return { schemas, extensions, tables: byName, enums, views, sequences, functions, triggers, policies, domains, types, comments, rules, statistics, publications };
}

/** Differences between two snapshots, one line each (`tables.public.a.columns: ...`). Empty when equal. */
export function diffCatalogs(a: CatalogSnapshot, b: CatalogSnapshot): string[] {
  const out: string[] = [];
  const walk = (x: unknown, y: unknown, path: string) => {
    if (out.length > 200) return;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null || Array.isArray(x) !== Array.isArray(y)) {
      if (JSON.stringify(x) !== JSON.stringify(y)) out.push(`${path}: ${JSON.stringify(x)} != ${JSON.stringify(y)}`);
      return;
    }
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length || x.some((v, i) => typeof v !== 'object' && v !== y[i])) {
        if (x.every((v) => typeof v !== 'object')) {
          out.push(`${path}: ${JSON.stringify(x)} != ${JSON.stringify(y)}`);
          return;
        }
      }
      const n = Math.max(x.length, y.length);
      for (let i = 0; i < n; i++) walk(x[i], y[i], `${path}[${i}]`);
      return;
    }
    const xo = x as Record<string, unknown>;
    const yo = y as Record<string, unknown>;
    for (const k of new Set([...Object.keys(xo), ...Object.keys(yo)])) {
      if (!(k in yo)) out.push(`${path}.${k}: only in first`);
      else if (!(k in xo)) out.push(`${path}.${k}: only in second`);
      else walk(xo[k], yo[k], `${path}.${k}`);
    }
  };
  walk(a, b, '$');
  return out;
}
