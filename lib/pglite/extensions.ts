/**
 * PGlite contrib extensions, loaded on demand by name (the name used in `CREATE EXTENSION`).
 * Literal dynamic imports so bundlers can split them; nothing here is Node-only.
 */
import type { Extension } from '@electric-sql/pglite';

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

/**
 * Extension names made by `CREATE EXTENSION` in SQL text (statements or whole scripts), wherever it
 * may run: a statement, a `DO` block, a function or procedure body (the script may call it). What
 * strings, quoted names and comments say is not a statement: a comment or a value that mentions
 * "create extension postgis" boots no PostGIS.
 */
export function extensionsNamedIn(sql: string): string[] {
  CREATE_EXTENSION.lastIndex = 0;
  if (!CREATE_EXTENSION.test(sql)) return [];
  const code = withoutLiterals(sql);
  const out: string[] = [];
  CREATE_EXTENSION.lastIndex = 0;
  for (let m = CREATE_EXTENSION.exec(code); m; m = CREATE_EXTENSION.exec(code)) out.push(extensionName(m));
  return out;
}

/**
 * The text with strings ('…', E'…'), comments and double-quoted names blanked, except a quoted name
 * right after CREATE EXTENSION (the extension's own); dollar-quoted bodies stay (they are code).
 */
function withoutLiterals(sql: string): string {
  let out = '';
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i];
    const next = sql[i + 1];
    if (c === '-' && next === '-') {
      const e = sql.indexOf('\n', i);
      i = e < 0 ? n : e;
    } else if (c === '/' && next === '*') {
      let depth = 1;
      let j = i + 2;
      while (j < n && depth) {
        if (sql[j] === '/' && sql[j + 1] === '*') {
          depth++;
          j += 2;
        } else if (sql[j] === '*' && sql[j + 1] === '/') {
          depth--;
          j += 2;
        } else j++;
      }
      out += ' ';
      i = j;
    } else if (c === "'") {
      const escape = /[eE]/.test(sql[i - 1] ?? '') && !/[\w$]/.test(sql[i - 2] ?? '');
      let j = i + 1;
      while (j < n) {
        if (escape && sql[j] === '\\') j += 2;
        else if (sql[j] === "'") {
          if (sql[j + 1] === "'") j += 2;
          else break;
        } else j++;
      }
      out += "''";
      i = j + 1;
    } else if (c === '"') {
      let j = i + 1;
      while (j < n) {
        if (sql[j] === '"') {
          if (sql[j + 1] === '"') j += 2;
          else break;
        } else j++;
      }
      const quoted = sql.slice(i, j + 1);
      // The extension's own name stays: CREATE EXTENSION "uuid-ossp".
      out += /create\s+extension\s+(?:if\s+not\s+exists\s+)?$/i.test(out.slice(-64)) ? quoted : '""';
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

const extensionName = (m: RegExpExecArray) => (m[2] !== undefined ? m[2].replace(/""/g, '"') : m[1]).toLowerCase();
