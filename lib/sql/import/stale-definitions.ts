/**
 * Kept statements that PostgreSQL checks against what they name when they run, replayed on export
 * from the script's text: a materialized view's query, a SQL function's BEGIN ATOMIC body. Once a
 * later statement renames, moves or drops what that text names, the text would fail where the export
 * runs (the names are gone), so it is written as PostgreSQL defines the object at the end of the
 * script (final names, qualified), under the statement's own head where the head says more.
 */
import type { Queryable } from '../../pglite/catalog';
import type { Classified } from './classify';
import { argumentCount } from './schema-fates';
import { escapeQuoted } from '../ddl/dialect';
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
  /** Where a function or procedure named `schema.name` by statement `index` is at the end of the script (followed across renames and moves). */
  routineNow(schema: string, name: string, index: number, arity?: number): { schema: string; name: string };
}

const quoted = (name: string) => escapeQuoted(name, '"');
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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
      // Made by its name then, in its schema now; found by its name now (a later ALTER ... RENAME TO /
      // SET SCHEMA, kept, still runs after it), and among overloads by its number of arguments.
      const key = keyOf({ path: k.c.target.path, schema: k.schema });
      const dot = key.indexOf('.');
      const [schema, name] = [ctx.schemaNow(key.slice(0, dot), k.index), key.slice(dot + 1)];
      const arity = argumentCount(k.text);
      const now = ctx.routineNow(key.slice(0, dot), name, k.index, arity);
      const rows = await db.query<{ def: string; args: number; qname: string; fname: string; params: string[] | null }>(
        `SELECT pg_get_functiondef(p.oid) AS def, p.pronargs::int AS args, quote_ident(n.nspname) || '.' || quote_ident(p.proname) AS qname,
            quote_ident(p.proname) AS fname, (SELECT array_agg(quote_ident(a)) FROM unnest(p.proargnames) a WHERE a <> '') AS params
          FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = $1 AND p.proname = $2`,
        [now.schema, now.name],
      );
      const found = rows.length === 1 ? rows : rows.filter((r) => r.args === arity);
      if (found.length !== 1) continue;
      const f = found[0];
      let def = f.def.trim().replace(/;$/, '');
      const head = `${quoted(schema)}.${quoted(name)}`;
      const at = def.indexOf(`${f.qname}(`);
      if (at >= 0 && f.qname !== head) {
        def = `${def.slice(0, at)}${head}${def.slice(at + f.qname.length)}`;
        // The body names its parameters by the function's name (PostgreSQL writes `g.a`): by the name it is made with.
        if (f.params?.length && now.name !== name) {
          const ref = new RegExp(String.raw`(?<![\w$"])${escapeRegExp(f.fname)}\.(${f.params.map(escapeRegExp).join('|')})(?![\w$"])`, 'g');
          const bodyAt = def.search(/\bbegin\s+atomic\b/i);
          if (bodyAt >= 0) def = def.slice(0, bodyAt) + def.slice(bodyAt).replace(ref, (_, p: string) => `${quoted(name)}.${p}`);
        }
      }
      k.text = def;
    }
  }
}
