/**
 * What a document uses from PostgreSQL extensions (types, operator classes, functions in defaults),
 * for the ones its DDL does not create: such DDL fails on a bare PostgreSQL, as Prisma Migrate's
 * would, and the export says why before the database does.
 */
import type { Column, SchemaDocument } from '../../schema/types';
import { dbNameOf } from '../../schema/document';

/** Types an extension provides, by name as written without schema or arguments. */
const TYPES: Record<string, string> = {
  citext: 'citext',
  hstore: 'hstore',
  ltree: 'ltree',
  lquery: 'ltree',
  ltxtquery: 'ltree',
  cube: 'cube',
  vector: 'vector',
  halfvec: 'vector',
  sparsevec: 'vector',
  geometry: 'postgis',
  geography: 'postgis',
  box2d: 'postgis',
  box3d: 'postgis',
  raster: 'postgis_raster',
};
/** Operator classes an extension provides. */
const OPS: Record<string, string> = {
  gin_trgm_ops: 'pg_trgm',
  gist_trgm_ops: 'pg_trgm',
  vector_l2_ops: 'vector',
  vector_ip_ops: 'vector',
  vector_cosine_ops: 'vector',
  vector_l1_ops: 'vector',
  halfvec_l2_ops: 'vector',
  halfvec_cosine_ops: 'vector',
  gist_geometry_ops_2d: 'postgis',
  gist_geography_ops: 'postgis',
};
/** Functions in defaults an extension provides (gen_random_uuid is PostgreSQL's own since 13). */
const FUNCTIONS: [RegExp, string][] = [
  [/\buuid_generate_v[1-5]\w*\s*\(/i, 'uuid-ossp'],
  [/\bdigest\s*\(|\bcrypt\s*\(|\bgen_salt\s*\(/i, 'pgcrypto'],
];

function typeName(c: Column): string | undefined {
  const t = c.type;
  const text = t.kind === 'Unsupported' ? t.unsupported : t.native?.name;
  if (!text) return undefined;
  // `public.geography(Point, 4326)`, `"vector"(3)`, `Citext`
  return text.replace(/\(.*$/s, '').replace(/\[\]$/, '').split('.').pop()!.replace(/"/g, '').trim().toLowerCase();
}

/** The extensions the document uses and does not make, each with where (up to three places). */
export function missingExtensions(doc: SchemaDocument, made: ReadonlySet<string>): { extension: string; uses: string[] }[] {
  const found = new Map<string, string[]>();
  const note = (ext: string | undefined, where: string) => {
    if (!ext || made.has(ext)) return;
    const list = found.get(ext) ?? [];
    if (list.length < 3 && !list.includes(where)) list.push(where);
    found.set(ext, list);
  };
  for (const t of Object.values(doc.tables)) {
    const table = dbNameOf(t);
    for (const c of t.columns) {
      const type = typeName(c);
      if (type) note(TYPES[type], `${table}.${dbNameOf(c)} (${type})`);
      const d = c.default;
      const expr = d?.kind === 'sql' ? d.expression : d?.postgres;
      if (expr) for (const [re, ext] of FUNCTIONS) if (re.test(expr)) note(ext, `${table}.${dbNameOf(c)} (default ${expr})`);
    }
    for (const ix of t.indexes) {
      for (const ic of ix.columns) {
        const ops = ic.ops?.toLowerCase();
        if (ops && OPS[ops]) note(OPS[ops], `${table} index (${ops})`);
      }
    }
  }
  return [...found].map(([extension, uses]) => ({ extension, uses }));
}
