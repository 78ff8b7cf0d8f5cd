/** Structured catalog queries for the PostgreSQL import (run with search_path = '' so SQL is qualified). */
import type { Queryable } from '../../pglite/catalog';
import { notExtensionMember, SYSTEM_SCHEMA_FILTER } from '../../pglite/catalog';

export type R = Record<string, string | null>;

export interface RawCatalog {
  schemas: R[];
  extensions: R[];
  relations: R[];
  columns: R[];
  constraints: R[];
  indexes: R[];
  indexColumns: R[];
  enums: R[];
  serials: R[];
  identities: R[];
}

const rel = notExtensionMember('c.oid', 'pg_class');

export async function readRawCatalog(db: Queryable): Promise<RawCatalog> {
  const q = (sql: string) => db.query<R>(sql);
  return {
    schemas: await q(`SELECT n.oid::text AS oid, n.nspname AS name, obj_description(n.oid, 'pg_namespace') AS comment FROM pg_namespace n WHERE ${SYSTEM_SCHEMA_FILTER} AND ${notExtensionMember('n.oid', 'pg_namespace')} ORDER BY n.oid`),
    extensions: await q(`SELECT e.extname AS name, n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname <> 'plpgsql' ORDER BY e.oid`),
    relations: await q(`SELECT c.oid::text AS oid, n.nspname AS schema, c.relname AS name, c.relkind::text AS kind, obj_description(c.oid, 'pg_class') AS comment,
        CASE WHEN c.relkind = 'v' THEN pg_get_viewdef(c.oid, true) END AS definition, c.relispartition::text AS partition
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r','p','v') AND ${SYSTEM_SCHEMA_FILTER} AND ${rel} ORDER BY c.oid`),
    columns: await q(`SELECT a.attrelid::text AS rel, a.attnum::text AS num, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
        a.atttypid::text AS typid, t.typtype::text AS typtype, t.typname AS typname, a.attndims::text AS ndims, t.typcategory::text AS cat,
        et.typname AS elemname, et.typtype::text AS elemtype, coalesce(et.oid, t.oid)::text AS basetypid,
        a.attnotnull::text AS notnull, pg_get_expr(ad.adbin, ad.adrelid) AS def, a.attidentity::text AS ident, a.attgenerated::text AS gen,
        col_description(a.attrelid, a.attnum) AS comment, CASE WHEN a.attcollation <> t.typcollation THEN (SELECT quote_ident(cn.nspname)||'.'||quote_ident(co.collname) FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = a.attcollation) END AS coll
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_type t ON t.oid = a.atttypid
      LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A' LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
      WHERE c.relkind IN ('r','p') AND a.attnum > 0 AND NOT a.attisdropped AND ${SYSTEM_SCHEMA_FILTER} AND ${rel} ORDER BY a.attrelid, a.attnum`),
    constraints: await q(`SELECT co.oid::text AS oid, co.conrelid::text AS rel, co.conname AS name, co.contype::text AS type, array_to_string(co.conkey, ',') AS cols,
        co.confrelid::text AS frel, array_to_string(co.confkey, ',') AS fcols, co.confupdtype::text AS upd, co.confdeltype::text AS del, co.confmatchtype::text AS match,
        co.condeferrable::text AS deferrable, co.convalidated::text AS valid, co.conindid::text AS indid, pg_get_constraintdef(co.oid, true) AS def,
        obj_description(co.oid, 'pg_constraint') AS comment
      FROM pg_constraint co JOIN pg_class c ON c.oid = co.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE co.contype IN ('p','u','f','c','x','t') AND ${SYSTEM_SCHEMA_FILTER} AND ${rel} AND (co.conparentid = 0) ORDER BY co.conrelid, co.oid`),
    indexes: await q(`SELECT i.indexrelid::text AS oid, i.indrelid::text AS rel, ic.relname AS name, i.indisunique::text AS uniq, am.amname AS method,
        i.indnkeyatts::text AS nkey, i.indnatts::text AS natts, array_to_string(i.indkey, ',') AS keys, array_to_string(i.indoption, ',') AS options,
        pg_get_expr(i.indpred, i.indrelid) AS pred, pg_get_indexdef(i.indexrelid) AS def, i.indnullsnotdistinct::text AS nnd,
        EXISTS (SELECT 1 FROM pg_constraint co WHERE co.conindid = i.indexrelid AND co.contype IN ('p','u','x'))::text AS backs,
        obj_description(i.indexrelid, 'pg_class') AS comment, c.relkind::text AS relkind, array_to_string(i.indcollation::oid[], ',') AS colls
      FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_am am ON am.oid = ic.relam
      WHERE c.relkind IN ('r','p','m') AND ${SYSTEM_SCHEMA_FILTER} AND ${rel} AND NOT EXISTS (SELECT 1 FROM pg_inherits h WHERE h.inhrelid = i.indexrelid) ORDER BY i.indexrelid`),
    indexColumns: await q(`SELECT i.indexrelid::text AS oid, k.n::text AS n, pg_get_indexdef(i.indexrelid, k.n, true) AS text,
        (SELECT opc.opcname FROM pg_opclass opc WHERE opc.oid = i.indclass[k.n - 1] AND NOT opc.opcdefault) AS ops
      FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace, generate_series(1, i.indnkeyatts) AS k(n)
      WHERE c.relkind IN ('r','p') AND ${SYSTEM_SCHEMA_FILTER} ORDER BY i.indexrelid, k.n`),
    enums: await q(`SELECT t.oid::text AS oid, n.nspname AS schema, t.typname AS name, e.enumlabel AS label, obj_description(t.oid, 'pg_type') AS comment
      FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid
      WHERE ${SYSTEM_SCHEMA_FILTER} AND ${notExtensionMember('t.oid', 'pg_type')} ORDER BY t.oid, e.enumsortorder`),
    serials: await q(`SELECT d.refobjid::text AS rel, d.refobjsubid::text AS num, n.nspname AS schema, c.relname AS name, s.seqtypid::text AS typid,
        (s.seqstart = 1 AND s.seqincrement = 1 AND s.seqmin = 1 AND s.seqcache = 1 AND NOT s.seqcycle AND s.seqmax = CASE s.seqtypid WHEN 'int2'::regtype THEN 32767 WHEN 'int4'::regtype THEN 2147483647 ELSE 9223372036854775807 END)::text AS plain,
        d.deptype::text AS deptype, s.seqstart::text AS start, s.seqincrement::text AS inc
      FROM pg_depend d JOIN pg_class c ON c.oid = d.objid JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_sequence s ON s.seqrelid = c.oid
      WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND c.relkind = 'S' AND d.deptype IN ('a','i')`),
    identities: [],
  };
}
