/**
 * PGlite contrib extensions, loaded on demand by name (the name used in `CREATE EXTENSION`).
 * Literal dynamic imports so bundlers can split them; nothing here is Node-only.
 */
import type { Extension } from '@electric-sql/pglite';
import { splitStatements } from '../sql/split';

export type Loader = () => Promise<Extension>;

const LOADERS: Record<string, Loader> = {
  amcheck: () => import('@electric-sql/pglite/contrib/amcheck').then((m) => m.amcheck),
  bloom: () => import('@electric-sql/pglite/contrib/bloom').then((m) => m.bloom),
  btree_gin: () => import('@electric-sql/pglite/contrib/btree_gin').then((m) => m.btree_gin),
  btree_gist: () => import('@electric-sql/pglite/contrib/btree_gist').then((m) => m.btree_gist),
  citext: () => import('@electric-sql/pglite/contrib/citext').then((m) => m.citext),
  cube: () => import('@electric-sql/pglite/contrib/cube').then((m) => m.cube),
  dict_int: () => import('@electric-sql/pglite/contrib/dict_int').then((m) => m.dict_int),
  dict_xsyn: () => import('@electric-sql/pglite/contrib/dict_xsyn').then((m) => m.dict_xsyn),
  earthdistance: () => import('@electric-sql/pglite/contrib/earthdistance').then((m) => m.earthdistance),
  file_fdw: () => import('@electric-sql/pglite/contrib/file_fdw').then((m) => m.file_fdw),
  fuzzystrmatch: () => import('@electric-sql/pglite/contrib/fuzzystrmatch').then((m) => m.fuzzystrmatch),
  hstore: () => import('@electric-sql/pglite/contrib/hstore').then((m) => m.hstore),
  intarray: () => import('@electric-sql/pglite/contrib/intarray').then((m) => m.intarray),
  isn: () => import('@electric-sql/pglite/contrib/isn').then((m) => m.isn),
  lo: () => import('@electric-sql/pglite/contrib/lo').then((m) => m.lo),
  ltree: () => import('@electric-sql/pglite/contrib/ltree').then((m) => m.ltree),
  moddatetime: () => import('@electric-sql/pglite/contrib/moddatetime').then((m) => m.moddatetime),
  pg_trgm: () => import('@electric-sql/pglite/contrib/pg_trgm').then((m) => m.pg_trgm),
  pgcrypto: () => import('@electric-sql/pglite/contrib/pgcrypto').then((m) => m.pgcrypto),
  seg: () => import('@electric-sql/pglite/contrib/seg').then((m) => m.seg),
  tablefunc: () => import('@electric-sql/pglite/contrib/tablefunc').then((m) => m.tablefunc),
  tcn: () => import('@electric-sql/pglite/contrib/tcn').then((m) => m.tcn),
  tsm_system_rows: () => import('@electric-sql/pglite/contrib/tsm_system_rows').then((m) => m.tsm_system_rows),
  tsm_system_time: () => import('@electric-sql/pglite/contrib/tsm_system_time').then((m) => m.tsm_system_time),
  unaccent: () => import('@electric-sql/pglite/contrib/unaccent').then((m) => m.unaccent),
  'uuid-ossp': () => import('@electric-sql/pglite/contrib/uuid_ossp').then((m) => m.uuid_ossp),
  // pgvector ships as its own package (built for the same PGlite release line).
  vector: () => import('@electric-sql/pglite-pgvector').then((m) => m.vector),
};

/** Extensions PGlite ships with (plus `plpgsql`, always present). */
export const AVAILABLE_EXTENSIONS = new Set([...Object.keys(LOADERS), 'plpgsql']);

/**
 * Loads the named extensions (from the main release's by default; the PostGIS build passes its own);
 * unknown names are returned in `missing`.
 */
export async function loadExtensions(names: Iterable<string>, loaders: Record<string, Loader> = LOADERS): Promise<{ extensions: Record<string, Extension>; missing: string[] }> {
  const extensions: Record<string, Extension> = {};
  const missing: string[] = [];
  for (const raw of new Set(names)) {
    const name = raw.toLowerCase();
    if (name === 'plpgsql') continue;
    const load = loaders[name];
    if (!load) missing.push(name);
    else extensions[name.replace(/-/g, '_')] = await load();
  }
  return { extensions, missing };
}

const CREATE_EXTENSION = /(?<![\w$])create\s+extension\s+(?:if\s+not\s+exists\s+)?("((?:[^"]|"")+)"|[a-z_][a-z0-9_$-]*)/gi;
const DO_BLOCK = /^do\b/i;

/**
 * Extension names made by `CREATE EXTENSION` statements in SQL text (statements or whole scripts):
 * a statement that is one, or a `DO` block that runs one. The text of strings, comments and function
 * bodies is not a statement: a comment that says "create extension postgis" boots no PostGIS.
 */
export function extensionsNamedIn(sql: string): string[] {
  CREATE_EXTENSION.lastIndex = 0;
  if (!CREATE_EXTENSION.test(sql)) return [];
  const out: string[] = [];
  for (const st of splitStatements(sql)) {
    if (st.type !== 'sql') continue;
    const text = st.text;
    if (DO_BLOCK.test(text)) {
      CREATE_EXTENSION.lastIndex = 0;
      for (let m = CREATE_EXTENSION.exec(text); m; m = CREATE_EXTENSION.exec(text)) out.push(extensionName(m));
    } else {
      CREATE_EXTENSION.lastIndex = 0;
      const m = CREATE_EXTENSION.exec(text);
      if (m && m.index === 0) out.push(extensionName(m));
    }
  }
  return out;
}

const extensionName = (m: RegExpExecArray) => (m[2] !== undefined ? m[2].replace(/""/g, '"') : m[1]).toLowerCase();
