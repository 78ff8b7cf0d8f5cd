/**
 * Enum edits follow into the SQL a document keeps, as PostgreSQL's ALTER TYPE follows into what it
 * stores parsed. PostgreSQL binds a default, a check, an index predicate, a view or a policy to the
 * type's oid and its values' oids, so after `ALTER TYPE ... RENAME TO` / `SET SCHEMA` / `RENAME VALUE`
 * they read the new names. A document keeps those as SQL text, so the text is rewritten here the same
 * way on PostgreSQL's own parse tree (libpg_query): the type where it is named (`::mood`, a function's
 * parameter, a domain's base) and its values where they are constants of it (`'sad'::mood`,
 * `'{sad}'::mood[]`, and, in SQL as typed, `m = 'sad'` or `m IN ('sad')` with `m` a column of it).
 * Function bodies given as strings stay as written, as PostgreSQL keeps them. A deleted enum's columns
 * become text (deleteEnum), and so does every reference to its type. Without the parser loaded, the
 * SQL is left as it is; defaults by value name (`@default(sad)`) follow anyway.
 */
import type { Column, DefaultValue, Enum, Id, SchemaDocument, Table } from '../schema/types';
import type { PostgresSqlSources } from './ddl/builder';
import { nameParts, quoteIdent } from './follow-query';
import { charIndexer, parsePg, pgQueryLoaded } from './preview/pg-query';
import { searchPathFor, tableKey, tableKeys } from './raw-subjects';

type N = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** What an edit did to an enum, by id. */
export interface EnumChange {
  /** Its schema and database name after, when renamed or moved. */
  to?: { schema: string; name: string };
  /** Database labels renamed: old → new. */
  labels: Map<string, string>;
  /** Value names renamed (what defaults name them by): old → new. */
  names: Map<string, string>;
  /** Deleted: its columns are text now. */
  gone?: boolean;
}

const dbName = (x: { name: string; dbName?: string }) => x.dbName ?? x.name;

/** Every enum's key (schema and database name), by id. */
export function enumKeys(doc: SchemaDocument): Map<Id, string> {
  const fallback = doc.settings.defaultNamespace ?? 'public';
  return new Map(Object.values(doc.enums).map((e) => [e.id, tableKey((e.namespace ? doc.namespaces[e.namespace]?.name : undefined) ?? fallback, dbName(e))]));
}

/** Every enum's change from `before` to `doc`. */
export function enumChanges(doc: SchemaDocument, before: SchemaDocument): Map<Id, EnumChange> {
  const out = new Map<Id, EnumChange>();
  const was = enumKeys(before);
  const now = enumKeys(doc);
  for (const [id, key] of was) {
    const e = doc.enums[id];
    const b = before.enums[id];
    if (e === b) continue;
    if (!e) {
      out.set(id, { labels: new Map(), names: new Map(), gone: true });
      continue;
    }
    const after = new Map(e.values.map((v) => [v.id, v]));
    const labels = new Map<string, string>();
    const names = new Map<string, string>();
    for (const v of b.values) {
      const w = after.get(v.id);
      if (w && dbName(w) !== dbName(v)) labels.set(dbName(v), dbName(w));
      if (w && w.name !== v.name) names.set(v.name, w.name);
    }
    const to = now.get(id) !== key ? now.get(id)!.split('\u0000') : undefined;
    if (labels.size || names.size || to) out.set(id, { labels, names, ...(to ? { to: { schema: to[0], name: to[1] } } : {}) });
  }
  return out;
}

/** Where a text names an enum: its type, or constants of it (one value, or an array literal's). */
export type EnumRef =
  | { kind: 'type'; enumId: Id; start: number; end: number; qualified: boolean }
  | { kind: 'value'; enumId: Id; labels: string[]; start: number; end: number; array: boolean };

export interface ScanContext {
  /** Enums by key (schema and database name), as the texts name them. */
  enums: ReadonlyMap<string, Id>;
  /** Columns of an enum (or an array of it) by relation key: column database name → enum. */
  columns: ReadonlyMap<string, ReadonlyMap<string, EnumColumn>>;
  /** Schemas an unqualified name is looked up in, in order. */
  searchPath: readonly string[];
  /** The table an expression is on (a check, a default, an index): its columns are read unqualified. */
  own?: string;
  /** A partition bound's text: the enums of its parent's partition key, by position (undefined for another type). */
  bound?: readonly (Id | undefined)[];
}

/** A column of an enum type, or of an array of one. */
export interface EnumColumn {
  enumId: Id;
  array: boolean;
}

/** Expressions whose constant takes the type of the expression on the other side (BETWEEN's: both bounds). */
const COMPARISONS = new Set(['AEXPR_OP', 'AEXPR_IN', 'AEXPR_DISTINCT', 'AEXPR_NOT_DISTINCT', 'AEXPR_NULLIF', 'AEXPR_BETWEEN', 'AEXPR_NOT_BETWEEN', 'AEXPR_BETWEEN_SYM', 'AEXPR_NOT_BETWEEN_SYM']);
/** Operators that compare an enum (or an array of one) with a value of its type; `||` and others may take text. */
const COMPARING = new Set(['=', '<>', '!=', '<', '<=', '>', '>=', '@>', '<@', '&&']);
/** `m = ANY (...)`, `m <> ALL (...)`: the right side is an array of the column's type. */
const OVER_ARRAY = new Set(['AEXPR_OP_ANY', 'AEXPR_OP_ALL']);

const bareTypes = new Map<string, boolean>();
/** A type's name as PostgreSQL writes it: bare when it parses as that type (not `time`, not `position`), else quoted. */
function quoteTypeName(name: string): string {
  let ok = bareTypes.get(name);
  if (ok === undefined) {
    try {
      const cast = (parsePg(`SELECT 1::${name}`).stmts[0]?.stmt as N)?.SelectStmt?.targetList?.[0]?.ResTarget?.val?.TypeCast;
      const names = (cast?.typeName?.names ?? []) as N[];
      ok = quoteIdent(name) === name && names.length === 1 && names[0].String?.sval === name;
    } catch {
      ok = false;
    }
    bareTypes.set(name, ok);
  }
  return ok ? name : `"${name.replace(/"/g, '""')}"`;
}

/** The end of the string literal at `i` (`'...'`, `E'...'`), or -1. */
function literalEnd(text: string, i: number): number {
  let escapes = false;
  if (/[eE]/.test(text[i]) && text[i + 1] === "'") {
    escapes = true;
    i++;
  }
  if (text[i] !== "'") return -1;
  for (let j = i + 1; j < text.length; j++) {
    if (escapes && text[j] === '\\') j++;
    else if (text[j] === "'") {
      if (text[j + 1] === "'") j++;
      else return j + 1;
    }
  }
  return -1;
}

/** A one-dimensional array literal's elements (`{a,"b c"}`), or undefined for anything else (NULLs, nesting). */
function arrayElements(literal: string): string[] | undefined {
  const body = /^\s*\{([\s\S]*)\}\s*$/.exec(literal)?.[1];
  if (body === undefined) return undefined;
  if (!body.trim()) return [];
  const out: string[] = [];
  const item = /\s*(?:"((?:[^"\\]|\\.)*)"|([^,{}"\\]*?))\s*(,|$)/y;
  for (let pos = 0; pos < body.length || out.length === 0; ) {
    item.lastIndex = pos;
    const m = item.exec(body);
    if (!m) return undefined;
    if (m[1] === undefined && /^null$/i.test(m[2])) return undefined;
    out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]);
    pos = item.lastIndex;
    if (!m[3]) break;
  }
  return out;
}

const arrayElement = (s: string) => (/^[^\s,{}"\\]+$/.test(s) && !/^null$/i.test(s) ? s : `"${s.replace(/(["\\])/g, '\\$1')}"`);
const stringLiteral = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * Where `text` (one statement, or with `prefix` one expression: `SELECT ` for a check) names an enum
 * of `ctx`, as offsets into `text`. Text the parser refuses names none.
 */
export function scanEnumRefs(text: string, ctx: ScanContext, prefix = ''): EnumRef[] {
  const full = prefix + text;
  let tree: N;
  try {
    tree = parsePg(full).stmts[0]?.stmt as N;
  } catch {
    return [];
  }
  if (!tree) return [];
  const at = charIndexer(full);
  const shift = prefix.length;
  const refs: EnumRef[] = [];
  const keyOf = (schema: string | undefined, name: string, known: ReadonlyMap<string, unknown>) =>
    schema ? tableKey(schema, name) : (ctx.searchPath.map((s) => tableKey(s, name)).find((k) => known.has(k)) ?? tableKey(ctx.searchPath[0], name));

  // The relations the text reads, by the name it qualifies their columns with.
  const relations: { ref: string; key: string }[] = [];
  if (ctx.own) relations.push({ ref: ctx.own.slice(ctx.own.indexOf('\u0000') + 1), key: ctx.own });
  const gather = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(gather);
    if (!node || typeof node !== 'object') return;
    const n = node as N;
    if (typeof n.relname === 'string') relations.push({ ref: n.alias?.aliasname ?? n.relname, key: keyOf(n.schemaname, n.relname, ctx.columns) });
    for (const v of Object.values(n)) if (v && typeof v === 'object') gather(v);
  };
  gather(tree);
  const trigger = tree.CreateTrigStmt?.relation as N | undefined;
  if (trigger) for (const ref of ['old', 'new']) relations.push({ ref, key: keyOf(trigger.schemaname, trigger.relname, ctx.columns) });

  const typeOf = (t: N | undefined): Id | undefined => {
    const names = ((t?.names ?? []) as N[]).map((s) => s.String?.sval as string);
    if (!names.length || names.length > 3 || names[0] === 'pg_catalog') return undefined;
    return ctx.enums.get(keyOf(names.length > 1 ? names.at(-2) : undefined, names.at(-1)!, ctx.enums));
  };
  // A domain's checks read VALUE, of the domain's base type.
  const domain = tree.CreateDomainStmt ? typeOf(tree.CreateDomainStmt.typeName) : undefined;
  const columnOf = (c: N | undefined): EnumColumn | undefined => {
    const names = ((c?.ColumnRef?.fields ?? []) as N[]).map((f) => f.String?.sval as string | undefined);
    const col = names.at(-1);
    if (!col || names.length > 3) return undefined;
    if (domain && names.length === 1 && col === 'value') return { enumId: domain, array: false };
    const hits = relations.filter((r) => (names.length === 1 || r.ref === names.at(-2)) && ctx.columns.get(r.key)?.has(col));
    const found = new Map(hits.map((r) => ctx.columns.get(r.key)!.get(col)!).map((x) => [`${x.enumId}${x.array ? '[]' : ''}`, x]));
    // Unqualified and in several relations, PostgreSQL refuses it unless it is the same one (a trigger's).
    return found.size === 1 ? [...found.values()][0] : undefined;
  };
  /** The enum an expression is of: a column of one, a cast to one, coalesce / greatest / least / nullif of one. */
  const enumOf = (e: N | undefined): EnumColumn | undefined => {
    if (e?.ColumnRef) return columnOf(e);
    if (e?.TypeCast) {
      const id = typeOf(e.TypeCast.typeName);
      return id ? { enumId: id, array: !!e.TypeCast.typeName.arrayBounds } : undefined;
    }
    if (e?.CoalesceExpr || e?.MinMaxExpr) return ((e.CoalesceExpr ?? e.MinMaxExpr).args as N[] | undefined)?.map(enumOf).find(Boolean);
    if (e?.A_Expr?.kind === 'AEXPR_NULLIF') return enumOf(e.A_Expr.lexpr);
    return undefined;
  };
  /** Constants among `exprs` when one of them is of an enum: they are of its type (coalesce, CASE m WHEN, ...). */
  const alongside = (exprs: (N | undefined)[]) => {
    const of = exprs.map(enumOf).find(Boolean);
    if (of) for (const e of exprs) constant(e, of.enumId, of.array);
  };
  const constant = (n: N | undefined, enumId: Id, array: boolean) => {
    const s = n?.A_Const?.sval?.sval;
    if (typeof s !== 'string') return;
    const start = at(n!.A_Const.location);
    const end = literalEnd(full, start);
    if (end < 0) return;
    const labels = array ? arrayElements(s) : [s];
    if (labels) refs.push({ kind: 'value', enumId, labels, start: start - shift, end: end - shift, array });
  };
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as N;
    if (Array.isArray(n.names) && 'typemod' in n) {
      const id = typeOf(n);
      if (id && typeof n.location === 'number') {
        const parts = nameParts(full, at(n.location));
        if (parts.length) refs.push({ kind: 'type', enumId: id, start: parts[0].start - shift, end: parts.at(-1)!.end - shift, qualified: parts.length > 1 });
      }
    }
    if (n.TypeCast) {
      const id = typeOf(n.TypeCast.typeName);
      const arg = n.TypeCast.arg as N | undefined;
      if (id && arg?.A_ArrayExpr) for (const e of (arg.A_ArrayExpr.elements ?? []) as N[]) constant(e, id, false);
      else if (id) constant(arg, id, !!n.TypeCast.typeName.arrayBounds);
    }
    // A default of a parameter, domain or column of the enum (in a function, CREATE DOMAIN, a table kept as SQL).
    const typed = (n.FunctionParameter ?? n.ColumnDef ?? n.CreateDomainStmt) as N | undefined;
    const typedId = typed && typeOf(typed.argType ?? typed.typeName);
    if (typedId) {
      const array = !!(typed!.argType ?? typed!.typeName).arrayBounds;
      const defaults = [typed!.defexpr, ...((typed!.constraints ?? []) as N[]).filter((c) => c.Constraint?.contype === 'CONSTR_DEFAULT').map((c) => c.Constraint.raw_expr)];
      for (const d of defaults) constant(d, typedId, array);
    }
    const operator = ((n.A_Expr?.name ?? []) as N[]).at(-1)?.String?.sval as string | undefined;
    if (n.A_Expr && COMPARISONS.has(n.A_Expr.kind) && (n.A_Expr.kind !== 'AEXPR_OP' || COMPARING.has(operator ?? ''))) {
      const { lexpr, rexpr } = n.A_Expr as N;
      for (const [one, other] of [[lexpr, rexpr], [rexpr, lexpr]] as N[][]) {
        const c = enumOf(one);
        if (!c) continue;
        // An array column's operators (@>, &&, =) take an array literal.
        for (const x of other?.List ? (other.List.items as N[]) : [other]) constant(x, c.enumId, c.array);
      }
    }
    if (n.A_Expr && OVER_ARRAY.has(n.A_Expr.kind)) {
      const c = enumOf(n.A_Expr.lexpr);
      const right = n.A_Expr.rexpr as N | undefined;
      if (c && !c.array && right?.A_ArrayExpr) for (const e of (right.A_ArrayExpr.elements ?? []) as N[]) constant(e, c.enumId, false);
      else if (c && !c.array) constant(right, c.enumId, true);
      // 'sad' = ANY (ms): the constant is an element of the array's type.
      const over = enumOf(right);
      if (over?.array) constant(n.A_Expr.lexpr, over.enumId, false);
    }
    if (n.CaseExpr?.arg) alongside([n.CaseExpr.arg, ...((n.CaseExpr.args ?? []) as N[]).map((w) => w.CaseWhen?.expr)]);
    // A CASE's results take one type: constants next to a result of the enum are of it.
    if (n.CaseExpr) alongside([...((n.CaseExpr.args ?? []) as N[]).map((w) => w.CaseWhen?.result), n.CaseExpr.defresult]);
    if (n.CoalesceExpr || n.MinMaxExpr) alongside((n.CoalesceExpr ?? n.MinMaxExpr).args ?? []);
    if (n.partbound && ctx.bound) {
      const b = n.partbound as N;
      for (const d of (b.listdatums ?? []) as N[]) if (ctx.bound[0]) constant(d, ctx.bound[0], false);
      for (const list of [b.lowerdatums, b.upperdatums] as (N[] | undefined)[]) (list ?? []).forEach((d, i) => ctx.bound![i] && constant(d, ctx.bound![i]!, false));
    }
    for (const v of Object.values(n)) if (v && typeof v === 'object') walk(v);
  };
  walk(tree);
  return refs;
}

/** `text` with its references to changed enums written anew; the same string when none changes. */
function rewrite(text: string, refs: EnumRef[], changes: ReadonlyMap<Id, EnumChange>): string {
  const edits: { start: number; end: number; text: string }[] = [];
  for (const r of refs) {
    const change = changes.get(r.enumId);
    if (!change) continue;
    if (r.kind === 'type') {
      if (change.gone) edits.push({ start: r.start, end: r.end, text: 'text' });
      // Qualified: unqualified, a name such as `time` or `text` would be pg_catalog's type, which comes first.
      else if (change.to) edits.push({ start: r.start, end: r.end, text: `${quoteIdent(change.to.schema)}.${quoteTypeName(change.to.name)}` });
    } else if (r.labels.some((l) => change.labels.has(l))) {
      const labels = r.labels.map((l) => change.labels.get(l) ?? l);
      edits.push({ start: r.start, end: r.end, text: stringLiteral(r.array ? `{${labels.map(arrayElement).join(',')}}` : labels[0]) });
    }
  }
  let out = text;
  let last = Infinity;
  // The same name can stand twice in the tree (a function's arguments as objargs and objfuncargs): once in the text.
  for (const e of edits.sort((a, b) => b.start - a.start)) {
    if (e.end > last) continue;
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
    last = e.start;
  }
  return out;
}

/** The enum-typed columns of every table and view, by relation key (database names), for `doc`. */
function enumColumns(doc: SchemaDocument): Map<string, Map<string, EnumColumn>> {
  const out = new Map<string, Map<string, EnumColumn>>();
  for (const [id, key] of tableKeys(doc, true)) {
    const cols = (doc.tables[id]?.columns ?? doc.views[id]?.columns ?? []) as { name: string; dbName?: string; type: Column['type'] }[];
    const mine = new Map(cols.flatMap((c) => (c.type.enumId ? [[dbName(c), { enumId: c.type.enumId, array: !!c.type.array }] as const] : [])));
    if (mine.size) out.set(key, mine);
  }
  return out;
}

/** A document being edited in place: its maps are copies, changed one entry at a time (no copy per text). */
type Draft = Pick<SchemaDocument, 'tables' | 'views' | 'raw'> & { partitionOf?: NonNullable<PostgresSqlSources['partitionOf']> };

/** Every SQL text of a document where an enum may be named, with how to read it and how to put it back. */
interface SqlText {
  text: string;
  /** What holds it, in words (for messages). */
  place: string;
  prefix?: string;
  own?: string;
  rawId?: Id;
  bound?: (Id | undefined)[];
  /** Puts the text back into a draft whose tables, views and raw maps are its own copies. */
  set: (draft: Draft, text: string) => void;
}

function sqlTexts(doc: SchemaDocument): SqlText[] {
  const out: SqlText[] = [];
  const keys = tableKeys(doc);
  const withTable = (d: Draft, id: Id, f: (t: Table) => Table) => void (d.tables[id] = f(d.tables[id]));
  for (const t of Object.values(doc.tables)) {
    const own = keys.get(t.id)!;
    const on = (text: string, place: string, set: (t: Table, text: string) => Table): SqlText => ({ text, place, prefix: 'SELECT ', own, set: (d, s) => withTable(d, t.id, (x) => set(x, s)) });
    const col = (cid: Id, f: (c: Column) => Column) => (x: Table) => ({ ...x, columns: x.columns.map((c) => (c.id === cid ? f(c) : c)) });
    for (const c of t.columns) {
      const d = c.default;
      if (d?.postgres) out.push(on(d.postgres, `the default of ${t.name}.${c.name}`, (x, s) => col(c.id, (y) => ({ ...y, default: { ...y.default!, postgres: s } }))(x)));
      else if (d?.kind === 'sql' && d.expression) out.push(on(d.expression, `the default of ${t.name}.${c.name}`, (x, s) => col(c.id, (y) => ({ ...y, default: { ...(y.default as DefaultValue & { kind: 'sql' }), expression: s } }))(x)));
      if (c.generated) out.push(on(c.generated.expression, `the generated column ${t.name}.${c.name}`, (x, s) => col(c.id, (y) => ({ ...y, generated: { ...y.generated!, expression: s } }))(x)));
    }
    for (const k of t.checks ?? []) out.push(on(k.expression, `the check ${k.dbName ?? ''} on ${t.name}`.replace('  ', ' '), (x, s) => ({ ...x, checks: x.checks!.map((y) => (y.id === k.id ? { ...y, expression: s } : y)) })));
    for (const ix of t.indexes ?? []) {
      const place = `the index ${ix.dbName ?? ''} on ${t.name}`.replace('  ', ' ');
      const setIx = (x: Table, f: (i: typeof ix) => typeof ix) => ({ ...x, indexes: x.indexes!.map((y) => (y.id === ix.id ? f(y) : y)) });
      if (ix.where) out.push(on(ix.where, place, (x, s) => setIx(x, (i) => ({ ...i, where: s }))));
      ix.columns.forEach((ic, n) => {
        if (ic.expression) out.push(on(ic.expression, place, (x, s) => setIx(x, (i) => ({ ...i, columns: i.columns.map((y, m) => (m === n ? { ...y, expression: s } : y)) }))));
      });
    }
  }
  // Partition bounds (`FOR VALUES IN ('sad')`), read with the enums of their parent's key.
  const sql = doc.sources.sql as PostgresSqlSources | undefined;
  for (const [child, p] of Object.entries(sql?.partitionOf ?? {})) {
    const t = doc.tables[child];
    const bound = partitionKeyEnums(doc.tables[p.parent], sql?.partitionBy?.[p.parent]);
    if (!t || !bound.some(Boolean)) continue;
    out.push({ text: p.bound, place: `the partition bound of ${t.name}`, prefix: 'CREATE TABLE p PARTITION OF q ', bound, set: (d, s) => void ((d.partitionOf ??= { ...sql!.partitionOf })[child] = { ...p, bound: s }) });
  }
  for (const v of Object.values(doc.views)) {
    if (v.definition) out.push({ text: v.definition, place: `the view ${v.name}`, set: (d, s) => void (d.views[v.id] = { ...d.views[v.id], definition: s }) });
  }
  for (const r of Object.values(doc.raw)) {
    if (r.dialect !== 'postgresql') continue;
    out.push({ text: r.text, place: `the SQL kept "${r.text.trim().split('\n')[0].slice(0, 60)}"`, rawId: r.id, set: (d, s) => void (d.raw[r.id] = { ...d.raw[r.id], text: s }) });
  }
  return out;
}

/** The enum of each column of a partition key (`LIST (m)`, `RANGE (m, day)`), by position; undefined for another type or an expression. */
function partitionKeyEnums(parent: Table | undefined, key: string | undefined): (Id | undefined)[] {
  if (!parent || !key || !parent.columns.some((c) => c.type.enumId)) return [];
  try {
    const spec = (parsePg(`CREATE TABLE p () PARTITION BY ${key}`).stmts[0]?.stmt as N)?.CreateStmt?.partspec;
    return ((spec?.partParams ?? []) as N[]).map((e) => {
      const c = parent.columns.find((x) => dbName(x) === e.PartitionElem?.name);
      return c && !c.type.array ? c.type.enumId : undefined;
    });
  } catch {
    return [];
  }
}

/** The enums of `doc` by key, for scanning texts written against `doc`'s names. */
const enumsByKey = (doc: SchemaDocument) => new Map([...enumKeys(doc)].map(([id, key]) => [key, id]));

/** Defaults by value name (`@default(sad)`, `@default([sad])`) of the enum's columns, with renamed values' new names. */
function followDefaults(doc: SchemaDocument, changes: ReadonlyMap<Id, EnumChange>): SchemaDocument {
  let tables: SchemaDocument['tables'] | undefined;
  for (const t of Object.values(doc.tables)) {
    let changed = false;
    const columns = t.columns.map((c) => {
      const change = c.type.enumId ? changes.get(c.type.enumId) : undefined;
      const d = c.default;
      if (!change?.names.size || !d) return c;
      const now = new Set(doc.enums[c.type.enumId!]?.values.map((v) => v.name));
      // A name still there is the one meant (the Prisma text may rename the value and its default at once).
      const name = (v: string) => (!now.has(v) && change.names.get(v)) || v;
      if (d.kind === 'enum' && name(d.value) !== d.value) return (changed = true), { ...c, default: { ...d, value: name(d.value) } };
      if (d.kind === 'list' && d.values.some((v) => typeof v === 'string' && name(v) !== v)) return (changed = true), { ...c, default: { ...d, values: d.values.map((v) => (typeof v === 'string' ? name(v) : v)) } };
      return c;
    });
    if (changed) (tables ??= { ...doc.tables })[t.id] = { ...t, columns };
  }
  return tables ? { ...doc, tables } : doc;
}

/**
 * `doc` after an edit of its enums from `before`: defaults by value name, and the SQL it keeps, name
 * the enums and their values as they are now (ALTER TYPE ... RENAME); a deleted enum's type is text.
 */
export function followEnums(doc: SchemaDocument, before: SchemaDocument): SchemaDocument {
  if (doc.enums === before.enums) return doc;
  const changes = enumChanges(doc, before);
  if (!changes.size) return doc;
  const out = followDefaults(doc, changes);
  if (!pgQueryLoaded()) return out;
  // What a text must mention to need a look: an old type name, or an old label.
  const words = new Set<string>();
  for (const [id, change] of changes) {
    if (change.gone || change.to) words.add(dbName(before.enums[id]).toLowerCase());
    // As written in SQL too (`it''s`).
    for (const l of change.labels.keys()) words.add(l.toLowerCase()).add(l.replace(/'/g, "''").toLowerCase());
  }
  if (!words.size) return out;
  const ctx = { enums: enumsByKey(before), columns: enumColumns(out) };
  const pathFor = searchPathFor(before);
  const draft: Draft = { tables: { ...out.tables }, views: { ...out.views }, raw: { ...out.raw } };
  let changed = false;
  for (const t of sqlTexts(out)) {
    const lower = t.text.toLowerCase();
    if (![...words].some((w) => lower.includes(w))) continue;
    const next = rewrite(t.text, scanEnumRefs(t.text, { ...ctx, own: t.own, bound: t.bound, searchPath: pathFor(t.rawId) }, t.prefix), changes);
    if (next === t.text) continue;
    changed = true;
    t.set(draft, next);
  }
  if (!changed) return out;
  const { partitionOf, ...maps } = draft;
  return { ...out, ...maps, ...(partitionOf ? { sources: { ...out.sources, sql: { ...(out.sources.sql as PostgresSqlSources), partitionOf } } } : {}) };
}

/**
 * Why removing the values named `removed` from `en` (as `doc` has it) is refused: the places that
 * still use them in words, or undefined when nothing does. PostgreSQL has no DROP VALUE, and what
 * uses a value would no longer run.
 */
export function valuesInUse(doc: SchemaDocument, en: Enum, removed: string[]): string | undefined {
  const uses = removed.length ? enumValueUses(doc, en, new Set(removed)) : [];
  if (!uses.length) return undefined;
  const what = removed.length > 1 ? `${removed.slice(0, -1).join(', ')} and ${removed.at(-1)} are` : `${removed[0]} is`;
  const shown = uses.length > 4 ? [...uses.slice(0, 3), `${uses.length - 3} more`] : uses;
  return `${what} used by ${shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}` : shown[0]}: change ${uses.length > 1 ? 'those' : 'that'} first`;
}

/**
 * Where `doc` uses the values of `en` named in `names` (value names): defaults, and constants in the SQL
 * it keeps (checks, indexes, views, ...), in words. A value in use cannot go silently: PostgreSQL has
 * no DROP VALUE, and the SQL would no longer run.
 */
export function enumValueUses(doc: SchemaDocument, en: Enum, names: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const t of Object.values(doc.tables)) {
    for (const c of t.columns) {
      const d = c.default;
      if (c.type.enumId !== en.id || !d) continue;
      if ((d.kind === 'enum' && names.has(d.value)) || (d.kind === 'list' && d.values.some((v) => typeof v === 'string' && names.has(v)))) out.push(`the default of ${t.name}.${c.name}`);
    }
  }
  if (!pgQueryLoaded()) return out;
  const labels = new Set(en.values.filter((v) => names.has(v.name)).map(dbName));
  const ctx = { enums: enumsByKey(doc), columns: enumColumns(doc) };
  const pathFor = searchPathFor(doc);
  for (const t of sqlTexts(doc)) {
    if (out.includes(t.place) || ![...labels].some((l) => t.text.includes(l) || t.text.includes(l.replace(/'/g, "''")))) continue;
    const refs = scanEnumRefs(t.text, { ...ctx, own: t.own, bound: t.bound, searchPath: pathFor(t.rawId) }, t.prefix);
    if (refs.some((r) => r.kind === 'value' && r.enumId === en.id && r.labels.some((l) => labels.has(l)))) out.push(t.place);
  }
  return out;
}
