/**
 * Column references in the SQL expressions a table keeps (checks, partial-index predicates, index
 * expressions), as PostgreSQL writes them back (`length((title)::text) > 0`): identifiers that are not
 * inside a string, not a type after `::`, not a function name, and not part of a qualified name.
 * A tokenizer, no parser: enough to tell whether an expression names a column, and to rename it.
 */
import type { Column, IndexColumn, Table } from './types';

/** One token: its text, and whether it is an identifier (`quoted` when written in double quotes). */
interface Token {
  text: string;
  ident?: { name: string; quoted: boolean };
}

const TOKEN = /[Ee]'(?:[^'\\]|\\[\s\S]|'')*'|'(?:[^']|'')*'|"(?:[^"]|"")*"|\$(\w*)\$[\s\S]*?\$\1\$|--[^\n]*|\/\*[\s\S]*?\*\/|[A-Za-z_\u0080-\uffff][\w$\u0080-\uffff]*|::|\s+|[\s\S]/g;

function tokens(expr: string): Token[] {
  return [...expr.matchAll(TOKEN)].map(([text]) => {
    if (text.startsWith('"')) return { text, ident: { name: text.slice(1, -1).replace(/""/g, '"'), quoted: true } };
    if (/^[A-Za-z_\u0080-\uffff]/.test(text) && !/^[Ee]'/.test(text)) return { text, ident: { name: text, quoted: false } };
    return { text };
  });
}

/** Words of expressions that are never an unquoted column name (PostgreSQL quotes a column so named). */
const KEYWORDS = new Set(['and', 'or', 'not', 'is', 'null', 'true', 'false', 'in', 'like', 'ilike', 'similar', 'between', 'case', 'when', 'then', 'else', 'end', 'as', 'any', 'all', 'some', 'array', 'collate', 'distinct', 'from', 'to', 'escape', 'isnull', 'notnull']);
/** Words that go on a type name (`double precision`, `timestamp without time zone`, `character varying`). */
const TYPE_WORDS = new Set(['precision', 'varying', 'without', 'with', 'time', 'zone', 'local']);

/**
 * The indexes of the tokens that reference columns. A word right after a column or a closing
 * parenthesis is an option of it (an index's `DESC`, `NULLS LAST`, an operator class, a constraint's
 * `DEFERRABLE`), not a column; so is a collation after COLLATE.
 */
function refs(list: Token[]): number[] {
  // Significant tokens (not whitespace or comments), as indexes into `list`.
  const sig = list.flatMap((t, i) => (/^(\s+|--[\s\S]*|\/\*[\s\S]*)$/.test(t.text) ? [] : [i]));
  const word = (k: number) => {
    const t = list[sig[k]];
    return t?.ident && !t.ident.quoted ? t.ident.name.toLowerCase() : undefined;
  };
  const text = (k: number) => list[sig[k]]?.text;
  const out: number[] = [];
  /** What each significant identifier was taken for. */
  const role: ('ref' | 'option' | 'word')[] = [];
  let inType = false;
  for (let k = 0; k < sig.length; k++) {
    const t = list[sig[k]];
    if (!t.ident) {
      inType = false;
      continue;
    }
    role[k] = 'word';
    const w = word(k);
    // A type: after `::` or CAST's AS, with the words that go on it.
    if (text(k - 1) === '::' || word(k - 1) === 'as' || (inType && w && TYPE_WORDS.has(w))) {
      inType = true;
      continue;
    }
    inType = false;
    if (w && KEYWORDS.has(w)) continue;
    // AT TIME ZONE; a typed literal (`date '2024-01-01'`); EXTRACT's field (`extract(year from x)`); a collation.
    if ((w === 'at' && word(k + 1) === 'time') || (w === 'time' && word(k - 1) === 'at') || (w === 'zone' && word(k - 1) === 'time' && word(k - 2) === 'at')) continue;
    if (w && /^[Ee]?'/.test(text(k + 1) ?? '')) continue;
    if ((text(k - 1) === '(' && word(k - 2) === 'extract') || word(k - 1) === 'collate') continue;
    if (text(k - 1) === '.' || text(k + 1) === '(' || text(k + 1) === '.') continue;
    if (text(k - 1) === ')' || role[k - 1] === 'ref' || role[k - 1] === 'option') {
      role[k] = 'option';
      continue;
    }
    role[k] = 'ref';
    out.push(sig[k]);
  }
  return out;
}

/** Whether a token names the column: unquoted names fold to lower case, as PostgreSQL folds them. */
const isColumn = (t: Token, name: string) => (t.ident!.quoted ? t.ident!.name === name : t.ident!.name.toLowerCase() === name);

/** Whether the expression references the column of this (database) name. */
export function namesColumn(expr: string, name: string): boolean {
  const list = tokens(expr);
  return refs(list).some((i) => isColumn(list[i], name));
}

/**
 * The expression with its references to columns renamed (old name → new name; the new names always
 * quoted), all at once: swapped or chained renames (a → b, b → c) each rename only the original name.
 */
export function renameColumnRefs(expr: string, renames: ReadonlyMap<string, string> | [string, string][]): string {
  const map = renames instanceof Map ? renames : new Map(renames);
  if (!map.size) return expr;
  const list = tokens(expr);
  for (const i of refs(list)) {
    for (const [from, to] of map) {
      if (!isColumn(list[i], from)) continue;
      list[i] = { text: `"${to.replace(/"/g, '""')}"` };
      break;
    }
  }
  return list.map((t) => t.text).join('');
}

/** A table's columns renamed in the database since `was` (old name → new), and the names of the ones dropped. */
export function columnEdits(now: Table, was: Table): { renamed: [string, string][]; dropped: string[] } {
  const dbName = (c: Column) => c.dbName ?? c.name;
  const byId = new Map(now.columns.map((c) => [c.id, c]));
  return {
    renamed: was.columns.flatMap((c): [string, string][] => (byId.has(c.id) && dbName(byId.get(c.id)!) !== dbName(c) ? [[dbName(c), dbName(byId.get(c.id)!)]] : [])),
    dropped: was.columns.filter((c) => !byId.has(c.id)).map(dbName),
  };
}

/**
 * A table whose columns changed from `was`'s: a column renamed in the database (`@map`) is renamed in
 * the expressions of its checks, indexes and generated columns, and one removed takes with it the
 * keys, indexes, checks and generated columns that name it, as PostgreSQL's RENAME COLUMN and
 * DROP COLUMN ... CASCADE do.
 */
export function followColumnChanges(table: Table, was: Table): Table {
  const now = new Set(table.columns.map((c) => c.id));
  const { renamed, dropped } = columnEdits(table, was);
  if (!dropped.length && !renamed.length) return table;
  const rename = (sql: string) => renameColumnRefs(sql, renamed);
  const named = (sql: string | undefined) => !!sql && dropped.some((n) => namesColumn(sql, n));
  const out = { ...table };
  // A generated column reads its table's columns: renamed with them, dropped with them (DROP COLUMN ...
  // CASCADE), and then dropped like them from the keys, indexes and checks below.
  if (table.columns.some((c) => c.generated)) {
    const gone = table.columns.filter((c) => named(c.generated?.expression));
    for (const c of gone) {
      now.delete(c.id);
      dropped.push(c.dbName ?? c.name);
    }
    out.columns = table.columns
      .filter((c) => !gone.includes(c))
      .map((c) => (c.generated && renamed.length ? { ...c, generated: { ...c.generated, expression: rename(c.generated.expression) } } : c));
  }
  const stands = (cols: IndexColumn[]) => cols.every((c) => (c.column ? now.has(c.column) : !named(c.expression)));
  const columnsOf = (cols: IndexColumn[]) => cols.map((c) => (c.expression ? { ...c, expression: rename(c.expression) } : c));
  out.indexes = table.indexes.filter((ix) => stands(ix.columns) && !named(ix.where)).map((ix) => ({ ...ix, columns: columnsOf(ix.columns), ...(ix.where ? { where: rename(ix.where) } : {}) }));
  out.checks = table.checks.filter((ck) => !named(ck.expression)).map((ck) => ({ ...ck, expression: rename(ck.expression) }));
  if (out.primaryKey) {
    if (stands(out.primaryKey.columns)) out.primaryKey = { ...out.primaryKey, columns: columnsOf(out.primaryKey.columns) };
    else delete out.primaryKey;
  }
  return out;
}
