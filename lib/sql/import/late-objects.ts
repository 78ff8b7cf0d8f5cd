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
import { ENVIRONMENT_EXTENSION_LIKE } from '../../pglite/environments';
import { postgresDialect } from '../ddl/postgres';
import { IDENT, IDENT_ALL, identName, listItems } from './classify';

/** A statement the catalog gives for one of these objects. */
export interface LateStatement {
  kind: 'trigger' | 'policy' | 'rule' | 'statistics' | 'alter' | 'comment';
  text: string;
  /** What it is about, for the raw object's name. */
  name: string;
  /** For comments: the object (see `pg_identify_object`), to tell the ones the document holds. */
  on?: { catalog: string; sub: number; relkind?: string; key?: string };
}

/** An ALTER of a table-like relation: its head (up to the name) and its actions. */
const ALTER_RELATION = new RegExp(String.raw`^alter\s+(?:table|materialized\s+view|foreign\s+table)\s+(?:if\s+exists\s+)?(?:only\s+)?${IDENT}(?:\s*\.\s*${IDENT})*(?:\s*\*)?`, 'i');
/** ALTER TABLE actions whose result the catalog gives (readLateObjects): trigger, rule and RLS states, cluster, replica identity, statistics targets. */
const STATE_ACTION = new RegExp(
  String.raw`^(?:(?:enable(?:\s+(?:replica|always))?|disable)\s+(?:trigger|rule)\b|(?:enable|disable|force|no\s+force)\s+row\s+level\s+security\b|cluster\s+on\b|set\s+without\s+cluster\b|replica\s+identity\b|alter\s+(?:column\s+)?${IDENT}\s+set\s+statistics\b)`,
  'i',
);

/** An ALTER TABLE's actions, split into the ones the catalog gives and the others; undefined for other statements. */
function relationActions(text: string): { head: string; state: string[]; other: string[] } | undefined {
  const head = ALTER_RELATION.exec(text);
  if (!head) return undefined;
  const state: string[] = [];
  const other: string[] = [];
  for (const action of topLevel(text.slice(head[0].length))) (STATE_ACTION.test(action.trim()) ? state : other).push(action.trim());
  return { head: head[0], state, other };
}

/**
 * Whether a kept statement makes or changes one of the objects written from the catalog (its text
 * is then left out when they are). Event triggers and security labels are kept as written. An
 * ALTER TABLE that also does what the catalog does not give is rewritten instead (see withoutCatalogActions).
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
      // Not the ones the catalog query leaves out (extensions', languages', shared objects').
      return /^comment\b/i.test(text) && !/^comment\s+on\s+(extension|database|language|role|tablespace|subscription|large\s+object)\b/i.test(text);
    case 'alter': {
      if (/^(drop|alter)\s+(trigger|policy|rule)\b/i.test(text)) return true;
      const a = relationActions(text);
      return !!a && a.state.length > 0 && a.other.length === 0;
    }
    case 'statement':
      return /^(alter|drop)\s+statistics\b/i.test(text);
    default:
      return false;
  }
}

/** Whether part of a kept statement is written from the catalog: all of it (writtenFromCatalog), or some of an ALTER TABLE's actions. */
export function partlyFromCatalog(kind: string, text: string): boolean {
  return writtenFromCatalog(kind, text) || (kind === 'alter' && !!relationActions(text)?.state.length);
}

/**
 * An ALTER TABLE that mixes actions the catalog gives with others (`CLUSTER ON i, SET (...)`),
 * without the former: undefined when it has none of them or nothing else.
 */
export function withoutCatalogActions(text: string): string | undefined {
  const a = relationActions(text);
  if (!a || !a.state.length || !a.other.length) return undefined;
  return `${a.head} ${a.other.join(', ')}`;
}

/**
 * ALTER TABLE actions whose result the catalog read puts in the document (columns, constraints,
 * defaults, types, identity, inheritance, typed tables, persistence) or that are never kept (owners).
 * The others (row level security, trigger and rule states, cluster, replica identity, storage
 * parameters, statistics targets, RESET, tablespaces, ...) stay SQL.
 */
const CATALOG_ACTION = new RegExp(
  String.raw`^(?:add\b|drop\b|validate\s+constraint\b|alter\s+(?:column\s+${IDENT}|(?!column\s)${IDENT})\s+(?=\S)(?!set\s+(?:statistics\b|storage\b|\()|reset\s*\()|inherit\b|no\s+inherit\b|of\b|not\s+of\b|set\s+(?:logged|unlogged)\b|owner\s+to\b)`,
  'i',
);

/**
 * A kept ALTER TABLE without its actions the document already holds: `ADD COLUMN b int, ENABLE ROW
 * LEVEL SECURITY` keeps the RLS, as the export writes column b with the table. The text as it is when
 * it has none of them (or it is not an ALTER TABLE: other ALTERs are kept whole); undefined when it
 * has nothing else.
 */
export function lateActionsOnly(text: string): string | undefined {
  const head = /^alter\s+table\b/i.test(text) ? ALTER_RELATION.exec(text) : null;
  if (!head) return text;
  const actions = topLevel(text.slice(head[0].length)).map((a) => a.trim());
  const late = actions.filter((a) => !CATALOG_ACTION.test(a));
  if (late.length === actions.length) return text;
  return late.length ? `${head[0]} ${late.join(', ')}` : undefined;
}

/** The kind of object an ALTER or DROP names (the words before its name). */
const KIND = String.raw`(?:materialized\s+view|foreign\s+(?:table|data\s+wrapper)|text\s+search\s+\w+|event\s+trigger|operator\s+(?:class|family)|access\s+method|\w+)`;
const ALTER_HEAD = new RegExp(String.raw`^alter\s+${KIND}\s+(?:if\s+exists\s+)?(?:only\s+)?(${IDENT}(?:\s*\.\s*${IDENT})*)(?:\s*\([^()]*\))?`, 'i');
const DROP_HEAD = new RegExp(String.raw`^drop\s+${KIND}\s+(?:concurrently\s+)?(?:if\s+exists\s+)?`, 'i');
/** Code: what it changes is not in its text (see isCode). */
const CODE = /^(do|call)\b/i;
/** Functions and words before `(` a SELECT can use without running a script's own code. */
const SAFE_CALLS = new Set(`setval set_config nextval currval current_setting count sum min max avg now coalesce nullif format concat lower upper length
  to_char to_regclass exists in any all some cast values array row as and or not`.split(/\s+/));
const CALL = /(?:^|[^\w$.])([A-Za-z_][\w$]*)\s*\(/g;

/** DO, CALL, or a SELECT that calls a function of the script's (which may run DDL); not pg_dump's setval or a SELECT of a message. */
function isCode(text: string): boolean {
  if (CODE.test(text)) return true;
  if (!/^select\b/i.test(text)) return false;
  for (const m of text.matchAll(CALL)) if (!SAFE_CALLS.has(m[1].toLowerCase())) return true;
  return false;
}
/**
 * Changes whose effect reaches objects they do not name: CASCADE, and dropping or moving a relation
 * or schema (its indexes, triggers, policies, rules and comments go with it).
 */
const REACHES = /\bcascade\s*;?\s*$|^drop\s+(table|view|materialized\s+view|foreign\s+table|schema)\b|\bset\s+schema\b/i;

/** Every identifier-like word of a statement (keywords too: a column may be named `data` or `type`). */
function names(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(IDENT_ALL)) out.add(identName(m[0]));
  return out;
}

/** The last part of each name in a list (`s.a, b(int)` → a, b): what a DROP or RENAME acts on, not its schema or argument types. */
function lastParts(list: string): Set<string> {
  const out = new Set<string>();
  for (const item of list.replace(/\([^()]*\)/g, ' ').split(',')) {
    const m = item.match(IDENT_ALL)?.at(-1);
    if (m) out.add(identName(m));
  }
  return out;
}

/** A list's items at its top-level commas, comments left out (see listItems). */
const topLevel = (list: string): string[] => listItems(list).map((i) => i.text);

/** ALTER actions that make a name stale, and where the name stands in them. */
const ACTIONS: RegExp[] = [
  new RegExp(String.raw`^rename\s+(?:column\s+|constraint\s+|attribute\s+)?(${IDENT})\s+to\b`, 'i'),
  new RegExp(String.raw`^drop\s+constraint\s+(?:if\s+exists\s+)?(${IDENT})`, 'i'),
  new RegExp(String.raw`^drop\s+(?!(?:default|not|identity|expression|constraint)\b)(?:column\s+|attribute\s+)?(?:if\s+exists\s+)?(${IDENT})`, 'i'),
  new RegExp(String.raw`^alter\s+(?:column\s+|attribute\s+)?(${IDENT})\s+(?:set\s+data\s+)?type\b`, 'i'),
];

/**
 * The names a statement can make stale: what a DROP drops, what an ALTER renames, moves or drops
 * (an object's own name, not its schema's; a column or constraint); not the new name a RENAME
 * gives. Empty when it changes no name.
 */
function affected(text: string): Set<string> {
  const drop = DROP_HEAD.exec(text);
  if (drop) return lastParts(text.slice(drop[0].length).replace(/\s+(on\s[\s\S]*|cascade|restrict)\s*;?\s*$/i, ''));
  const head = ALTER_HEAD.exec(text);
  if (!head) return new Set();
  const out = new Set<string>();
  for (const action of topLevel(text.slice(head[0].length))) {
    const a = action.trim();
    if (/^(rename\s+to|set\s+schema)\b/i.test(a)) for (const n of lastParts(head[1])) out.add(n);
    for (const re of ACTIONS) {
      const m = re.exec(a);
      if (m) out.add(identName(m[1]));
    }
  }
  return out;
}

interface Change {
  index: number;
  names: Set<string>;
  /** Code (DO, CALL, a SELECT of a function): what it changed is not in its text. */
  code: boolean;
  /** Its effect reaches objects it does not name (see REACHES). */
  reaches: boolean;
  /** Whether a statement before it mentions what it changes (else it changed nothing the script made); worked out once. */
  madeBefore?: boolean;
}

/**
 * Tells whether the catalog has to give these objects: when a statement that ran after one of their
 * kept statements renamed, moved or dropped a name that statement mentions (or ran code that can).
 * The script's own text is kept otherwise, formatting and all.
 */
export class LateObjects {
  private readonly changes: Change[] = [];
  /** The statements run so far, for telling a DROP of something the script made from one of nothing. */
  private readonly texts: { index: number; text: string }[] = [];

  /** Notes a statement PostgreSQL ran (`index`: its place in the script). */
  note(index: number, text: string): void {
    this.texts.push({ index, text });
    const code = isCode(text);
    if (!code && !/^(drop|alter)\b/i.test(text)) return;
    const names = code ? new Set<string>() : affected(text);
    const reaches = !code && REACHES.test(text);
    if (code || names.size) this.changes.push({ index, names, code, reaches });
  }

  /**
   * Whether the catalog has to give these objects: some of these statements (the kept ones to be
   * written as they are) may name what a later statement changed, or code ran that may have made
   * or changed them (its effects are only in the catalog).
   */
  stale(kept: { index: number; kind: string; text: string }[]): boolean {
    return this.changes.some((c) => c.code) || kept.some((k) => partlyFromCatalog(k.kind, k.text) && this.changedAfter(k));
  }

  /** Whether a statement that ran after this one renamed, moved or dropped a name it mentions (or may have). */
  changedAfter(k: { index: number; text: string }): boolean {
    let mentioned: Set<string> | undefined;
    return this.changes.some((c) => {
      if (c.index <= k.index) return false;
      if (c.code) return true;
      // The database starts empty: a CASCADE or a drop of a relation reaches further only if what it
      // names was made before it (`DROP ... IF EXISTS x CASCADE` before the script makes x drops nothing).
      if (c.reaches && this.madeBefore(c)) return true;
      mentioned ??= names(k.text);
      for (const n of c.names) if (mentioned.has(n)) return true;
      return false;
    });
  }

  private madeBefore(c: Change): boolean {
    if (c.madeBefore === undefined) {
      const escaped = [...c.names].map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/"/g, '""'));
      const re = new RegExp(String.raw`(?<![\w$\u0080-\uffff])(?:${escaped.join('|')})(?![\w$\u0080-\uffff])`, 'i');
      c.madeBefore = this.texts.some((t) => t.index < c.index && re.test(t.text));
    }
    return c.madeBefore;
  }
}

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
  return `COMMENT ON ${keyword} ${target} IS ${postgresDialect.stringLiteral(comment)}`;
}

const ROLE_PUBLIC = 'public';
const CMD: Record<string, string> = { r: 'SELECT', a: 'INSERT', w: 'UPDATE', d: 'DELETE', '*': 'ALL' };
const ENABLED: Record<string, string> = { D: 'DISABLE', R: 'ENABLE REPLICA', A: 'ENABLE ALWAYS' };

/**
 * The objects' final definitions (expects `search_path = ''`, so every name is qualified). Objects of
 * extensions and in temporary schemas are left out.
 */
export async function readLateObjects(db: Queryable): Promise<LateStatement[]> {
  // Relations of the script, and of a platform (auth.users): what the script set on those is its own.
  const rel = `JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid > 16383 AND ${SYSTEM_SCHEMA_FILTER} AND NOT EXISTS (SELECT 1 FROM pg_depend d JOIN pg_extension x ON x.oid = d.refobjid
    WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e' AND x.extname NOT LIKE '${ENVIRONMENT_EXTENSION_LIKE}')`;
  const [row] = await db.query<{ j: string }>(`SELECT json_build_object(
    'rls', (SELECT json_agg(json_build_object('rel', c.oid::regclass::text, 'kind', c.relkind::text, 'rls', c.relrowsecurity, 'force', c.relforcerowsecurity, 'replident', c.relreplident::text)) FROM pg_class c ${rel}
      AND c.relkind IN ('r','p','m') AND (c.relrowsecurity OR c.relforcerowsecurity OR c.relreplident IN ('f','i') OR (c.relreplident = 'n' AND c.relkind <> 'm'))),
    'indexes', (SELECT json_agg(json_build_object('rel', c.oid::regclass::text, 'kind', c.relkind::text, 'index', quote_ident(ic.relname), 'clustered', i.indisclustered, 'replident', i.indisreplident))
      FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class c ON c.oid = i.indrelid ${rel} AND (i.indisclustered OR i.indisreplident)),
    'stattargets', (SELECT json_agg(json_build_object('rel', c.oid::regclass::text, 'kind', c.relkind::text, 'col', quote_ident(a.attname), 'target', a.attstattarget::int) ORDER BY c.oid, a.attnum)
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid ${rel} AND c.relkind IN ('r','p','m','f') AND a.attnum > 0 AND NOT a.attisdropped AND a.attstattarget >= 0),
    'triggers', (SELECT json_agg(json_build_object('rel', c.oid::regclass::text, 'name', quote_ident(t.tgname), 'def', CASE WHEN t.tgparentid = 0 THEN pg_get_triggerdef(t.oid) END,
        'kind', c.relkind::text, 'enabled', t.tgenabled::text, 'parentEnabled', (SELECT pt.tgenabled::text FROM pg_trigger pt WHERE pt.oid = t.tgparentid),
        'extensions', (SELECT json_agg(quote_ident(x.extname) ORDER BY x.extname) FROM pg_depend d JOIN pg_extension x ON x.oid = d.refobjid WHERE d.classid = 'pg_trigger'::regclass AND d.objid = t.oid AND d.deptype = 'x')) ORDER BY t.oid)
      FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid ${rel} AND NOT t.tgisinternal),
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
  // A partition's clone of its parent's trigger is made with the parent's; only a state of its own is written.
  const cloneStates: LateStatement[] = [];
  for (const r of cat.triggers ?? []) {
    const state = (e: string) => ({ kind: 'alter' as const, name: r.rel as string, text: `ALTER ${r.kind === 'f' ? 'FOREIGN TABLE' : 'TABLE'} ${r.rel as string} ${e === 'O' ? 'ENABLE' : ENABLED[e]} TRIGGER ${r.name as string}` });
    if (r.def === null) {
      if (r.enabled !== r.parentEnabled) cloneStates.push(state(r.enabled as string));
      continue;
    }
    out.push({ kind: 'trigger', name: `${r.name as string} on ${r.rel as string}`, text: r.def as string });
    for (const x of (r.extensions as string[] | null) ?? []) out.push({ kind: 'alter', name: r.rel as string, text: `ALTER TRIGGER ${r.name as string} ON ${r.rel as string} DEPENDS ON EXTENSION ${x}` });
    if (ENABLED[r.enabled as string]) out.push(state(r.enabled as string));
  }
  out.push(...cloneStates);
  for (const r of cat.rules ?? []) {
    out.push({ kind: 'rule', name: `${r.name as string} on ${r.rel as string}`, text: (r.def as string).replace(/;\s*$/, '') });
    if (ENABLED[r.enabled as string]) out.push({ kind: 'alter', name: r.rel as string, text: `${alter(r).replace(/^ALTER MATERIALIZED VIEW/, 'ALTER TABLE')} ${ENABLED[r.enabled as string]} RULE ${r.name as string}` });
  }
  for (const r of cat.statistics ?? []) {
    out.push({ kind: 'statistics', name: r.name as string, text: r.def as string });
    if (typeof r.target === 'number' && r.target >= 0) out.push({ kind: 'alter', name: r.name as string, text: `ALTER STATISTICS ${r.name as string} SET STATISTICS ${r.target}` });
  }
  for (const r of cat.comments ?? []) {
    const text = commentOn(r.type as string, r.identity as string, r.comment as string);
    if (text) out.push({ kind: 'comment', name: r.identity as string, text, on: { catalog: r.catalog as string, sub: r.sub as number, relkind: (r.relkind as string | null) ?? undefined, key: (r.key as string | null) ?? undefined } });
  }
  return out;
}
