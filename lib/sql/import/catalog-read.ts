/**
 * Structured catalog queries for the PostgreSQL import (run with search_path = '' so SQL is qualified).
 * Everything is read in one round trip: one sub-select per catalog kind, aggregated as JSON arrays
 * of rows (see Read), so the cost is one parse/plan/execute in PGlite and one JSON.parse here (no
 * per-table queries).
 */
import type { Queryable } from '../../pglite/catalog';
import { notExtensionMember, SYSTEM_SCHEMA_FILTER } from '../../pglite/catalog';
import { ENVIRONMENT_EXTENSION_LIKE } from '../../pglite/environments';

export type R = Record<string, string | null>;

/**
 * The catalog rows an import reads back. Definitions (`def` of constraints and indexes, `text` of
 * index columns) are read only where the document is likely to keep them as SQL; `readDefinitions`
 * gets the others when they are needed.
 */
export interface RawCatalog {
  schemas: R[];
  extensions: R[];
  relations: R[];
  /** Columns of tables and views. */
  columns: R[];
  constraints: R[];
  indexes: R[];
  indexColumns: R[];
  enums: R[];
  /** Every sequence, with the column that owns it (`rel`/`num`, `deptype` a: OWNED BY or serial, i: identity) if any. */
  serials: R[];
  /** Dependencies between user objects (`from` needs `to`), as keys `rel:`/`type:`/`fn:` + `schema.name`. */
  deps: R[];
}

/**
 * Which catalogs the script can have written to, from how its statements were classified: reading
 * less is the cheapest query (planning these catalog joins costs more than running them in PGlite).
 */
export interface CatalogNeeds {
  /** An extension was created: filter out its members (else there are none to filter). */
  extensions: boolean;
  enums: boolean;
  /** COMMENT ON ran: read descriptions (else they are all empty). */
  comments: boolean;
  /** Dependencies between objects, to order raw SQL and views around tables on export. */
  deps: boolean;
}

const ALL_NEEDS: CatalogNeeds = { extensions: true, enums: true, comments: true, deps: true };

/**
 * One read of a catalog kind: its output columns (name → SQL expression, cast to text) and the rest
 * of the query after the select list. The read returns each row as an array of its columns'
 * values, in this order: one JSON array per row costs PostgreSQL far less than a JSON object (whose
 * every field is looked up by type as it is written) and makes less text to parse.
 */
interface Read {
  cols: Record<string, string>;
  rest: string;
  /** Written before SELECT (a WITH clause). */
  before?: string;
  distinct?: boolean;
}

const NONE = (...names: string[]): Read => ({ cols: Object.fromEntries(names.map((n) => [n, 'NULL'])), rest: 'WHERE false' });

function queries(needs: CatalogNeeds): Record<keyof RawCatalog, Read> {
  // Extension members: an index probe of pg_depend per row, only when an extension exists.
  const notExt = (oid: string, catalog: string) => (needs.extensions ? notExtensionMember(oid, catalog) : 'true');
  // Comments: an index probe of pg_description per row (the obj_/col_description SQL functions cost a
  // function call each), and only when COMMENT ON ran.
  const desc = (oid: string, catalog: string, sub: string) =>
    needs.comments ? `(SELECT ds.description FROM pg_description ds WHERE ds.objoid = ${oid} AND ds.classoid = '${catalog}'::regclass AND ds.objsubid = ${sub})` : 'NULL';
  const obj = (oid: string, catalog: string) => desc(oid, catalog, '0');
  const col = (rel: string, num: string) => desc(rel, 'pg_class', num);
  return {
    schemas: {
      cols: { oid: 'n.oid', name: 'n.nspname', comment: obj('n.oid', 'pg_namespace') },
      rest: `FROM pg_namespace n WHERE ${SYSTEM_SCHEMA_FILTER} AND ${notExt('n.oid', 'pg_namespace')} ORDER BY n.oid`,
    },
    extensions: {
      cols: { name: 'e.extname', schema: 'n.nspname' },
      rest: `FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname <> 'plpgsql' AND e.extname NOT LIKE '${ENVIRONMENT_EXTENSION_LIKE}' ORDER BY e.oid`,
    },
    relations: {
      cols: {
        oid: 'c.oid', schema: 'n.nspname', name: 'c.relname', kind: 'c.relkind', comment: obj('c.oid', 'pg_class'),
        definition: `CASE WHEN c.relkind = 'v' THEN pg_get_viewdef(c.oid, true) END`,
        partition: 'c.relispartition',
        partkey: `CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END`,
        bound: 'CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END',
        parent: 'CASE WHEN c.relispartition THEN (SELECT h.inhparent FROM pg_inherits h WHERE h.inhrelid = c.oid) END',
        inherits: `CASE WHEN c.relkind = 'r' AND NOT c.relispartition THEN (SELECT string_agg('INHERIT ' || quote_ident(pn.nspname) || '.' || quote_ident(pc.relname), ', ' ORDER BY h.inhseqno)
          FROM pg_inherits h JOIN pg_class pc ON pc.oid = h.inhparent JOIN pg_namespace pn ON pn.oid = pc.relnamespace WHERE h.inhrelid = c.oid) END`,
        persistence: 'c.relpersistence', options: 'array_to_string(c.reloptions, chr(1))', oftype: 'CASE WHEN c.reloftype <> 0 THEN format_type(c.reloftype, NULL) END',
      },
      rest: `FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid > 16383 AND c.relkind IN ('r','p','v') AND ${SYSTEM_SCHEMA_FILTER} AND ${notExt('c.oid', 'pg_class')} ORDER BY c.oid`,
    },
    columns: {
      cols: {
        rel: 'a.attrelid', num: 'a.attnum', name: 'a.attname', type: 'format_type(a.atttypid, a.atttypmod)',
        typid: 'a.atttypid', typtype: 't.typtype', typname: 't.typname', ndims: 'a.attndims', cat: 't.typcategory',
        elemname: 'et.typname', elemtype: 'et.typtype', basetypid: 'coalesce(et.oid, t.oid)',
        notnull: 'a.attnotnull', def: 'CASE WHEN a.atthasdef THEN (SELECT pg_get_expr(ad.adbin, ad.adrelid) FROM pg_attrdef ad WHERE ad.adrelid = a.attrelid AND ad.adnum = a.attnum) END', ident: 'a.attidentity', gen: 'a.attgenerated',
        comment: col('a.attrelid', 'a.attnum'), coll: `CASE WHEN a.attcollation <> t.typcollation THEN (SELECT quote_ident(cn.nspname)||'.'||quote_ident(co.collname) FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = a.attcollation) END`, collid: 'a.attcollation',
        domtype: `CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END`, compression: `nullif(a.attcompression::text, '')`,
        domtypname: 'dt.typname', domtyptype: 'dt.typtype', domcat: 'dt.typcategory', domnotnull: `t.typtype = 'd' AND t.typnotnull`,
      },
      // The element type and a domain's base type by index, per row that has one (a hash of all of pg_type costs more).
      rest: `FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_type t ON t.oid = a.atttypid
        LEFT JOIN LATERAL (SELECT et.oid, et.typname, et.typtype FROM pg_type et WHERE et.oid = t.typelem AND t.typcategory = 'A' OFFSET 0) et ON true
        LEFT JOIN LATERAL (SELECT dt.typname, dt.typtype, dt.typcategory FROM pg_type dt WHERE dt.oid = t.typbasetype AND t.typtype = 'd' OFFSET 0) dt ON true
        WHERE c.oid > 16383 AND c.relkind IN ('r','p','v') AND a.attnum > 0 AND NOT a.attisdropped AND ${SYSTEM_SCHEMA_FILTER} AND ${notExt('c.oid', 'pg_class')} ORDER BY a.attrelid, a.attnum`,
    },
    // Constraints cloned onto partitions (conparentid <> 0) are kept for keys (p/u/x): the partition
    // then already has them when it is attached, as in the original; cloned foreign keys are not.
    constraints: {
      cols: {
        oid: 'co.oid', rel: 'co.conrelid', name: 'co.conname', type: 'co.contype', cols: `array_to_string(co.conkey, ',')`,
        frel: 'co.confrelid', fcols: `array_to_string(co.confkey, ',')`, upd: 'co.confupdtype', del: 'co.confdeltype', match: 'co.confmatchtype',
        deferrable: 'co.condeferrable', deferred: 'co.condeferred', valid: 'co.convalidated', delcols: 'co.confdelsetcols IS NOT NULL', indid: 'co.conindid',
        incl: `co.contype IN ('p','u') AND EXISTS (SELECT 1 FROM pg_index ci WHERE ci.indexrelid = co.conindid AND ci.indnatts > ci.indnkeyatts)`,
        def: `CASE WHEN co.contype IN ('p','f') AND NOT co.condeferrable AND co.convalidated AND co.confmatchtype <> 'f' AND co.confdelsetcols IS NULL THEN NULL ELSE pg_get_constraintdef(co.oid, true) END`,
        comment: obj('co.oid', 'pg_constraint'),
      },
      rest: `FROM pg_constraint co JOIN pg_class c ON c.oid = co.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE co.oid > 16383 AND co.contype IN ('p','u','f','c','x','t') AND ${SYSTEM_SCHEMA_FILTER} AND ${notExt('c.oid', 'pg_class')} AND (co.conparentid = 0 OR co.contype IN ('p','u','x')) ORDER BY co.conrelid, co.oid`,
    },
    indexes: {
      cols: {
        oid: 'i.indexrelid', rel: 'i.indrelid', name: 'ic.relname', uniq: 'i.indisunique', method: 'am.amname',
        nkey: 'i.indnkeyatts', natts: 'i.indnatts', keys: `array_to_string(i.indkey, ',')`, options: `array_to_string(i.indoption, ',')`,
        pred: 'pg_get_expr(i.indpred, i.indrelid)', nnd: 'i.indnullsnotdistinct',
        def: `CASE WHEN am.amname IN ('btree','hash') AND i.indnkeyatts = i.indnatts AND i.indexprs IS NULL AND NOT i.indnullsnotdistinct THEN NULL ELSE pg_get_indexdef(i.indexrelid) END`,
        backs: 'co.oid IS NOT NULL', comment: obj('i.indexrelid', 'pg_class'), relkind: 'c.relkind',
        colls: `array_to_string(i.indcollation::oid[], ',')`, relopts: 'array_to_string(ic.reloptions, chr(1))',
        parent: 'CASE WHEN ic.relispartition THEN (SELECT h.inhparent FROM pg_inherits h WHERE h.inhrelid = i.indexrelid) END', valid: 'i.indisvalid',
      },
      rest: `FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_am am ON am.oid = ic.relam
        LEFT JOIN pg_constraint co ON co.conindid = i.indexrelid AND co.conrelid = i.indrelid AND co.contype IN ('p','u','x')
        WHERE i.indexrelid > 16383 AND c.relkind IN ('r','p','m') AND ${SYSTEM_SCHEMA_FILTER} AND ${notExt('c.oid', 'pg_class')} ORDER BY i.indexrelid`,
    },
    indexColumns: {
      cols: { oid: 'i.indexrelid', n: 'k.n', text: 'CASE WHEN i.indkey[k.n - 1] = 0 THEN pg_get_indexdef(i.indexrelid, k.n, true) END', ops: 'CASE WHEN NOT opc.opcdefault THEN opc.opcname END' },
      rest: `FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace CROSS JOIN LATERAL generate_series(1, i.indnkeyatts) AS k(n)
        LEFT JOIN pg_opclass opc ON opc.oid = i.indclass[k.n - 1]
        WHERE i.indexrelid > 16383 AND c.relkind IN ('r','p') AND ${SYSTEM_SCHEMA_FILTER} ORDER BY i.indexrelid, k.n`,
    },
    enums: !needs.enums
      ? NONE('oid', 'schema', 'name', 'label', 'comment')
      : {
          cols: { oid: 't.oid', schema: 'n.nspname', name: 't.typname', label: 'e.enumlabel', comment: obj('t.oid', 'pg_type') },
          rest: `FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid
            WHERE t.oid > 16383 AND ${SYSTEM_SCHEMA_FILTER} AND ${notExt('t.oid', 'pg_type')} ORDER BY t.oid, e.enumsortorder`,
        },
    serials: {
      cols: {
        rel: 'd.refobjid', num: 'd.refobjsubid', schema: 'n.nspname', name: 'c.relname', typid: 's.seqtypid',
        plain: `s.seqstart = 1 AND s.seqincrement = 1 AND s.seqmin = 1 AND s.seqcache = 1 AND NOT s.seqcycle AND s.seqmax = CASE s.seqtypid WHEN 'int2'::regtype THEN 32767 WHEN 'int4'::regtype THEN 2147483647 ELSE 9223372036854775807 END`,
        deptype: 'd.deptype', start: 's.seqstart', inc: 's.seqincrement', type: 'format_type(s.seqtypid, NULL)',
        min: 's.seqmin', max: 's.seqmax', cache: 's.seqcache', cycle: 's.seqcycle', persistence: 'c.relpersistence',
      },
      rest: `FROM pg_class c JOIN pg_sequence s ON s.seqrelid = c.oid JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.objsubid = 0 AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a','i')
        WHERE c.oid > 16383 AND c.relkind = 'S' AND ${SYSTEM_SCHEMA_FILTER} AND ${notExt('c.oid', 'pg_class')}`,
    },
    // Keys of user objects: relations (and their row types) `rel:`, other types `type:` (arrays as their
    // element), functions `fn:`; defaults, constraints and a view's own rule (_RETURN) count as their table /
    // domain / view. Other rules are written after every table and view (late), and NEW.col in one is not
    // its view reading itself.
    deps: !needs.deps
      ? NONE('from', 'to')
      : {
          before: `WITH ${KEYS}`,
          distinct: true,
          cols: { from: 'a.key', to: 'b.key' },
          rest: `FROM pg_depend d JOIN keys a ON a.cls = d.classid AND a.oid = d.objid JOIN keys b ON b.cls = d.refclassid AND b.oid = d.refobjid
            WHERE d.deptype = 'n' AND d.objid > 16383 AND d.refobjid > 16383 AND (a.key <> b.key OR d.classid = 'pg_rewrite'::regclass)`,
        },
  };
}

/*
 * User objects have OIDs from 16384 (FirstNormalObjectId) on. The reads start from `oid > 16383`
 * (an index range scan, not a scan of initdb's few hundred rows in each catalog), and test `> 16383`, never
 * `>= 16384`. PostgreSQL takes a constant of type oid in a plan for a relation the plan depends on
 * (as if it were a regclass), and the first object a script creates is often relation 16384: its DDL
 * would then invalidate the prepared read, which would be planned again (supabase's read: 23 ms
 * instead of 5). 16383 is above every OID initdb assigns and below every user object's.
 */
export const KEYS = `keys AS (
  SELECT 'pg_class'::regclass AS cls, c.oid, CASE WHEN c.relkind = 'c' THEN 'type:' ELSE 'rel:' END || n.nspname || '.' || c.relname AS key
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid > 16383
  UNION ALL SELECT 'pg_type'::regclass, t.oid, CASE WHEN b.typrelid <> 0 AND r.relkind <> 'c' THEN 'rel:' ELSE 'type:' END || n.nspname || '.' || b.typname
    FROM pg_type t JOIN pg_type b ON b.oid = CASE WHEN t.typcategory = 'A' AND t.typelem <> 0 THEN t.typelem ELSE t.oid END
    JOIN pg_namespace n ON n.oid = b.typnamespace LEFT JOIN pg_class r ON r.oid = b.typrelid WHERE t.oid > 16383
  UNION ALL SELECT 'pg_proc'::regclass, p.oid, 'fn:' || n.nspname || '.' || p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE p.oid > 16383
  UNION ALL SELECT 'pg_attrdef'::regclass, ad.oid, 'rel:' || n.nspname || '.' || c.relname FROM pg_attrdef ad JOIN pg_class c ON c.oid = ad.adrelid JOIN pg_namespace n ON n.oid = c.relnamespace
  UNION ALL SELECT 'pg_constraint'::regclass, co.oid, coalesce('rel:' || n.nspname || '.' || c.relname, 'type:' || tn.nspname || '.' || t.typname)
    FROM pg_constraint co LEFT JOIN pg_class c ON c.oid = co.conrelid LEFT JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_type t ON t.oid = co.contypid LEFT JOIN pg_namespace tn ON tn.oid = t.typnamespace WHERE co.contype <> 'f' AND co.oid > 16383
  UNION ALL SELECT 'pg_rewrite'::regclass, rw.oid, 'rel:' || n.nspname || '.' || c.relname FROM pg_rewrite rw JOIN pg_class c ON c.oid = rw.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace WHERE rw.oid > 16383 AND rw.rulename = '_RETURN'
)`;

/** The text of one read: a JSON array of its rows, each an array of its columns as text. */
function readSql(r: Read): string {
  const row = `ARRAY[${Object.values(r.cols).map((e) => `(${e})::text`).join(', ')}]`;
  return `(SELECT coalesce(json_agg(x.r), '[]'::json) FROM (${r.before ? `${r.before} ` : ''}SELECT ${r.distinct ? 'DISTINCT ' : ''}${row} AS r ${r.rest}) x)`;
}

const cache = new Map<string, { sql: string; columns: [keyof RawCatalog, string[]][] }>();

/** The one catalog query for these needs, and the columns of each kind it reads, in order. */
function catalogRead(needs: CatalogNeeds) {
  const key = JSON.stringify(needs);
  let read = cache.get(key);
  if (!read) {
    const all = Object.entries(queries(needs)) as [keyof RawCatalog, Read][];
    read = {
      sql: `SELECT json_build_array(${all.map(([, r]) => readSql(r)).join(',\n')})::text AS j`,
      columns: all.map(([k, r]): [keyof RawCatalog, string[]] => [k, Object.keys(r.cols)]),
    };
    cache.set(key, read);
  }
  return read;
}

/** The one catalog query for these needs. */
export function catalogQuery(needs: CatalogNeeds = ALL_NEEDS): string {
  return catalogRead(needs).sql;
}

const statementName = (n: CatalogNeeds) => `schemata_catalog_${+n.extensions}${+n.enums}${+n.comments}${+n.deps}`;

/** The catalog reads worth preparing ahead: plain DDL, DDL with enums and raw objects, and everything. */
export const COMMON_NEEDS: CatalogNeeds[] = [
  { extensions: false, enums: false, comments: false, deps: false },
  { extensions: false, enums: true, comments: false, deps: true },
  ALL_NEEDS,
];

/**
 * Prepares catalog reads in a database that is waiting for a script (a pre-booted import database),
 * and plans them once, so the import's read skips planning the catalog joins (most of its cost in
 * PGlite). The generic plan stays valid across the script's DDL unless it changes schemas. Returns
 * the prepared statements' names, for `readRawCatalog`.
 */
export async function prepareCatalogReads(db: Queryable & { exec(sql: string): Promise<void> }, variants = COMMON_NEEDS): Promise<Set<string>> {
  const names = new Set<string>();
  await db.exec(`SET search_path = ''; SET plan_cache_mode = force_generic_plan`);
  for (const needs of variants) {
    const name = statementName(needs);
    await db.exec(`PREPARE ${name} AS ${catalogQuery(needs)}`);
    await db.query(`EXECUTE ${name}`);
    names.add(name);
  }
  await db.exec('RESET ALL');
  return names;
}

/**
 * Reads the catalog in one query. Expects `search_path = ''`; with `prepared` (from
 * `prepareCatalogReads`, and `plan_cache_mode = force_generic_plan`) it runs the prepared read.
 */
export async function readRawCatalog(db: Queryable, needs: CatalogNeeds = ALL_NEEDS, prepared?: ReadonlySet<string>): Promise<RawCatalog> {
  // The narrowest prepared read that covers the needs: reading a little more gives the same document
  // (what a script did not write is empty), and costs less than planning the exact read.
  const covering = COMMON_NEEDS.find((n) => prepared?.has(statementName(n)) && (Object.keys(needs) as (keyof CatalogNeeds)[]).every((k) => n[k] || !needs[k]));
  const read = catalogRead(covering ?? needs);
  const [row] = await db.query<{ j: string }>(covering ? `EXECUTE ${statementName(covering)}` : read.sql);
  const kinds = JSON.parse(row.j) as (string | null)[][][];
  const out = {} as RawCatalog;
  read.columns.forEach(([kind, names], k) => {
    out[kind] = kinds[k].map((values) => {
      const o: R = {};
      for (let i = 0; i < names.length; i++) o[names[i]] = values[i];
      return o;
    });
  });
  return out;
}

/**
 * Definitions the catalog read left out (see RawCatalog) of these constraints (`c`) and indexes (`i`),
 * from `pg_get_constraintdef` / `pg_get_indexdef`, keyed `c<oid>` / `i<oid>`.
 */
export async function readDefinitions(db: Queryable, want: { of: 'c' | 'i'; oid: string }[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (!want.length) return out;
  const list = (of: 'c' | 'i') => want.filter((w) => w.of === of).map((w) => `${Number(w.oid)}`).join(',') || 'NULL';
  const rows = await db.query<{ oid: string; def: string }>(
    `SELECT 'c' || x::text AS oid, pg_get_constraintdef(x, true) AS def FROM unnest(ARRAY[${list('c')}]::oid[]) x WHERE x IS NOT NULL
     UNION ALL SELECT 'i' || x::text, pg_get_indexdef(x) FROM unnest(ARRAY[${list('i')}]::oid[]) x WHERE x IS NOT NULL`,
  );
  for (const r of rows) out.set(r.oid, r.def);
  return out;
}
