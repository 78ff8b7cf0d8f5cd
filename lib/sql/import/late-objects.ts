/**
 * Triggers, policies, rules, extended statistics, comments and a table's trigger/rule/RLS/cluster/
 * replica-identity/statistics settings, written from the catalog as the script left them.
 *
 * The import keeps these as the script's own text, which keeps its formatting. But once the script
 * renames or drops things after creating them (a migration history), the text can name what no
 * longer exists: a renamed column in `UPDATE OF`, a table a policy reads, an index a comment or
 * `CLUSTER ON` names, an object a `CASCADE` dropped. PostgreSQL's own deparsers (`pg_get_triggerdef`,
 * `pg_get_ruledef`, `pg_get_statisticsobjdef`, `pg_get_expr`, `pg_identify_object`) give their final
 * definitions with final names, and what was dropped is simply not there. See `LateObjects`.
 */
import type { Queryable } from '../../pglite/catalog';
import { SYSTEM_SCHEMA_FILTER, notExtensionMember } from '../../pglite/catalog';

/** A statement the catalog gives for one of these objects. */
export interface LateStatement {
  kind: 'trigger' | 'policy' | 'rule' | 'statistics' | 'alter' | 'comment';
  text: string;
  /** What it is about, for the raw object's name. */
  name: string;
  /** For comments: the object (see `pg_identify_object`), to tell the ones the document holds. */
  on?: { catalog: string; sub: number; relkind?: string; key?: string };
}

const ALTER_TABLE_STATE = /^alter\s+(table|materialized\s+view)\b[\s\S]*\b(enable|disable|force|no\s+force)\s+(row\s+level\s+security|trigger|rule)\b|^alter\s+(table|materialized\s+view)\b[\s\S]*\b(cluster\s+on|set\s+without\s+cluster|replica\s+identity|set\s+statistics)\b/i;
/** Other actions an ALTER TABLE can carry in the same statement, which the catalog here does not give. */
const ALTER_TABLE_OTHER = /\b(set|reset)\s*\(|\bset\s+storage\b|\battach\s+partition\b|\bdetach\s+partition\b|\bset\s+compression\b|\badd\b|\bowner\s+to\b|\bset\s+(logged|unlogged|tablespace|access\s+method)\b|\binherit\b|\bof\b/i;

/**
 * Whether a kept statement makes or changes one of the objects written from the catalog (its text
 * is then left out when they are). Event triggers and security labels are kept as written.
 */
export function writtenFromCatalog(kind: string, text: string): boolean {
  switch (kind) {
    case 'trigger':
      return !/^create\s+event\s+trigger\b/i.test(text);
    case 'policy':
    case 'rule':
    case 'statistics':
      return true;
    case 'comment':
      return /^comment\b/i.test(text);
    case 'alter':
      return /^(drop|alter)\s+(trigger|policy|rule)\b/i.test(text) || (ALTER_TABLE_STATE.test(text) && !ALTER_TABLE_OTHER.test(text.replace(/^alter\s+(table|materialized\s+view)\s+(if\s+exists\s+)?(only\s+)?/i, '')));
    case 'statement':
      return /^(alter|drop)\s+statistics\b/i.test(text);
    default:
      return false;
  }
}

/** Statements that can leave a kept statement naming what is gone: renames, moves, drops, and code that runs DDL. */
const INVALIDATES = /^(drop|do|call)\b|^alter\b[\s\S]*\b(rename|set\s+schema|drop\s+(column|constraint)|type)\b/i;
/**
 * Statements whose effect reaches objects they do not name: code (DO, CALL), CASCADE, and dropping
 * or moving a relation or schema (its indexes, triggers, policies, rules and comments go with it).
 */
const OPAQUE = /^(do|call)\b|\bcascade\s*;?\s*$|^drop\s+(table|view|materialized\s+view|foreign\s+table|schema)\b|^alter\b[\s\S]*\bset\s+schema\b/i;
/** An identifier: quoted, or plain (PostgreSQL takes any non-ASCII letter in one). */
const IDENT = String.raw`(?:"(?:[^"]|"")+"|[A-Za-z_\u0080-\uffff][\w$\u0080-\uffff]*)`;
const ALTER_HEAD = new RegExp(String.raw`^alter\s+(?:\w+\s+){1,3}?(?:if\s+exists\s+)?(?:only\s+)?(${IDENT}(?:\s*\.\s*${IDENT})*)`, 'i');
const WORD = /"((?:[^"]|"")+)"|([A-Za-z_\u0080-\uffff][\w$\u0080-\uffff]*)/g;
/** Words of SQL itself, not names (and `public`, which most names are qualified with). */
const KEYWORDS = new Set(`public alter table drop column constraint rename to set schema if exists cascade restrict only on create or replace trigger constraint policy rule
  statistics comment is for each row statement execute function procedure before after instead of insert update delete truncate select using with check as and or not null true
  false new old where from in index view materialized type domain sequence all do also nothing enable disable level security force replica identity cluster default values into
  returns language begin end return when then else case by owned add primary key foreign references unique sql plpgsql permissive restrictive data value none publication`.split(/\s+/));

/** The names a statement mentions (unquoted ones folded to lower case), SQL's own words left out. */
function names(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(WORD)) {
    const w = m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2].toLowerCase();
    if (m[1] !== undefined || !KEYWORDS.has(w)) out.add(w);
  }
  return out;
}

/**
 * The names a renaming, moving or dropping statement can make stale: a relation's or object's own
 * name for RENAME TO / SET SCHEMA / DROP, the column or constraint for actions on those.
 */
function affected(text: string): Set<string> {
  const head = ALTER_HEAD.exec(text);
  if (!head) return names(text);
  const rest = text.slice(head.index + head[0].length);
  return /^\s*(rename\s+to|set\s+schema)\b/i.test(rest) ? names(`${head[1]} ${rest}`) : names(rest);
}

/**
 * Tells whether the catalog has to give these objects: when a statement that ran after one of their
 * kept statements renamed, moved or dropped a name that statement mentions (or ran code that can).
 * The script's own text is kept otherwise, formatting and all.
 */
export class LateObjects {
  private readonly changes: { index: number; names?: Set<string> }[] = [];

  /** Notes a statement PostgreSQL ran (`index`: its place in the script). */
  note(index: number, text: string): void {
    const head = text.slice(0, 400);
    if (!INVALIDATES.test(head)) return;
    this.changes.push({ index, names: OPAQUE.test(text) ? undefined : affected(text) });
  }

  /** Whether any of these statements (the kept ones to be written as they are) may name what a later statement changed. */
  stale(kept: { index: number; kind: string; text: string }[]): boolean {
    return kept.some((k) => writtenFromCatalog(k.kind, k.text) && this.changedAfter(k));
  }

  /** Whether a statement that ran after this one renamed, moved or dropped a name it mentions (or may have). */
  changedAfter(k: { index: number; text: string }): boolean {
    let mentioned: Set<string> | undefined;
    return this.changes.some((c) => {
      if (c.index <= k.index) return false;
      if (!c.names) return true;
      mentioned ??= names(k.text);
      for (const n of c.names) if (mentioned.has(n)) return true;
      return false;
    });
  }
}

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** `pg_identify_object` types whose COMMENT ON keyword is not the type in capitals. */
const COMMENT_KEYWORD: Record<string, string> = {
  'table column': 'COLUMN', 'view column': 'COLUMN', 'materialized view column': 'COLUMN', 'foreign table column': 'COLUMN', 'composite type column': 'COLUMN',
  'table constraint': 'CONSTRAINT', 'domain constraint': 'CONSTRAINT', 'foreign-data wrapper': 'FOREIGN DATA WRAPPER', 'statistics object': 'STATISTICS',
};

/** `name on target` (an identity from pg_identify_object): where the ` on ` after the quoted or plain name starts. */
function onAt(identity: string): number {
  let i = 0;
  if (identity.startsWith('"')) {
    for (i = 1; i < identity.length; i++) {
      if (identity[i] === '"') {
        if (identity[i + 1] === '"') i++;
        else break;
      }
    }
    i++;
  } else i = identity.indexOf(' ');
  return identity.startsWith(' on ', i) ? i : -1;
}

/** COMMENT ON for an object identified by `pg_identify_object`; undefined for a type it cannot name. */
export function commentOn(type: string, identity: string, comment: string): string | undefined {
  const keyword = COMMENT_KEYWORD[type] ?? type.toUpperCase();
  if (!/^[A-Z ]+$/.test(keyword)) return undefined;
  let target = identity;
  if (type === 'domain constraint') {
    const at = onAt(identity);
    if (at < 0) return undefined;
    target = `${identity.slice(0, at)} ON DOMAIN ${identity.slice(at + 4)}`;
  }
  return `COMMENT ON ${keyword} ${target} IS ${lit(comment)}`;
}

const ROLE_PUBLIC = 'public';
const CMD: Record<string, string> = { r: 'SELECT', a: 'INSERT', w: 'UPDATE', d: 'DELETE', '*': 'ALL' };
const ENABLED: Record<string, string> = { D: 'DISABLE', R: 'ENABLE REPLICA', A: 'ENABLE ALWAYS' };

type Row = Record<string, string | null>;

/**
 * The objects' final definitions (expects `search_path = ''`, so every name is qualified). Objects of
 * extensions and in temporary schemas are left out.
 */
export async function readLateObjects(db: Queryable): Promise<LateStatement[]> {
  const rel = `JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid > 16383 AND ${SYSTEM_SCHEMA_FILTER} AND ${notExtensionMember('c.oid', 'pg_class')}`;
  const q = (r: Row, k: string) => r[k]!;
  const [row] = await db.query<{ j: string }>(`SELECT json_build_object(
    'rls', (SELECT json_agg(json_build_object('rel', c.oid::regclass::text, 'kind', c.relkind::text, 'rls', c.relrowsecurity, 'force', c.relforcerowsecurity, 'replident', c.relreplident::text)) FROM pg_class c ${rel}
      AND c.relkind IN ('r','p','m') AND (c.relrowsecurity OR c.relforcerowsecurity OR c.relreplident IN ('f','i') OR (c.relreplident = 'n' AND c.relkind <> 'm'))),
    'indexes', (SELECT json_agg(json_build_object('rel', c.oid::regclass::text, 'kind', c.relkind::text, 'index', quote_ident(ic.relname), 'clustered', i.indisclustered, 'replident', i.indisreplident))
      FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class c ON c.oid = i.indrelid ${rel} AND (i.indisclustered OR i.indisreplident)),
    'stattargets', (SELECT json_agg(json_build_object('rel', c.oid::regclass::text, 'kind', c.relkind::text, 'col', quote_ident(a.attname), 'target', a.attstattarget::int) ORDER BY c.oid, a.attnum)
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid ${rel} AND c.relkind IN ('r','p','m','f') AND a.attnum > 0 AND NOT a.attisdropped AND a.attstattarget >= 0),
    'triggers', (SELECT json_agg(json_build_object('rel', c.oid::regclass::text, 'name', quote_ident(t.tgname), 'def', pg_get_triggerdef(t.oid), 'enabled', t.tgenabled::text) ORDER BY t.oid)
      FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid ${rel} AND NOT t.tgisinternal AND t.tgparentid = 0),
    'policies', (SELECT json_agg(json_build_object('rel', c.oid::regclass::text, 'name', quote_ident(p.polname), 'permissive', p.polpermissive, 'cmd', p.polcmd::text,
        'roles', (SELECT json_agg(CASE WHEN r = 0 THEN '${ROLE_PUBLIC}' ELSE quote_ident(pg_get_userbyid(r)) END) FROM unnest(p.polroles) r),
        'using', pg_get_expr(p.polqual, p.polrelid), 'check', pg_get_expr(p.polwithcheck, p.polrelid)) ORDER BY p.oid)
      FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid ${rel}),
    'rules', (SELECT json_agg(json_build_object('rel', c.oid::regclass::text, 'kind', c.relkind::text, 'name', quote_ident(r.rulename), 'def', pg_get_ruledef(r.oid), 'enabled', r.ev_enabled::text) ORDER BY r.oid)
      FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class ${rel} AND r.rulename <> '_RETURN'),
    'statistics', (SELECT json_agg(json_build_object('name', quote_ident(n.nspname) || '.' || quote_ident(s.stxname), 'def', pg_get_statisticsobjdef(s.oid), 'target', s.stxstattarget::int) ORDER BY s.oid)
      FROM pg_statistic_ext s JOIN pg_namespace n ON n.oid = s.stxnamespace WHERE s.oid > 16383 AND ${SYSTEM_SCHEMA_FILTER} AND ${notExtensionMember('s.oid', 'pg_statistic_ext')}),
    'comments', (SELECT json_agg(json_build_object('catalog', d.classoid::regclass::text, 'sub', d.objsubid, 'type', o.type, 'identity', o.identity, 'comment', d.description,
        'relkind', c.relkind::text, 'key', CASE WHEN c.oid IS NOT NULL THEN cn.nspname || '.' || c.relname WHEN t.oid IS NOT NULL THEN tn.nspname || '.' || t.typname
          WHEN d.classoid = 'pg_namespace'::regclass THEN (SELECT ns.nspname FROM pg_namespace ns WHERE ns.oid = d.objoid)::text END) ORDER BY d.classoid, d.objoid, d.objsubid)
      FROM pg_description d CROSS JOIN LATERAL pg_identify_object(d.classoid, d.objoid, d.objsubid) o
      LEFT JOIN pg_class c ON d.classoid = 'pg_class'::regclass AND c.oid = d.objoid LEFT JOIN pg_namespace cn ON cn.oid = c.relnamespace
      LEFT JOIN pg_type t ON d.classoid = 'pg_type'::regclass AND t.oid = d.objoid LEFT JOIN pg_namespace tn ON tn.oid = t.typnamespace
      WHERE d.objoid > 16383 AND d.classoid NOT IN ('pg_extension'::regclass, 'pg_largeobject'::regclass)
        AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = d.classoid AND e.objid = d.objoid AND e.deptype = 'e')
        AND coalesce(o.schema NOT LIKE 'pg\\_temp%' AND o.schema NOT LIKE 'pg\\_toast\\_temp%', true)
        AND NOT (o.type IN ('trigger','policy','rule','table constraint') AND o.identity ~ ' on pg_temp'))
  )::text AS j`);
  const cat = JSON.parse(row.j) as Record<string, Record<string, unknown>[] | null>;
  const out: LateStatement[] = [];
  const alter = (r: Record<string, unknown>) => `ALTER ${r.kind === 'm' ? 'MATERIALIZED VIEW' : 'TABLE'} ${r.rel as string}`;
  for (const r of cat.rls ?? []) {
    if (r.rls) out.push({ kind: 'alter', name: r.rel as string, text: `${alter(r)} ENABLE ROW LEVEL SECURITY` });
    if (r.force) out.push({ kind: 'alter', name: r.rel as string, text: `${alter(r)} FORCE ROW LEVEL SECURITY` });
    if (r.replident === 'f' || r.replident === 'n') out.push({ kind: 'alter', name: r.rel as string, text: `${alter(r)} REPLICA IDENTITY ${r.replident === 'f' ? 'FULL' : 'NOTHING'}` });
  }
  for (const r of cat.indexes ?? []) {
    if (r.clustered) out.push({ kind: 'alter', name: r.rel as string, text: `${alter(r)} CLUSTER ON ${r.index as string}` });
    if (r.replident) out.push({ kind: 'alter', name: r.rel as string, text: `${alter(r)} REPLICA IDENTITY USING INDEX ${r.index as string}` });
  }
  for (const r of cat.stattargets ?? []) out.push({ kind: 'alter', name: r.rel as string, text: `${alter(r)} ALTER COLUMN ${r.col as string} SET STATISTICS ${r.target as number}` });
  for (const r of cat.policies ?? []) {
    const roles = (r.roles as string[] | null) ?? [ROLE_PUBLIC];
    const text = [`CREATE POLICY ${r.name as string} ON ${r.rel as string}`, r.permissive ? '' : ' AS RESTRICTIVE', ` FOR ${CMD[r.cmd as string] ?? 'ALL'}`,
      ` TO ${roles.join(', ')}`, r.using ? ` USING (${r.using as string})` : '', r.check ? ` WITH CHECK (${r.check as string})` : ''].join('');
    out.push({ kind: 'policy', name: `${r.name as string} on ${r.rel as string}`, text });
  }
  for (const r of cat.triggers ?? []) {
    out.push({ kind: 'trigger', name: `${r.name as string} on ${r.rel as string}`, text: q(r as Row, 'def') });
    if (ENABLED[r.enabled as string]) out.push({ kind: 'alter', name: r.rel as string, text: `ALTER TABLE ${r.rel as string} ${ENABLED[r.enabled as string]} TRIGGER ${r.name as string}` });
  }
  for (const r of cat.rules ?? []) {
    out.push({ kind: 'rule', name: `${r.name as string} on ${r.rel as string}`, text: q(r as Row, 'def').replace(/;\s*$/, '') });
    if (ENABLED[r.enabled as string]) out.push({ kind: 'alter', name: r.rel as string, text: `${alter(r).replace(/^ALTER MATERIALIZED VIEW/, 'ALTER TABLE')} ${ENABLED[r.enabled as string]} RULE ${r.name as string}` });
  }
  for (const r of cat.statistics ?? []) {
    out.push({ kind: 'statistics', name: r.name as string, text: q(r as Row, 'def') });
    if (typeof r.target === 'number' && r.target >= 0) out.push({ kind: 'alter', name: r.name as string, text: `ALTER STATISTICS ${r.name as string} SET STATISTICS ${r.target}` });
  }
  for (const r of cat.comments ?? []) {
    const text = commentOn(r.type as string, r.identity as string, r.comment as string);
    if (text) out.push({ kind: 'comment', name: r.identity as string, text, on: { catalog: r.catalog as string, sub: r.sub as number, relkind: (r.relkind as string | null) ?? undefined, key: (r.key as string | null) ?? undefined } });
  }
  return out;
}
