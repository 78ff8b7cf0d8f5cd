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

/** The indexes of the tokens that reference columns. */
function refs(list: Token[]): number[] {
  const out: number[] = [];
  const near = (i: number, step: number) => {
    for (let j = i + step; j >= 0 && j < list.length; j += step) if (!/^\s+$/.test(list[j].text)) return list[j].text;
    return undefined;
  };
  list.forEach((t, i) => {
    if (!t.ident || (!t.ident.quoted && KEYWORDS.has(t.ident.name.toLowerCase()))) return;
    const before = near(i, -1);
    const after = near(i, 1);
    if (before === '::' || before === '.' || after === '(' || after === '.') return;
    out.push(i);
  });
  return out;
}

/** Whether a token names the column: unquoted names fold to lower case, as PostgreSQL folds them. */
const isColumn = (t: Token, name: string) => (t.ident!.quoted ? t.ident!.name === name : t.ident!.name.toLowerCase() === name);

/** Whether the expression references the column of this (database) name. */
export function namesColumn(expr: string, name: string): boolean {
  const list = tokens(expr);
  return refs(list).some((i) => isColumn(list[i], name));
}

/** The expression with its references to column `from` made references to `to` (always quoted). */
export function renameColumnRefs(expr: string, from: string, to: string): string {
  const list = tokens(expr);
  for (const i of refs(list)) if (isColumn(list[i], from)) list[i] = { text: `"${to.replace(/"/g, '""')}"` };
  return list.map((t) => t.text).join('');
}

/**
 * A table whose columns changed from `was`'s: a column renamed in the database (`@map`) is renamed in
 * the expressions of its checks and indexes, and one removed takes with it the keys, indexes and
 * checks that name it, as PostgreSQL's RENAME COLUMN and DROP COLUMN do.
 */
export function followColumnChanges(table: Table, was: Table): Table {
  const dbName = (c: Column) => c.dbName ?? c.name;
  const now = new Map(table.columns.map((c) => [c.id, c]));
  const dropped = was.columns.filter((c) => !now.has(c.id)).map(dbName);
  const renamed = was.columns.flatMap((c) => (now.has(c.id) && dbName(now.get(c.id)!) !== dbName(c) ? [[dbName(c), dbName(now.get(c.id)!)] as const] : []));
  if (!dropped.length && !renamed.length) return table;
  const rename = (sql: string) => renamed.reduce((x, [from, to]) => renameColumnRefs(x, from, to), sql);
  const named = (sql: string | undefined) => !!sql && dropped.some((n) => namesColumn(sql, n));
  const stands = (cols: IndexColumn[]) => cols.every((c) => (c.column ? now.has(c.column) : !named(c.expression)));
  const columnsOf = (cols: IndexColumn[]) => cols.map((c) => (c.expression ? { ...c, expression: rename(c.expression) } : c));
  const out = { ...table };
  out.indexes = table.indexes.filter((ix) => stands(ix.columns) && !named(ix.where)).map((ix) => ({ ...ix, columns: columnsOf(ix.columns), ...(ix.where ? { where: rename(ix.where) } : {}) }));
  out.checks = table.checks.filter((ck) => !named(ck.expression)).map((ck) => ({ ...ck, expression: rename(ck.expression) }));
  if (out.primaryKey) {
    if (stands(out.primaryKey.columns)) out.primaryKey = { ...out.primaryKey, columns: columnsOf(out.primaryKey.columns) };
    else delete out.primaryKey;
  }
  return out;
}
