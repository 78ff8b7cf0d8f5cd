/** What to do with each statement of a PostgreSQL script: run it, keep it as raw SQL, or skip it. */

export interface Classified {
  /** Run it in PGlite. */
  execute: boolean;
  /** Keep the original text as a raw object of this kind (after a successful run). */
  raw?: string;
  /** Why it is not run (reported with its line). */
  skip?: string;
  /** Not kept in the document, reported as info (data, session settings, ownership). */
  note?: string;
  /** Creates an extension or an enum (the catalog reader skips those catalogs when nothing did). */
  creates?: 'extension' | 'enum';
  /** CREATE TABLE / VIEW / SEQUENCE / COMMENT targets: [schema?, name] */
  target?: { what: string; path: string[] };
}

/** An identifier: quoted, or plain (PostgreSQL takes any non-ASCII letter in one). */
export const IDENT = String.raw`(?:"(?:[^"]|"")+"|[A-Za-z_\u0080-\uffff][\w$\u0080-\uffff]*)`;
const PATH = String.raw`${IDENT}(?:\s*\.\s*${IDENT})*`;

export const IDENT_ALL = new RegExp(IDENT, 'g');

/** An identifier as PostgreSQL reads it: quoted as written, plain folded to lower case (A-Z only, as PostgreSQL does). */
export function identName(m: string): string {
  if (m.charCodeAt(0) === 34) return m.slice(1, -1).replace(/""/g, '"');
  if (!HAS_UPPER.test(m)) return m;
  return NON_ASCII.test(m) ? m.replace(/[A-Z]+/g, (x) => x.toLowerCase()) : m.toLowerCase();
}
const HAS_UPPER = /[A-Z]/;
const NON_ASCII = /[^\x00-\x7f]/;

export function identPath(text: string): string[] {
  return (text.match(IDENT_ALL) ?? []).map(identName);
}

function target(what: string, text: string, re: RegExp): Classified['target'] {
  const m = re.exec(text);
  return m ? { what, path: identPath(m[1]) } : undefined;
}

const RAW_KINDS: [RegExp, string][] = [
  [/^create\s+(or\s+replace\s+)?(function)\b/, 'function'],
  [/^create\s+(or\s+replace\s+)?procedure\b/, 'procedure'],
  [/^create\s+(or\s+replace\s+)?aggregate\b/, 'aggregate'],
  [/^create\s+(or\s+replace\s+)?(constraint\s+)?trigger\b/, 'trigger'],
  [/^create\s+event\s+trigger\b/, 'trigger'],
  [/^create\s+policy\b/, 'policy'],
  [/^create\s+(or\s+replace\s+)?rule\b/, 'rule'],
  [/^create\s+domain\b/, 'domain'],
  [/^create\s+type\b/, 'type'],
  [/^create\s+cast\b/, 'cast'],
  [/^create\s+operator\b/, 'operator'],
  [/^create\s+(default\s+)?collation\b/, 'collation'],
  [/^create\s+text\s+search\b/, 'text-search'],
  [/^create\s+(default\s+)?conversion\b/, 'conversion'],
  [/^create\s+materialized\s+view\b/, 'materialized-view'],
  [/^create\s+(unlogged\s+)?sequence\b/, 'sequence'],
  [/^create\s+publication\b/, 'publication'],
  [/^create\s+(foreign\s+(table|data\s+wrapper)|server|user\s+mapping)\b/, 'foreign'],
  [/^create\s+(or\s+replace\s+)?(trusted\s+)?(procedural\s+)?language\b/, 'language'],
  [/^create\s+statistics\b/, 'statistics'],
  [/^alter\s+sequence\b/, 'sequence-owner'],
  [/^alter\s+(domain|type)\b/, 'alter'],
  [/^alter\s+(function|aggregate|procedure|routine)\b/, 'alter'],
  [/^alter\s+(materialized\s+view|view)\b/, 'alter'],
  [/^alter\s+index\b/, 'alter'],
  // Triggers, policies, rules and publications are written after the tables (late kinds): so are the
  // statements that change or drop them, in script order among them.
  [/^(drop|alter)\s+(trigger|policy|rule|publication)\b/, 'alter'],
  [/^drop\s+(function|procedure|aggregate|domain|cast|operator|type|text\s+search|collation)\b/, 'drop'],
  [/^comment\s+on\b/, 'comment'],
  [/^security\s+label\b/, 'comment'],
];

/** Raw kinds whose created object is named (for dependency ordering on export): the keyword before the name. */
const CREATES: Record<string, string> = {
  function: 'function', procedure: 'procedure', aggregate: 'aggregate', domain: 'domain', type: 'type', 'materialized-view': 'materialized\\s+view',
};

/** The name after each CREATES keyword, compiled once (classify runs on every statement of a dump). */
const CREATED_NAME: Record<string, RegExp> = Object.fromEntries(
  Object.entries(CREATES).map(([kind, word]) => [kind, new RegExp(String.raw`^create\s+(?:or\s+replace\s+)?(?:constraint\s+)?${word}\s+(?:if\s+not\s+exists\s+)?(${PATH})`, 'i')]),
);
const COMMENT_TARGET = new RegExp(String.raw`^comment\s+on\s+(table|column|schema|type|view)\s+(${PATH})\s+is\b`, 'i');
const SEQUENCE_NAME = new RegExp(String.raw`^(?:create(?:\s+unlogged)?|alter)\s+sequence\s+(?:if\s+(?:not\s+)?exists\s+)?(${PATH})`, 'i');

/** The classification of data statements (INSERT, UPDATE, DELETE, MERGE, COPY): not imported. */
export const DATA: Classified = { execute: false, note: 'data' };

/** `INSERT` (any case) and a space at the start: a dump's data rows, the bulk of a big dump; compared by char code, no regex. */
export function isInsert(text: string): boolean {
  if (text.length < 7) return false;
  for (let i = 0; i < 6; i++) if ((text.charCodeAt(i) | 32) !== INSERT[i]) return false;
  const c = text.charCodeAt(6);
  return c === 32 || (c >= 9 && c <= 13);
}
const INSERT = [...'insert'].map((ch) => ch.charCodeAt(0));

const TABLE_NAME = new RegExp(String.raw`^create\s+(?:(?:global|local)\s+)?(?:(?:temp|temporary|unlogged)\s+)?table\s+(?:if\s+not\s+exists\s+)?(${PATH})`, 'i');
const ENUM_NAME = new RegExp(String.raw`^create\s+type\s+(${PATH})\s+as\s+enum\b`, 'i');
const VIEW_NAME = new RegExp(String.raw`^create\s+(?:or\s+replace\s+)?(?:(?:temp|temporary)\s+)?(?:recursive\s+)?view\s+(${PATH})`, 'i');

const ON = String.raw`\s+(?:only\s+)?(${PATH})`;
/** Where statements that work on a relation name it (see `relationSpan`). */
const RELATION_OF: [RegExp, RegExp][] = [
  [/^create\s+(unique\s+)?index\b/i, new RegExp(String.raw`^create\s+(?:unique\s+)?index\s+(?:concurrently\s+)?(?:(?:if\s+not\s+exists\s+)?${IDENT}\s+)?on${ON}`, 'id')],
  [/^create\s+(or\s+replace\s+)?(constraint\s+)?trigger\b/i, new RegExp(String.raw`\bon${ON}`, 'id')],
  [/^create\s+(or\s+replace\s+)?rule\b/i, new RegExp(String.raw`\bas\s+on\s+\w+\s+to${ON}`, 'id')],
  [/^create\s+policy\b/i, new RegExp(String.raw`^create\s+policy\s+${IDENT}\s+on${ON}`, 'id')],
  [/^create\s+statistics\b/i, new RegExp(String.raw`\bfrom${ON}`, 'id')],
  [/^alter\s+(table|index|view|materialized\s+view|foreign\s+table|sequence)\b/i, new RegExp(String.raw`^alter\s+(?:table|index|view|materialized\s+view|foreign\s+table|sequence)\s+(?:if\s+exists\s+)?(?:only\s+)?(${PATH})`, 'id')],
  [/^(alter|drop)\s+(trigger|policy|rule)\b/i, new RegExp(String.raw`^(?:alter|drop)\s+(?:trigger|policy|rule)\s+(?:if\s+exists\s+)?${IDENT}\s+on${ON}`, 'id')],
  [/^comment\s+on\s+(table|index|sequence|view|materialized\s+view)\b/i, new RegExp(String.raw`^comment\s+on\s+(?:materialized\s+)?\w+\s+(${PATH})`, 'id')],
  [/^comment\s+on\s+column\b/i, new RegExp(String.raw`^comment\s+on\s+column\s+(${PATH})\s*\.\s*${IDENT}\s+is\b`, 'id')],
  [/^comment\s+on\s+(trigger|constraint|rule|policy)\b/i, new RegExp(String.raw`\bon${ON}\s+is\b`, 'id')],
];

/** An item of a comma-separated list (see listItems). */
export interface ListItem {
  /** Its range in the list. */
  start: number;
  end: number;
  /** Its text, with each comment left out (a space instead). */
  text: string;
}

// A run of plain text is one token (an E or e too, unless a quote follows: E'' is an escape string).
const LIST_TOKEN = /[Ee]'(?:[^'\\]|\\[\s\S]|'')*'|'(?:[^']|'')*'|"(?:[^"]|"")*"|\$(\w*)\$[\s\S]*?\$\1\$|--[^\n]*|\/\*[\s\S]*?\*\/|[(),]|(?:[^'"$\-/(),Ee]|[Ee](?!'))+|[\s\S]/g;

/**
 * Splits a list at its top-level commas: not inside parentheses, strings (E'' too), quoted names,
 * dollar quotes or comments. With `until` (matched against an item's text up to a top-level `(`, as
 * `/\swith\s*$/i` for a trailing `WITH (...)`), the list ends where that match begins.
 */
export function listItems(list: string, until?: RegExp): ListItem[] {
  const out: ListItem[] = [];
  let depth = 0;
  let part = '';
  let start = 0;
  for (const m of list.matchAll(LIST_TOKEN)) {
    const t = m[0];
    if (t.startsWith('--') || t.startsWith('/*')) {
      part += ' ';
      continue;
    }
    if (t === '(' && depth === 0 && until) {
      const stop = until.exec(list.slice(start, m.index));
      if (stop) {
        out.push({ start, end: start + stop.index, text: part.replace(until, '') });
        return out;
      }
    }
    if (t === ',' && depth === 0) {
      out.push({ start, end: m.index, text: part });
      part = '';
      start = m.index + 1;
      continue;
    }
    if (t === '(') depth++;
    else if (t === ')') depth--;
    part += t;
  }
  out.push({ start, end: list.length, text: part });
  return out;
}

/**
 * The text inside a parenthesis, from just after its `(` at `from` to its matching `)` (strings,
 * quoted names, dollar quotes and comments hold none); undefined when it is not closed.
 */
export function parenthesized(text: string, from: number): string | undefined {
  let depth = 1;
  const rest = text.slice(from);
  for (const m of rest.matchAll(LIST_TOKEN)) {
    if (m[0] === '(') depth++;
    else if (m[0] === ')' && --depth === 0) return rest.slice(0, m.index);
  }
  return undefined;
}

/** A name in a statement's text: its path as written and where it stands (`start`..`end`). */
export interface NameSpan {
  path: string[];
  start: number;
  end: number;
}

/**
 * The relation an index, trigger, rule, policy, statistics object, ALTER of a relation or comment
 * works on: its path as written, and where the text names it.
 */
export function relationSpan(text: string): NameSpan | undefined {
  for (const [when, name] of RELATION_OF) {
    if (!when.test(text)) continue;
    const m = name.exec(text);
    return m ? { path: identPath(m[1]), start: m.indices![1][0], end: m.indices![1][1] } : undefined;
  }
  return undefined;
}

/** The relation's path as written (see relationSpan), for telling statements about temporary tables apart. */
export function relationOf(text: string): string[] | undefined {
  return relationSpan(text)?.path;
}

/** ALTER TABLE actions the model does not hold, on objects written after the tables (triggers, rules, indexes, partitions). */
const LATE_ACTION = /\b(enable|disable|force|no\s+force)\s+row\s+level\s+security\b|\b(enable(\s+(replica|always))?|disable)\s+(trigger|rule)\b|\bcluster\s+on\b|\bset\s+without\s+cluster\b|\breplica\s+identity\b|\battach\s+partition\b|\b(re)?set\s*\(|\bset\s+statistics\b|\bset\s+storage\b/;

const STATE = String.raw`(?:enable(?:\s+(?:replica|always))?|disable)\s+(?:trigger|rule)\s+(?:${IDENT}|all|user)`;
/** An ALTER of a relation whose every action is a trigger or rule state. */
/** An ALTER that ends in OWNER TO a role (see ownerOnly). */
const OWNER_ONLY = new RegExp(String.raw`^alter\s[\s\S]*\sowner\s+to\s+${IDENT}\s*$`, 'i');

/**
 * Whether an ALTER only changes an owner: one action (no top-level comma), comments left out,
 * ending in OWNER TO a role, and not a RENAME of something named owner (`RENAME COLUMN owner TO x`).
 */
function ownerOnly(text: string): boolean {
  const items = listItems(text);
  if (items.length !== 1) return false;
  const bare = items[0].text.trim();
  return OWNER_ONLY.test(bare) && !/\srename\s/i.test(bare);
}

const ONLY_STATES = new RegExp(String.raw`^alter\s+\w+(?:\s+\w+)?\s+(?:if\s+exists\s+)?(?:only\s+)?${PATH}\s+${STATE}(?:\s*,\s*${STATE})*\s*$`, 'i');

export function classify(text: string): Classified {
  if (isInsert(text)) return DATA;
  const head = text.slice(0, 400).replace(/\s+/g, ' ').toLowerCase();
  if (/^(begin|commit|end|abort|rollback|start\s+transaction|savepoint|release)\b/.test(head)) return { execute: false, note: 'transaction control' };
  if (/^(create|alter|drop)\s+(role|user|group|database)\b|^(grant|revoke)\b|^alter\s+default\s+privileges\b|^(reassign|drop)\s+owned\b/.test(head)) {
    return { execute: false, skip: 'roles, privileges and databases are not part of the schema' };
  }
  if (/^(vacuum|analyze|cluster|reindex|checkpoint|listen|notify|load|discard|lock|truncate)\b/.test(head)) return { execute: false, note: 'maintenance statement' };
  if (/^(insert|update|delete|merge)\b/.test(head) || /^copy\b/.test(head)) return DATA;
  if (/ owner to /.test(head) && /^alter\b/.test(head)) {
    // Owners are not part of the schema: an ALTER that only changes one is not run. (A schema's
    // would also make PostgreSQL plan the import's catalog read again.) One that does more runs.
    return ownerOnly(text) ? { execute: false, note: 'ownership' } : { execute: true, note: 'ownership' };
  }
  // The script runs as the superuser: as a role made for the run (see importPostgres) it could not make its objects.
  if (/^(set\s+(local\s+|session\s+)?(role|session\s+authorization)|reset\s+(role|session\s+authorization))\b|^select\s+(pg_catalog\.)?set_config\s*\(\s*'(role|session_authorization)'/.test(head)) {
    return { execute: false, note: 'session role' };
  }
  if (/^(set|reset)\s+(local\s+|session\s+)?search_path\b/.test(head) || /^select\s+(pg_catalog\.)?set_config\s*\(\s*'search_path'/.test(head)) {
    return { execute: true, raw: 'set' };
  }
  if (/^(set|reset)\b/.test(head) || /^select\s+(pg_catalog\.)?set_config\b/.test(head)) return { execute: true, note: 'session setting' };
  if (/^(select|with|values|table|explain|show|fetch|prepare|execute|deallocate)\b/.test(head)) return { execute: true, note: 'query' };
  if (/^do\b/.test(head)) return { execute: true, note: 'DO block (its effects are read from the catalog)' };
  // PGlite's PostGIS build ships postgis_raster, but once it is made PostgreSQL answers no query (upstream).
  if (/^create\s+extension\s+(?:if\s+not\s+exists\s+)?"?postgis_raster\b/.test(head)) {
    return { execute: false, skip: "postgis_raster is not available (PGlite's PostGIS build stops answering once it is made); raster columns will fail" };
  }
  if (/^create\s+extension\b/.test(head)) return { execute: true, creates: 'extension' };
  if (/^create\s+schema\b/.test(head)) return { execute: true };
  if (/^create\s+type\s+\S+\s+as\s+enum\b/.test(head)) return { execute: true, creates: 'enum', target: target('enum', text, ENUM_NAME) };
  // A temporary table lasts one session: run it (later statements may use it), but it is not schema.
  if (/^create\s+(?:(?:global|local)\s+)?(?:temp|temporary)\s+table\b/.test(head)) return { execute: true, note: 'temporary table', target: target('temporary', text, TABLE_NAME) };
  if (/^create\s+(?:temp|temporary)\s+sequence\b/.test(head)) return { execute: true, note: 'temporary sequence' };
  if (/^create\s+(or\s+replace\s+)?(temp|temporary)\s+(recursive\s+)?view\b/.test(head)) return { execute: true, note: 'temporary view', target: target('temporary', text, VIEW_NAME) };
  if (/^create\s+(?:unlogged\s+)?table\b/.test(head)) {
    const t = target('table', text, TABLE_NAME);
    // In pg_temp: a temporary table too.
    if (t && t.path.length > 1 && /^pg_temp(_\d+)?$/.test(t.path[0])) return { execute: true, note: 'temporary table', target: { ...t, what: 'temporary' } };
    return { execute: true, target: t };
  }
  if (/^create\s+(or\s+replace\s+)?((temp|temporary)\s+)?(recursive\s+)?view\b/.test(head)) return { execute: true, target: target('view', text, VIEW_NAME) };
  if (/^create\s+(unique\s+)?index\b/.test(head)) return { execute: true };
  if (/^alter\s+table\b/.test(head)) {
    // Its actions can run past the head (an RLS after twenty ADD COLUMNs).
    const all = text.length > 400 ? text.replace(/\s+/g, ' ').toLowerCase() : head;
    return LATE_ACTION.test(all) ? { execute: true, raw: 'alter' } : { execute: true };
  }
  // A foreign table is kept as written, in script order; an ALTER that only enables or disables its
  // triggers or rules comes after them.
  if (/^alter\s+foreign\s+table\b/.test(head) && ONLY_STATES.test(text)) return { execute: true, raw: 'alter' };
  if (/^drop\s+(table|view|index|schema|sequence|extension)\b/.test(head)) return { execute: true, note: 'DROP of a modelled object' };
  for (const [re, kind] of RAW_KINDS) {
    if (!re.test(head)) continue;
    if (kind === 'comment') {
      const m = COMMENT_TARGET.exec(text);
      if (m) return { execute: true, raw: 'comment', target: { what: m[1].toLowerCase(), path: identPath(m[2]) } };
    }
    if (CREATES[kind]) {
      const m = CREATED_NAME[kind].exec(text);
      if (m) return { execute: true, raw: kind, target: { what: kind, path: identPath(m[1]) } };
    }
    if (kind === 'sequence' || kind === 'sequence-owner') {
      const m = SEQUENCE_NAME.exec(text);
      // OWNED BY names a table, so it comes after the tables; other changes (RENAME, SET SCHEMA, options) in script order.
      const raw = kind === 'sequence-owner' && !/\bowned\s+by\b/.test(head) ? 'sequence-alter' : kind;
      return { execute: true, raw, target: m ? { what: 'sequence', path: identPath(m[1]) } : undefined };
    }
    return { execute: true, raw: kind };
  }
  return { execute: true, raw: 'statement' };
}
