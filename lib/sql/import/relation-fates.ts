/**
 * What happens to relations later in a script: renamed (RENAME TO, SET SCHEMA, of the relation or of
 * its schema) or dropped. The document holds tables, views and indexes with their final names, so a
 * kept statement written before a rename (CREATE TRIGGER ... ON old_name) is written back with the
 * final name, and one about a relation dropped later is not written back at all.
 */
import { LATE_RAW_KINDS } from '../ddl/builder';
import { escapeQuoted } from '../ddl/dialect';
import { identPath, listItems, relationSpan, type NameSpan } from './classify';
import { IDENT, keyOf } from './enum-statements';

const PATH = String.raw`${IDENT}(?:\s*\.\s*${IDENT})*`;
const RELATION = String.raw`(?:table|view|materialized\s+view|foreign\s+table|sequence|index)`;
/** The end of a statement: spaces and comments, maybe its semicolon. */
const END = String.raw`(?:\s|--[^\n]*|/\*[\s\S]*?\*/)*;?\s*$`;
const RENAME = new RegExp(String.raw`^alter\s+${RELATION}\s+(?:if\s+exists\s+)?(?:only\s+)?(${PATH})\s+(?:rename\s+to\s+(${IDENT})|set\s+schema\s+(${IDENT}))${END}`, 'i');
const DROP = new RegExp(String.raw`^drop\s+(?:table|view|materialized\s+view|foreign\s+table|sequence|index(?:\s+concurrently)?)\s+(?:if\s+exists\s+)?(${PATH}(?:\s*,\s*${PATH})*)\s*(?:cascade|restrict)?${END}`, 'i');
const SCHEMA_RENAME = new RegExp(String.raw`^alter\s+schema\s+(${IDENT})\s+rename\s+to\s+(${IDENT})${END}`, 'i');
const SCHEMA_DROP = new RegExp(String.raw`^drop\s+schema\s+(?:if\s+exists\s+)?(${IDENT}(?:\s*,\s*${IDENT})*)\s*(?:cascade|restrict)?${END}`, 'i');

const PATHS = new RegExp(PATH, 'g');
const SEQUENCE_NAME = new RegExp(String.raw`^create\s+(?:unlogged\s+)?sequence\s+(?:if\s+not\s+exists\s+)?(${PATH})`, 'id');
const OWNED_BY = new RegExp(String.raw`\bowned\s+by\s+(${PATH})`, 'id');

const PUBLICATION_LIST = new RegExp(String.raw`^(?:create\s+publication\s+${IDENT}\s+for|alter\s+publication\s+${IDENT}\s+(?:add|set|drop))\s+`, 'i');
const PUBLICATION_ITEM = new RegExp(String.raw`^((?:\s|--[^\n]*|/\*[\s\S]*?\*/)*)(tables\s+in\s+schema\b)?(?:(table\s+)?(?:only\s+)?(${PATH}))?`, 'id');

interface PublicationItem {
  /** The item's text range (between the list's commas, spaces trimmed). */
  start: number;
  end: number;
  /** The table it names, if it is a table. */
  table?: NameSpan;
  /** Whether it begins with TABLE (a bare name continues the kind of the item before it). */
  keyword: boolean;
}

/**
 * The items a CREATE / ALTER PUBLICATION lists (`FOR TABLE a, ONLY b (x, y) WHERE (...), TABLES IN
 * SCHEMA s`): names after TABLE are tables up to a TABLES IN SCHEMA, whose names are schemas. Commas
 * and names inside column lists, row filters or strings are not items.
 */
function publicationItems(text: string): PublicationItem[] {
  const head = PUBLICATION_LIST.exec(text);
  if (!head) return [];
  const base = head[0].length;
  let tables = true;
  return listItems(text.slice(base), /\swith\s*$/i).map((li) => {
    const part = text.slice(base + li.start, base + li.end);
    const m = PUBLICATION_ITEM.exec(part)!;
    const it: PublicationItem = { start: base + li.start + m[1].length, end: base + li.start + part.trimEnd().length, keyword: !!m[3] };
    if (m[2] || /^\s*all\s+tables\b/i.test(li.text)) tables = false;
    else if (m[3]) tables = true;
    if (tables && m[4]) it.table = { path: identPath(m[4]), start: base + li.start + m.indices![4][0], end: base + li.start + m.indices![4][1] };
    return it;
  });
}

/** The tables a CREATE / ALTER PUBLICATION lists (see publicationItems). */
export function publicationTables(text: string): NameSpan[] {
  return publicationItems(text).flatMap((i) => (i.table ? [i.table] : []));
}

/**
 * A CREATE / ALTER PUBLICATION without the tables the script drops later (the text as it is when it
 * lists none of them); for an ALTER that lists nothing else, undefined (ADD, DROP) or a statement
 * emptying the publication (SET).
 */
export function withoutDroppedTables(text: string, index: number, schema: string, fates: RelationFates): string | undefined {
  const items = publicationItems(text);
  const gone = (i: PublicationItem) => !!i.table && fates.follow(keyOf({ path: i.table.path, schema }), index) === undefined;
  if (!items.some(gone)) return text;
  const kept = items.filter((i) => !gone(i));
  if (!kept.length) {
    // An ALTER of nothing left is not kept; the publication a CREATE makes stays, publishing nothing yet.
    const made = new RegExp(String.raw`^create\s+publication\s+${IDENT}`, 'i').exec(text);
    if (made) return `${made[0]}${text.slice(items.at(-1)!.end)}`;
    // A SET of nothing left still empties the publication (PostgreSQL has no empty SET list).
    const set = new RegExp(String.raw`^alter\s+publication\s+(${IDENT})\s+set\s`, 'i').exec(text);
    return set ? emptiedPublication(identPath(set[1])[0]) : undefined;
  }
  // A bare name after a removed item continues the kind before it: a table now first in its run says TABLE.
  const parts = kept.map((i, n) => {
    const part = text.slice(i.start, i.end);
    const after = n === 0 ? undefined : kept[n - 1];
    return i.table && !i.keyword && (!after || !after.table) ? `TABLE ${part}` : part;
  });
  return `${text.slice(0, items[0].start)}${parts.join(', ')}${text.slice(items.at(-1)!.end)}`;
}

/** A statement that drops every table and schema from a publication, as a SET of an empty list would. */
function emptiedPublication(name: string): string {
  const literal = `'${name.replace(/'/g, "''")}'`;
  let tag = '$publication$';
  while (name.includes(tag)) tag = `$${tag.slice(1, -1)}_$`;
  return `DO ${tag}
DECLARE item text;
BEGIN
  FOR item IN
    SELECT format('TABLE %I.%I', n.nspname, c.relname) FROM pg_catalog.pg_publication_rel r JOIN pg_catalog.pg_publication p ON p.oid = r.prpubid
      JOIN pg_catalog.pg_class c ON c.oid = r.prrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE p.pubname = ${literal}
    UNION ALL SELECT format('TABLES IN SCHEMA %I', n.nspname) FROM pg_catalog.pg_publication_namespace s JOIN pg_catalog.pg_publication p ON p.oid = s.pnpubid
      JOIN pg_catalog.pg_namespace n ON n.oid = s.pnnspid WHERE p.pubname = ${literal}
  LOOP
    EXECUTE format('ALTER PUBLICATION %I DROP %s', ${literal}, item);
  END LOOP;
END ${tag}`;
}

/** The relations a DROP TABLE / VIEW / ... statement names (as written); none for other statements. */
export function droppedPaths(text: string): string[][] {
  const m = DROP.exec(text);
  return m ? (m[1].match(PATHS) ?? []).map(identPath) : [];
}

interface Event {
  index: number;
  /** A relation's key (`schema.name`), or a schema's name for schema events. */
  from: string;
  /** The new key / schema name; none: dropped. */
  to?: string;
  schema?: true;
}

/** A relation (or its schema) renamed by a statement: the statement and the relation's key before it. */
export interface Rename {
  index: number;
  key: string;
  path: string[];
}

export class RelationFates {
  private events: Event[] = [];

  get any(): boolean {
    return this.events.length > 0;
  }

  /**
   * Notes what a statement that ran does to relations (`schema`: where unqualified names resolved).
   * `kept`: a relation a DROP names that is still there (it dropped a temporary one of that name).
   * Returns the relation it renames or moves, if it does.
   */
  note(text: string, index: number, schema: string, kept: (path: string[]) => boolean = () => false): Rename | undefined {
    const c0 = text.charCodeAt(0) | 32;
    if (c0 !== 97 && c0 !== 100) return undefined; // alter / drop
    const key = (path: string[]) => keyOf({ path, schema });
    let m = RENAME.exec(text);
    if (m) {
      const path = identPath(m[1]);
      const from = key(path);
      const to = m[2] ? `${from.slice(0, from.length - path.at(-1)!.length)}${identPath(m[2])[0]}` : `${identPath(m[3])[0]}.${path.at(-1)}`;
      this.events.push({ index, from, to });
      return { index, key: from, path };
    }
    if ((m = DROP.exec(text))) {
      for (const p of m[1].match(PATHS) ?? []) if (!kept(identPath(p))) this.events.push({ index, from: key(identPath(p)) });
      return undefined;
    }
    if ((m = SCHEMA_RENAME.exec(text))) this.events.push({ index, from: identPath(m[1])[0], to: identPath(m[2])[0], schema: true });
    else if ((m = SCHEMA_DROP.exec(text))) for (const n of identPath(m[1])) this.events.push({ index, from: n, schema: true });
    return undefined;
  }

  /** The key that a relation with key `key` at the end of the script had when statement `index` ran. */
  keyAt(key: string, index: number): string {
    let k = key;
    for (let i = this.events.length - 1; i >= 0; i--) {
      const e = this.events[i];
      if (e.index <= index) break;
      if (e.to === undefined) continue;
      if (e.schema) {
        if (k.startsWith(`${e.to}.`)) k = `${e.from}${k.slice(e.to.length)}`;
      } else if (e.to === k) k = e.from;
    }
    return k;
  }

  /** The key a relation named `key` by statement `index` has at the end of the script; undefined if dropped since. */
  follow(key: string, index: number): string | undefined {
    return this.keyWhen(key, index, Infinity);
  }

  /** The name at the end of the script of a schema named by statement `index` (undefined: dropped later). */
  followSchema(schema: string, index: number): string | undefined {
    let name = schema;
    for (const e of this.events) {
      if (!e.schema || e.index <= index || e.from !== name) continue;
      if (e.to === undefined) return undefined;
      name = e.to;
    }
    return name;
  }

  /** The key, when statement `until` runs, of a relation named `key` by statement `index` (undefined: dropped by then). */
  keyWhen(key: string, index: number, until: number): string | undefined {
    let k = key;
    for (const e of this.events) {
      if (e.index >= until) break;
      if (e.index <= index) continue;
      const hit = e.schema ? k.startsWith(`${e.from}.`) : e.from === k;
      if (!hit) continue;
      if (e.to === undefined) return undefined;
      k = e.schema ? `${e.to}${k.slice(e.from.length)}` : e.to;
    }
    return k;
  }
}

/** A relation a kept statement names, with its key then (`key`) and at the end of the script (`final`). */
export interface Subject extends NameSpan {
  key: string;
  final: string;
}

/**
 * The relations a kept statement names: the one it works on (a trigger's table, a comment's
 * relation, a sequence), and the table of a sequence's OWNED BY. `undefined` when one of them is
 * dropped later in the script.
 */
export function subjectsOf(text: string, index: number, schema: string, fates: RelationFates): Subject[] | undefined {
  const spans: NameSpan[] = [];
  const own = relationSpan(text);
  if (own) spans.push(own);
  else {
    const m = SEQUENCE_NAME.exec(text);
    if (m) spans.push({ path: identPath(m[1]), start: m.indices![1][0], end: m.indices![1][1] });
  }
  spans.push(...publicationTables(text));
  const owner = /^alter\s+sequence\b/i.test(text) ? OWNED_BY.exec(text) : null;
  if (owner) {
    const path = identPath(owner[1]);
    // OWNED BY table.column: the relation is the path without its column (OWNED BY NONE names none).
    if (path.length > 1) {
      const col = /\s*\.\s*(?:"(?:[^"]|"")+"|[\w$]+)$/.exec(owner[1])!;
      spans.push({ path: path.slice(0, -1), start: owner.indices![1][0], end: owner.indices![1][0] + col.index });
    }
  }
  const out: Subject[] = [];
  for (const s of spans) {
    const key = keyOf({ path: s.path, schema });
    const final = fates.follow(key, index);
    if (final === undefined) return undefined;
    out.push({ ...s, key, final });
  }
  return out;
}

const quote = (s: string) => escapeQuoted(s, '"');

/** `schema.name` key as a qualified, quoted name (schema names hold no dot here: keys split at the first). */
export function qualifiedName(key: string): string {
  const dot = key.indexOf('.');
  return `${quote(key.slice(0, dot))}.${quote(key.slice(dot + 1))}`;
}

/** The text with these subjects' names replaced by their final, qualified names. */
export function withFinalNames(text: string, subjects: Subject[]): string {
  let out = text;
  for (const s of [...subjects].sort((a, b) => b.start - a.start)) out = out.slice(0, s.start) + qualifiedName(s.final) + out.slice(s.end);
  return out;
}

type Row = Record<string, string | null>;

/**
 * Keys of the relations the export creates from the catalog, under their final names: modelled
 * tables and views, indexes, and sequences other than the script's own (`explicitSequences`).
 */
export function catalogRelations(
  cat: { relations: Row[]; indexes: Row[]; serials: Row[] },
  built: { tableByKey: Map<string, unknown>; viewByKey: Map<string, unknown> },
  explicitSequences: ReadonlySet<string>,
): CatalogRelations {
  const keys = new Set<string>([...built.tableByKey.keys(), ...built.viewByKey.keys()]);
  const byName = new Map<string, { key: string; table: string }[]>();
  const keyOfRel = new Map(cat.relations.map((r) => [r.oid, `${r.schema}.${r.name}`]));
  const add = (schema: string, name: string, rel: string | null) => {
    keys.add(`${schema}.${name}`);
    const table = rel && keyOfRel.get(rel);
    if (table) (byName.get(name) ?? byName.set(name, []).get(name)!).push({ key: `${schema}.${name}`, table });
  };
  for (const i of cat.indexes) if (keyOfRel.has(i.rel)) add(keyOfRel.get(i.rel)!.split('.')[0], i.name!, i.rel);
  for (const s of cat.serials) if (!explicitSequences.has(`${s.schema}.${s.name}`)) add(s.schema!, s.name!, s.rel);
  return { keys, byName };
}

/** See catalogRelations: `byName` lists indexes and owned sequences by name, with their table's key. */
export interface CatalogRelations {
  keys: Set<string>;
  byName: Map<string, { key: string; table: string }[]>;
}

interface KeptLike {
  index: number;
  kind: string;
  text: string;
  c: { target?: { what: string; path: string[] } };
  schema: string;
  subjects?: Subject[];
  /** The relation (`rel:` key) a replayed rename gives its final name to: what uses it comes after. */
  nodeKey?: string;
}

/**
 * Brings kept statements in line with relations the script renames:
 * - a relation (or schema) the export creates from the catalog has its final name from the start, so
 *   statements written before its rename name it by that name, and its own RENAME / SET SCHEMA is not
 *   replayed;
 * - a relation the export creates by replaying the script's statements (its own sequences, materialized
 *   views) is renamed by replaying the rename too, also one made with ALTER TABLE (`renames`), in
 *   script order among the statements written in it; statements written after every table (late
 *   kinds: comments, OWNED BY, ...) name it by its final name.
 * `finalKey` gives a statement's own relation after it ran (see postgres.ts).
 */
export function followRenames<K extends KeptLike>(
  kept: K[],
  renames: (Rename & Omit<K, 'kind' | 'index'>)[],
  renameIndexes: ReadonlySet<number>,
  explicitSequences: ReadonlySet<string>,
  finalKey: (k: K, target: { path: string[]; schema: string }) => string,
  catalog: CatalogRelations,
  fates: RelationFates,
): K[] {
  const fromCatalog = catalog.keys;
  const replayed = new Set(explicitSequences);
  // The relations made by replaying (their statement and name then): whether a rename is of one of them.
  const made: { index: number; key: string }[] = [];
  for (const k of kept) {
    if ((k.kind !== 'materialized-view' && k.kind !== 'sequence') || !k.c.target) continue;
    made.push({ index: k.index, key: keyOf({ path: k.c.target.path, schema: k.schema }) });
    if (k.kind === 'materialized-view') replayed.add(finalKey(k, { path: k.c.target.path, schema: k.schema }));
  }
  const replayedWhen = (key: string, index: number) => made.some((m) => m.index < index && fates.keyWhen(m.key, m.index, index) === key);
  const out: K[] = [];
  for (const k of kept) {
    // Schemas are all created from the catalog, by their final names.
    if (SCHEMA_RENAME.test(k.text)) continue;
    if (renameIndexes.has(k.index)) {
      const own = relationSpan(k.text);
      const final = own && fates.follow(keyOf({ path: own.path, schema: k.schema }), k.index - 0.5);
      if (final && fromCatalog.has(final)) continue;
      const then = own && keyOf({ path: own.path, schema: k.schema });
      if (then && replayedWhen(then, k.index)) {
        if (LATE_RAW_KINDS.has(k.kind)) k.kind = 'rename';
        if (final) k.nodeKey = `rel:${final}`;
      }
    }
    // An index or owned sequence moves with its table (ALTER TABLE ... SET SCHEMA): found by its name
    // and the schema its table was in when the statement ran.
    for (const s of k.subjects ?? []) {
      if (fromCatalog.has(s.final) || replayed.has(s.final)) continue;
      const schema = s.key.slice(0, s.key.length - s.path.at(-1)!.length - 1);
      const moved = (catalog.byName.get(s.final.slice(s.final.indexOf('.') + 1)) ?? []).filter((x) => fates.keyAt(x.table, k.index).startsWith(`${schema}.`));
      if (moved.length === 1) s.final = moved[0].key;
    }
    const renamed = k.subjects?.filter((s) => s.final !== s.key && (fromCatalog.has(s.final) || LATE_RAW_KINDS.has(k.kind)));
    if (renamed?.length) {
      k.text = withFinalNames(k.text, renamed);
      const t = k.c.target;
      const s = t && renamed.find((x) => x.path.length <= t.path.length && x.path.every((p, i) => p === t.path[i]));
      if (t && s) {
        const dot = s.final.indexOf('.');
        k.c = { ...k.c, target: { ...t, path: [s.final.slice(0, dot), s.final.slice(dot + 1), ...t.path.slice(s.path.length)] } };
      }
    }
    out.push(k);
  }
  for (const r of renames) {
    if (!replayedWhen(r.key, r.index)) continue;
    const final = fates.follow(r.key, r.index - 0.5);
    const sequence = !!final && explicitSequences.has(final);
    const { key: _key, path, ...rest } = r;
    out.push({ ...rest, kind: sequence ? 'sequence-alter' : 'rename', c: sequence ? { ...r.c, target: { what: 'sequence', path } } : r.c, ...(final ? { nodeKey: `rel:${final}` } : {}) } as unknown as K);
  }
  return out.sort((a, b) => a.index - b.index);
}
