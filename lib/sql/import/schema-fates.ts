/**
 * Kept statements about functions, types and domains, and the search_path they ran under, when the
 * script renames or drops a schema later. Schemas are made from the catalog by their final names, so
 * such a statement names the schema as it is at the end of the script, or is not kept when the
 * schema (and so its object) is gone.
 */
import { identPath, listItems, parenthesized } from './classify';
import { IDENT, NAME } from './enum-statements';
import { escapeQuoted } from '../ddl/dialect';

/** ALTER TYPE / DOMAIN / FUNCTION ... RENAME TO / SET SCHEMA: the kind of object, its name, the new name or schema. */
export const OBJECT_RENAME = new RegExp(String.raw`^alter\s+(type|domain|function|procedure|aggregate|routine)\s+(${NAME})(?:\s*\([^)]*\))?\s+(?:rename\s+to\s+(${IDENT})|set\s+schema\s+(${IDENT}))`, 'i');
/** A CREATE or ALTER of a function, procedure or aggregate up to the `(` of its arguments (`[1]`: its name). */
const ROUTINE_ARGUMENTS = new RegExp(String.raw`^(?:create\s+(?:or\s+replace\s+)?|alter\s+)(?:function|procedure|aggregate|routine)\s+(?:if\s+exists\s+)?(${NAME})\s*\(`, 'i');
/** An ALTER or COMMENT ON of a function, type or domain up to its name (`[1]`: all of it, `[3]`: the kind, `[4]`: the name). */
const OBJECT_STATEMENT = new RegExp(String.raw`^((alter|comment\s+on)\s+(function|procedure|aggregate|routine|domain|type)\s+(?:if\s+exists\s+)?)(${NAME})`, 'i');

/** A CREATE, ALTER or COMMENT ON of a function, type or domain up to its name's schema (`[2]`, when qualified) and the dot after it. */
const OBJECT_IN_SCHEMA = new RegExp(
  String.raw`^((?:create\s+(?:or\s+replace\s+)?(?:function|procedure|aggregate|domain|type)|alter\s+(?:function|procedure|aggregate|routine|domain|type)(?:\s+if\s+exists)?|comment\s+on\s+(?:function|procedure|aggregate|routine|domain|type))\s+)(?:(${IDENT})\s*\.\s*)?(?=${IDENT})`,
  'i',
);
/** A DROP of functions, types or domains up to the list of them (`[1]`: the kind). */
const DROP_OBJECTS = /^drop\s+(function|procedure|aggregate|routine|domain|type)\s+(if\s+exists\s+)?/i;
/** One object of a DROP's list: its name (`[1]`), and the `(` of its arguments (`[2]`) when it lists them. */
const DROP_ITEM = new RegExp(String.raw`^\s*(${NAME})\s*(\()?`);

/** Words a type's name can start with that are followed by more of it (`double precision`, `character varying`). */
const TYPE_HEADS = new Set(['double', 'character', 'char', 'bit', 'timestamp', 'time', 'interval', 'national', 'varchar']);
const TYPE_ALIASES: Record<string, string> = {
  int: 'int4', integer: 'int4', bigint: 'int8', smallint: 'int2', bool: 'boolean', varchar: 'character varying', char: 'character', bpchar: 'character',
  float8: 'double precision', float4: 'real', float: 'double precision', decimal: 'numeric', timestamptz: 'timestamp with time zone', timetz: 'time with time zone',
  timestamp: 'timestamp without time zone', time: 'time without time zone',
};

/**
 * The input argument types of a routine's argument list, names, modes, defaults and type modifiers
 * left out and common aliases made one (`x integer` and `int4`): `f(x integer)` and `DROP FUNCTION
 * f(int)` name the same signature.
 */
export function argumentTypes(list: string): string {
  const types: string[] = [];
  for (const a of inputArguments(list)) {
    let t = a.replace(/\s+/g, ' ').trim().toLowerCase();
    t = t.replace(/^(in|inout|variadic)\s+/, '').replace(/\s+(default\b|=).*$/, '').replace(/\([^)]*\)/g, '').replace(/\bpg_catalog\./g, '').trim();
    const words = t.split(' ');
    if (words.length > 1 && !TYPE_HEADS.has(words[0])) words.shift();
    t = words.join(' ');
    types.push(TYPE_ALIASES[t] ?? t);
  }
  return types.join(',');
}

/** The arguments of an argument list that count in a routine's identity (not OUT ones), as written. */
function inputArguments(list: string): string[] {
  return listItems(list).flatMap((a) => (a.text.trim() && !/^\s*out\s/i.test(a.text) ? [a.text] : []));
}

/** The argument list of a CREATE or ALTER of a function or procedure, inside its parentheses; undefined when it lists none. */
function argumentList(text: string): string | undefined {
  const m = ROUTINE_ARGUMENTS.exec(text);
  return m ? parenthesized(text, m[0].length) : undefined;
}

/** An ALTER of a function, type or domain moving it: the schema it goes to (`[1]`). */
const SET_SCHEMA = new RegExp(String.raw`^alter\s+(?:function|procedure|aggregate|routine|domain|type)\b[\s\S]*\sset\s+schema\s+(${IDENT})\s*$`, 'i');

const quoted = (name: string) => escapeQuoted(name, '"');
const isRoutine = (kind: string) => !/^(type|domain)$/i.test(kind);

/** The number of arguments a CREATE or ALTER of a function or procedure lists that count in its identity (not OUT ones); undefined when it lists none. */
export function argumentCount(text: string): number | undefined {
  const list = argumentList(text);
  return list === undefined ? undefined : inputArguments(list).length;
}

interface KeptStatement {
  index: number;
  kind: string;
  text: string;
  /** Where unqualified names resolved. */
  schema: string;
}

/**
 * Where functions, types and domains end up: the script's kept renames and moves of them (ALTER
 * ... RENAME TO / SET SCHEMA) followed from a statement on, with renames of their schemas.
 * `inFinal(schema, index)`: a schema's final name, as named by statement `index`.
 */
export class ObjectFates {
  /** Renames and moves (`to`), and drops (no `to`), in script order. */
  private moves: { index: number; routine: boolean; schema: string; name: string; arity?: number; to?: { name?: string; schema?: string }; types?: string }[] = [];
  /** The argument lists (as written, spaces folded) the script's functions are made with, by `schema.name/arity`. */
  private overloads = new Map<string, Set<string>>();
  /** The statements' texts as the script wrote them (before names in them were rewritten), by index. */
  private written = new Map<number, string>();

  constructor(
    kept: KeptStatement[],
    private inFinal: (schema: string, index: number) => string,
  ) {
    for (const k of kept) {
      this.written.set(k.index, k.text);
      const made = /^(function|procedure|aggregate)$/.test(k.kind) ? ROUTINE_ARGUMENTS.exec(k.text) : null;
      if (made) {
        const path = identPath(made[1]);
        const list = parenthesized(k.text, made[0].length);
        const key = `${inFinal(path.length > 1 ? path[0] : k.schema, k.index)}.${path.at(-1)}/${list === undefined ? undefined : inputArguments(list).length}`;
        (this.overloads.get(key) ?? this.overloads.set(key, new Set()).get(key)!).add((list ?? '').replace(/\s+/g, ' ').trim().toLowerCase());
      }
      if (k.kind === 'drop') this.noteDrop(k);
      const m = k.kind === 'alter' ? OBJECT_RENAME.exec(k.text) : null;
      if (!m) continue;
      const path = identPath(m[2]);
      const routine = isRoutine(m[1]);
      this.moves.push({
        index: k.index,
        routine,
        schema: inFinal(path.length > 1 ? path[0] : k.schema, k.index),
        name: path.at(-1)!,
        arity: routine ? argumentCount(k.text) : undefined,
        to: m[3] ? { name: identPath(m[3])[0] } : { schema: inFinal(identPath(m[4])[0], k.index) },
      });
    }
    this.moves.sort((a, b) => a.index - b.index);
  }

  /** The functions, types and domains a DROP names (`DROP FUNCTION f(int), s.g CASCADE`). */
  private noteDrop(k: KeptStatement): void {
    const head = DROP_OBJECTS.exec(k.text);
    if (!head) return;
    const routine = isRoutine(head[1]);
    const list = k.text.slice(head[0].length).replace(/\s+(?:cascade|restrict)\s*$/i, '');
    for (const item of listItems(list)) {
      const m = DROP_ITEM.exec(item.text);
      if (!m) continue;
      const path = identPath(m[1]);
      const args = m[2] ? parenthesized(item.text, m[0].length) : undefined;
      const schema = this.inFinal(path.length > 1 ? path[0] : k.schema, k.index);
      const arity = routine && args !== undefined ? inputArguments(args).length : undefined;
      // DROP ... IF EXISTS may have dropped nothing: it takes only the signature it names.
      this.moves.push({ index: k.index, routine, schema, name: path.at(-1)!, arity, ...(head[2] && routine && args !== undefined ? { types: argumentTypes(args) } : {}) });
    }
  }

  /**
   * Where the function (`routine`) or type named `schema.name` by statement `index` is at the end of
   * the script, and whether a later DROP takes it; `arity` tells overloads apart.
   */
  private follow(routine: boolean, schema: string, name: string, index: number, arity?: number, types?: string): { now: { schema: string; name: string }; dropped: boolean } {
    let now = { schema: this.inFinal(schema, index), name };
    for (const m of this.moves) {
      if (m.index <= index || m.routine !== routine || m.schema !== now.schema || m.name !== now.name) continue;
      if (arity !== undefined && m.arity !== undefined && arity !== m.arity) continue;
      // A DROP ... IF EXISTS of another signature (or, not knowing this one's, of any): not this object.
      if (m.types !== undefined && m.types !== types) continue;
      // Overloads with as many arguments (made with different lists) cannot be told apart here: not followed.
      if (routine && (this.overloads.get(`${now.schema}.${now.name}/${m.arity ?? arity}`)?.size ?? 0) > 1) break;
      if (!m.to) return { now, dropped: true };
      now = { schema: m.to.schema ?? now.schema, name: m.to.name ?? now.name };
    }
    return { now, dropped: false };
  }

  /** Where the function (`routine`) or type named `schema.name` by statement `index` is at the end of the script; `arity` tells overloads apart. */
  now(routine: boolean, schema: string, name: string, index: number, arity?: number): { schema: string; name: string } {
    return this.follow(routine, schema, name, index, arity).now;
  }

  /**
   * An ALTER or COMMENT ON of a function, type or domain (not a rename or move), written after every
   * object is made (a late statement), with the object's final name; the text itself when it has it;
   * `null` when the script drops the object later (the statement would then find nothing).
   */
  finalName(k: KeptStatement): string | null {
    const written = this.written.get(k.index) ?? k.text;
    if (!this.moves.length || OBJECT_RENAME.test(written)) return k.text;
    const m = OBJECT_STATEMENT.exec(written);
    const current = OBJECT_STATEMENT.exec(k.text);
    if (!m || !current) return k.text;
    // Names as the script wrote them (an unqualified one: in the first schema of the search_path, where
    // the script's own functions usually are), followed once to where they are at the end.
    const path = identPath(m[4]);
    const schema = path.length > 1 ? path[0] : k.schema;
    const routine = isRoutine(m[3]);
    const args = routine ? argumentList(written) : undefined;
    const { now, dropped } = this.follow(routine, schema, path.at(-1)!, k.index, args === undefined ? undefined : inputArguments(args).length, args === undefined ? undefined : argumentTypes(args));
    if (dropped) return null;
    if (now.name === path.at(-1) && now.schema === this.inFinal(schema, k.index)) return k.text;
    return `${current[1]}${quoted(now.schema)}.${quoted(now.name)}${k.text.slice(current[0].length)}`;
  }
}

/**
 * A statement on a function, type or domain (made, altered or commented on) in the schema it names
 * at the end of the script: its text with the schema's final name, `null` when the schema is
 * dropped later, the text itself when neither. `schema`: where an unqualified name resolved;
 * `follow`: a schema's final name (undefined: dropped).
 */
export function inFinalSchema(text: string, schema: string, follow: (schema: string) => string | undefined): string | null {
  const m = OBJECT_IN_SCHEMA.exec(text);
  // An unqualified ALTER or COMMENT finds its object anywhere on the search_path: its schema is not known here.
  if (!m || (!m[2] && !/^create\b/i.test(text))) return text;
  const then = m[2] ? identPath(m[2])[0] : schema;
  const final = follow(then);
  if (final === undefined) return null;
  let out = final !== then && m[2] ? `${m[1]}${quoted(final)}.${text.slice(m[0].length)}` : text;
  // Moved to a schema renamed later: to it by its final name (one dropped later takes the object with it, as the catalog says).
  const to = SET_SCHEMA.exec(out);
  const target = to && identPath(to[1])[0];
  const movedTo = target ? follow(target) : undefined;
  if (to && movedTo && movedTo !== target) out = `${out.slice(0, out.length - to[0].length + to[0].lastIndexOf(to[1]))}${quoted(movedTo)}`;
  return out;
}

const SEARCH_PATH_VALUE = /search_path'\s*,\s*'((?:[^']|'')*)'|search_path\s*(?:=|\bto\b)\s*([\s\S]*)$/id;

const LOCAL_SET = /^(\s*set\s+)local\s+/i;
const LOCAL_SET_CONFIG = /set_config\s*\(\s*'search_path'\s*,\s*'(?:[^']|'')*'\s*,\s*(true|'(?:t|true|on|y|yes|1)')\s*\)/id;

/**
 * A statement that sets the search_path for its transaction only (`SET LOCAL`, `set_config` with
 * is_local), written to set it for the session: the import runs it so (statements run in batches
 * that are not the script's transactions, and ends the setting where the script's transaction
 * ends), and a kept statement is exported with it (between its own SET and RESET, each statement
 * in a transaction of its own). Undefined for any other statement.
 */
export function sessionSearchPath(text: string): string | undefined {
  if (LOCAL_SET.test(text)) return text.replace(LOCAL_SET, '$1');
  const m = LOCAL_SET_CONFIG.exec(text);
  if (!m) return undefined;
  const [start, end] = m.indices![1];
  return `${text.slice(0, start)}false${text.slice(end)}`;
}

/** A search_path value's items as written: commas inside quotes do not split it. */
function valueItems(value: string): string[] {
  return (value.match(/(?:"(?:[^"]|"")*"|'(?:[^']|'')*'|[^,"'])+/g) ?? []).map((p) => p.trim()).filter(Boolean);
}

/** An item of a search_path value as a schema name (unquoted, folded; `$user` as `$user`). */
function itemSchema(item: string): string {
  const p = item.replace(/^'(.*)'$/, (_, x: string) => x.replace(/''/g, "'"));
  if (p === '"$user"' || p === '$user') return '$user';
  return p.startsWith('"') ? p.slice(1, -1).replace(/""/g, '"') : p.toLowerCase();
}

/**
 * The schemas a `SET search_path` / `set_config('search_path', ...)` value lists, as written
 * (unquoted, folded; `$user` as `$user`): `[]` for RESET or DEFAULT, undefined when it sets none.
 */
export function searchPathItems(text: string): string[] | undefined {
  if (/^\s*reset\s+(search_path|all)\b/i.test(text)) return [];
  const m = SEARCH_PATH_VALUE.exec(text);
  if (!m) return undefined;
  if (/^\s*reset\b/i.test(text) || /^\s*default\s*$/i.test(m[2] ?? '')) return [];
  return valueItems(m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]).map(itemSchema);
}

/** First schema of a `SET search_path` / `set_config('search_path', ...)` value (`public` if none). */
export function searchPathSchema(text: string, current: string): string {
  const items = searchPathItems(text);
  if (!items) return current;
  if (!items.length) return 'public';
  return items.find((s) => s !== '$user') ?? current;
}

/**
 * The statement setting a search_path, with the schemas it lists that are renamed later by their
 * final names (the rest of it as written: SET LOCAL, set_config's is_local); the text itself when
 * none is. A schema dropped later stays as written (PostgreSQL allows a search_path naming a
 * schema that is not there).
 */
export function searchPathFollowing(text: string, follow: (schema: string) => string | undefined): string {
  const items = searchPathItems(text);
  const m = SEARCH_PATH_VALUE.exec(text);
  if (!items?.length || !m) return text;
  const final = items.map((s) => (s === '$user' ? s : (follow(s) ?? s)));
  if (final.every((s, i) => s === items[i])) return text;
  const value = final.map((s) => (s === '$user' ? '"$user"' : quoted(s))).join(', ');
  const group = m[1] !== undefined ? 1 : 2;
  const [start, end] = m.indices![group];
  return `${text.slice(0, start)}${group === 1 ? value.replace(/'/g, "''") : value}${text.slice(end)}`;
}
