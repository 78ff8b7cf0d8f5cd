/**
 * Kept statements that PostgreSQL checks against what they name when they run, replayed on export
 * from the script's text: a materialized view's query, a SQL function's BEGIN ATOMIC body. Once a
 * later statement renames, moves or drops what that text names, the text would fail where the export
 * runs (the names are gone), so it is written as PostgreSQL defines the object at the end of the
 * script (final names, qualified), under the statement's own head where the head says more.
 */
import type { Queryable } from '../../pglite/catalog';
import type { Classified } from './classify';
import { IDENT, keyOf, NAME } from './enum-statements';

interface StaleCandidate {
  index: number;
  kind: string;
  text: string;
  c: Classified;
  schema: string;
}

/** Spaces and comments. */
const SP = String.raw`(?:\s|--[^\n]*(?:\n|$)|/\*[\s\S]*?\*/)`;
/** A CREATE MATERIALIZED VIEW up to its query: its name, columns, access method, storage parameters, tablespace. */
const MATVIEW_HEAD = new RegExp(
  String.raw`^create${SP}+materialized${SP}+view${SP}+(?:if${SP}+not${SP}+exists${SP}+)?${NAME}(?:${SP}*\([^)]*\))?(?:${SP}+using${SP}+${IDENT})?(?:${SP}+with${SP}*\([^)]*\))?(?:${SP}+tablespace${SP}+${IDENT})?${SP}+as${SP}+`,
  'i',
);

export interface StaleContext<K> {
  /** Whether a later statement renamed, moved or dropped a name the statement mentions (or may have). */
  stale(k: K): boolean;
  /** The `schema.name` key of the statement's own relation at the end of the script. */
  finalKey(k: K): string;
  /** A schema's name at the end of the script (followed across renames). */
  schemaNow(schema: string, index: number): string;
}

/** Rewrites, in place, the kept materialized views and BEGIN ATOMIC functions that are stale (see above). */
export async function rewriteStaleDefinitions<K extends StaleCandidate>(db: Queryable, kept: K[], ctx: StaleContext<K>): Promise<void> {
  for (const k of kept) {
    if (!k.c.target) continue;
    if (k.kind === 'materialized-view' && ctx.stale(k)) {
      const key = ctx.finalKey(k);
      const dot = key.indexOf('.');
      const [row] = await db.query<{ def: string | null; populated: boolean }>(
        `SELECT pg_get_viewdef(c.oid, true) AS def, c.relispopulated AS populated FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind = 'm'`,
        [key.slice(0, dot), key.slice(dot + 1)],
      );
      const head = MATVIEW_HEAD.exec(k.text);
      if (row?.def && head) k.text = `${head[0]}${row.def.trim().replace(/;$/, '')}\n  WITH ${row.populated ? '' : 'NO '}DATA`;
    } else if ((k.kind === 'function' || k.kind === 'procedure') && /\bbegin\s+atomic\b/i.test(k.text) && ctx.stale(k)) {
      // By its name then, in its schema now; only when it still has that name and is the only one of it.
      const key = keyOf({ path: k.c.target.path, schema: k.schema });
      const dot = key.indexOf('.');
      const rows = await db.query<{ def: string }>(
        `SELECT pg_get_functiondef(p.oid) AS def FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = $1 AND p.proname = $2`,
        [ctx.schemaNow(key.slice(0, dot), k.index), key.slice(dot + 1)],
      );
      if (rows.length === 1) k.text = rows[0].def.trim().replace(/;$/, '');
    }
  }
}
