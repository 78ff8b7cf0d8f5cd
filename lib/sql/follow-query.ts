/**
 * A query's names after its tables' changes, resolved as PostgreSQL resolves them. PostgreSQL keeps
 * a view as a parsed query bound to its tables' columns, so ALTER TABLE ... RENAME leaves it reading
 * the same columns under their new names (`SELECT title AS name`: the view's own columns keep theirs),
 * and DROP ... CASCADE drops a view that reads a column or a table dropped. Here PostgreSQL's own
 * parser (libpg_query) gives the query's tree, names are resolved scope by scope (aliases, subqueries,
 * CTEs, set operations, LATERAL, join aliases), and only the names that change are replaced in the
 * text, which keeps the rest as written. follow-views applies it to a document.
 */
import { renameColumnRefs } from '../schema/column-refs';
import { charIndexer, parsePg } from './preview/pg-query';
import { tableKey } from './raw-subjects';

export type N = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** What an edit did to a table (or a view), keyed by its schema and name before. */
export interface RelationChange {
  /** Columns renamed in the database: old name → new name. */
  renamed: Map<string, string>;
  dropped: Set<string>;
  /** Its columns after the edit, in order, by database name. */
  columns: string[];
  /** Its schema and name after, when renamed or moved. */
  to?: { schema: string; name: string };
  /** Dropped (a table deleted, a view dropped). */
  gone?: boolean;
}

/** A query's text after its tables' changes, or `undefined` when it reads something dropped. */
type Followed = { text: string } | undefined;

export interface Context {
  changes: ReadonlyMap<string, RelationChange>;
  /** Columns by database name of every table and view before the edit, by key. */
  columnsOf: ReadonlyMap<string, readonly string[]>;
  /** Schemas an unqualified name is looked up in, in order. */
  searchPath: readonly string[];
}

interface Item {
  /** What the query qualifies its columns with: the alias, else the relation's name. */
  ref?: string;
  /** The schema written before an unaliased relation's name. */
  schema?: string;
  /** Visible column name → the relation's column (an alias column list renames the first ones). */
  columns?: Map<string, string>;
  change?: RelationChange;
  /** The RangeVar, for a relation. */
  node?: N;
  /** Columns a USING or NATURAL join reads by name, which keep their old names through an alias list. */
  keep: Set<string>;
  /** Visible names an alias column list gives (`t x(a, b)`): they stay what they are whatever the table's are. */
  aliased?: Set<string>;
  /** For a join's alias (`(a JOIN b ...) AS j`): the items `j.col` reads through. */
  sides?: Item[];
}

interface Scope {
  items: Item[];
  parent?: Scope;
  ctes: Map<string, Set<string> | undefined>;
  /** A USING or NATURAL join merges columns here: `*` gives them once. */
  merged?: boolean;
}

const QUOTE_FREE = /^[a-z_][a-z0-9_$]*$/;
const bare = new Map<string, boolean>();
/** A name as PostgreSQL's quote_ident writes it: bare when it parses as itself, else in double quotes. */
export function quoteIdent(name: string): string {
  let ok = bare.get(name);
  if (ok === undefined) {
    ok = QUOTE_FREE.test(name);
    if (ok) {
      try {
        const ref = parsePg(`SELECT ${name} FROM x`).stmts[0]?.stmt as N;
        ok = ref?.SelectStmt?.targetList?.[0]?.ResTarget?.val?.ColumnRef?.fields?.[0]?.String?.sval === name;
      } catch {
        ok = false;
      }
    }
    bare.set(name, ok);
  }
  return ok ? name : `"${name.replace(/"/g, '""')}"`;
}

const IDENT = /"(?:[^"]|"")*"|[A-Za-z_\u0080-\uffff][\w$\u0080-\uffff]*/y;
const SPACE = /(?:\s+|--[^\n]*|\/\*[\s\S]*?\*\/)*/y;

/** The spans of a dotted name written at `at` (`a . "b" . c`), one per part. */
export function nameParts(text: string, at: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let pos = at;
  for (;;) {
    IDENT.lastIndex = pos;
    const m = IDENT.exec(text);
    if (!m) return out;
    out.push({ start: pos, end: pos + m[0].length });
    SPACE.lastIndex = pos + m[0].length;
    const after = SPACE.exec(text)![0].length + pos + m[0].length;
    if (text[after] !== '.') return out;
    SPACE.lastIndex = after + 1;
    pos = after + 1 + SPACE.exec(text)![0].length;
  }
}

/** Where an alias written after a relation's name ends (`t AS x`, `t x`), from the end of the name. */
function aliasEnd(text: string, from: number, alias: string): number {
  SPACE.lastIndex = from;
  let pos = from + SPACE.exec(text)![0].length;
  const as = /as\b/iy;
  as.lastIndex = pos;
  if (as.exec(text)) {
    SPACE.lastIndex = pos + 2;
    pos += 2 + SPACE.exec(text)![0].length;
  }
  IDENT.lastIndex = pos;
  const m = IDENT.exec(text);
  const name = m && (m[0].startsWith('"') ? m[0].slice(1, -1).replace(/""/g, '"') : m[0].toLowerCase());
  return m && name === alias ? pos + m[0].length : from;
}

/** Words that end a target list's entry at its top level. */
const TARGET_END = new Set(['from', 'where', 'group', 'having', 'window', 'order', 'limit', 'offset', 'fetch', 'for', 'into', 'union', 'intersect', 'except']);

/** Where the target-list entry starting at `start` ends: at a top-level comma, closing parenthesis or clause keyword. */
function targetEnd(sql: string, start: number): number {
  let depth = 0;
  let end = start;
  const token = /'(?:[^']|'')*'|"(?:[^"]|"")*"|(\$[A-Za-z_]*\$)[\s\S]*?\1|--[^\n]*|\/\*[\s\S]*?\*\/|[A-Za-z_][\w$]*|\s+|[\s\S]/y;
  for (let pos = start; pos < sql.length; ) {
    token.lastIndex = pos;
    const t = token.exec(sql)![0];
    if (depth === 0 && (t === ',' || t === ')' || t === ';' || TARGET_END.has(t.toLowerCase()))) break;
    if (t === '(' || t === '[') depth++;
    else if (t === ')' || t === ']') depth--;
    pos += t.length;
    if (!/^\s/.test(t) && !t.startsWith('--') && !t.startsWith('/*')) end = pos;
  }
  return end;
}

/**
 * `sql` (one statement: a query, CREATE VIEW, CREATE MATERIALIZED VIEW, CREATE POLICY or CREATE TRIGGER) after its relations'
 * changes; the same text when nothing it reads changed, `undefined` when it reads something dropped.
 * Text the parser refuses is left as it is.
 */
export function followQuery(sql: string, ctx: Context): Followed {
  let tree: N;
  try {
    tree = parsePg(sql).stmts[0]?.stmt as N;
  } catch {
    return { text: sql };
  }
  const query = tree?.SelectStmt ? tree : (tree?.ViewStmt?.query ?? tree?.CreateTableAsStmt?.query);
  const policy = tree?.CreatePolicyStmt as N | undefined;
  const trigger = tree?.CreateTrigStmt as N | undefined;
  if (!query && !policy && !trigger) return { text: sql };
  const at = charIndexer(sql);
  const edits: { start: number; end: number; text: string }[] = [];
  let broken = false;
  // Bare names that are a target-list entry (`SELECT t FROM t`, `SELECT (t) FROM t`): a whole row
  // there is written with a cast (see wholeRow). And GROUP BY names of output columns, which are no
  // whole rows.
  const rowItems = new WeakMap<object, N>();
  const outputRefs = new WeakSet<object>();
  const gatherArgs = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(gatherArgs);
    if (!node || typeof node !== 'object') return;
    const n = node as N;
    for (const t of (n.SelectStmt?.targetList ?? []) as N[]) if (t.ResTarget?.val?.ColumnRef?.fields?.length === 1) rowItems.set(t.ResTarget.val.ColumnRef, t.ResTarget);
    for (const g of (n.SelectStmt?.groupClause ?? []) as N[]) {
      const f = g.ColumnRef?.fields as N[] | undefined;
      const named = f?.length === 1 && (n.SelectStmt.targetList as N[] | undefined)?.some((t) => t.ResTarget?.name === f[0].String?.sval);
      if (named) outputRefs.add(g.ColumnRef);
    }
    for (const v of Object.values(n)) if (v && typeof v === 'object') gatherArgs(v);
  };
  gatherArgs(tree);

  const keyOf = (schema: string | undefined, name: string) => {
    if (schema) return tableKey(schema, name);
    return ctx.searchPath.map((s) => tableKey(s, name)).find((k) => ctx.columnsOf.has(k)) ?? tableKey(ctx.searchPath[0], name);
  };
  const newName = (c: RelationChange) => quoteIdent(c.to!.name);

  /** A relation read; `own`: the one a policy or trigger is on, whose name follow-ups elsewhere rename (followTableRenames). */
  function relation(rv: N, scope: Scope, onIt = false): Item {
    const alias = rv.alias as N | undefined;
    if (!rv.schemaname) {
      for (let s: Scope | undefined = scope; s; s = s.parent) {
        if (s.ctes.has(rv.relname)) {
          const known = s.ctes.get(rv.relname);
          return { ref: alias?.aliasname ?? rv.relname, columns: known && new Map([...known].map((c) => [c, c])), keep: new Set() };
        }
      }
    }
    const key = keyOf(rv.schemaname, rv.relname);
    const change = ctx.changes.get(key);
    if (change?.gone) broken = true;
    const own = ctx.columnsOf.get(key);
    let columns: Map<string, string> | undefined;
    let aliased: Set<string> | undefined;
    if (own) {
      const names = ((alias?.colnames ?? []) as N[]).map((n) => n.String.sval as string);
      columns = new Map(own.map((c, i) => [names[i] ?? c, c]));
      aliased = new Set(own.slice(0, names.length).map((_c, i) => names[i]));
    }
    if (change?.to && !onIt) {
      const parts = nameParts(sql, at(rv.location));
      const name = parts.at(-1)!;
      const moved = change.to.schema !== key.slice(0, key.indexOf('\u0000'));
      if (moved || parts.length > 1) edits.push({ start: parts[0].start, end: name.end, text: `${quoteIdent(change.to.schema)}.${newName(change)}` });
      else edits.push({ start: name.start, end: name.end, text: newName(change) });
    }
    return { ref: alias?.aliasname ?? rv.relname, schema: alias ? undefined : rv.schemaname, columns, change, node: rv, keep: new Set(), aliased };
  }

  /** The items a FROM entry brings into `scope`; join conditions are walked once they all are there. */
  function from(f: N, scope: Scope, later: N[]): Item[] {
    if (f.RangeVar) return [relation(f.RangeVar, scope)].map((i) => (scope.items.push(i), i));
    if (f.JoinExpr) {
      const j = f.JoinExpr;
      const left = from(j.larg, scope, later);
      const right = from(j.rarg, scope, later);
      const sides = [...left, ...right];
      if (j.isNatural) {
        // A column dropped that the other side also has was a join column: the view goes.
        const has = (items: Item[], name: string) => items.some((i) => i.columns?.has(name));
        for (const [mine, other] of [[left, right], [right, left]]) {
          for (const i of mine) for (const [visible, column] of i.columns ?? []) if (i.change?.dropped.has(column) && has(other, visible)) broken = true;
        }
      }
      const using = ((j.usingClause ?? []) as N[]).map((n) => n.String.sval as string);
      if (using.length || j.isNatural) scope.merged = true;
      for (const item of sides) {
        if (!item.change || !item.columns) continue;
        for (const [visible, column] of item.columns) {
          if (visible === column && item.change.renamed.has(column) && (j.isNatural || using.includes(column))) item.keep.add(column);
          if (item.change.dropped.has(column) && using.includes(visible)) broken = true;
        }
      }
      if (j.quals) later.push(j.quals);
      if (j.alias) {
        const item: Item = { ref: j.alias.aliasname, keep: new Set(), ...(j.alias.colnames ? {} : { sides }) };
        scope.items.push(item);
        return [...sides, item];
      }
      return sides;
    }
    if (f.RangeSubselect) {
      const r = f.RangeSubselect;
      walk(r.subquery, r.lateral ? scope : { items: [], parent: scope.parent, ctes: scope.ctes });
      const names = r.alias?.colnames ? new Set<string>((r.alias.colnames as N[]).map((n) => n.String.sval)) : outputs(r.subquery);
      const item: Item = { ref: r.alias?.aliasname, columns: names && new Map([...names].map((c) => [c, c])), keep: new Set() };
      scope.items.push(item);
      return [item];
    }
    if (f.RangeTableSample) {
      const items = from({ RangeVar: f.RangeTableSample.relation }, scope, later);
      walk({ ...f.RangeTableSample, relation: undefined }, scope);
      return items;
    }
    // Functions in FROM, XMLTABLE, ...: their arguments may read the items before them.
    const [node] = Object.values(f) as N[];
    walk(node, scope);
    const alias = node?.alias as N | undefined;
    const aliases = ((alias?.colnames ?? []) as N[]).map((n) => n.String.sval as string);
    const known = f.RangeFunction ? functionColumns(f.RangeFunction) : undefined;
    // An alias list names the first columns; without the function's own, it is taken for all of them.
    const names = known ? known.map((c, i) => aliases[i] ?? c) : alias?.colnames ? aliases : undefined;
    const item: Item = { ref: alias?.aliasname, columns: names && new Map(names.map((c) => [c, c])), keep: new Set() };
    scope.items.push(item);
    return [item];
  }

  /** A query's column names, when it names them all (for a subquery or CTE in FROM). */
  function outputs(q: N): Set<string> | undefined {
    let s = q?.SelectStmt;
    while (s && s.op && s.op !== 'SETOP_NONE') s = s.larg;
    if (!s?.targetList) return undefined;
    const out = new Set<string>();
    for (const t of s.targetList as N[]) {
      const r = t.ResTarget;
      const fields = r.val?.ColumnRef?.fields as N[] | undefined;
      const name = r.name ?? fields?.at(-1)?.String?.sval ?? r.val?.FuncCall?.funcname?.at(-1)?.String?.sval;
      if (!name) return undefined;
      out.add(name);
    }
    return out;
  }

  /** The item a column reference reads, and the column, resolved as PostgreSQL does. */
  function resolve(names: string[], scope: Scope | undefined): { item: Item; visible: string; byName: boolean } | undefined {
    const col = names.at(-1)!;
    if (names.length === 1) {
      for (let s = scope; s; s = s.parent) {
        const hit = s.items.find((i) => i.columns?.has(col));
        if (hit) return { item: hit, visible: col, byName: false };
      }
      return undefined;
    }
    const [schema, ref] = names.length >= 3 ? [names.at(-3), names.at(-2)] : [undefined, names.at(-2)];
    for (let s = scope; s; s = s.parent) {
      const hit = s.items.find((i) => i.ref === ref && (!schema || i.schema === schema || (!i.schema && !!i.node && i.ref === i.node.relname)));
      // A join's alias reads its sides' columns.
      const side = hit?.sides && (col === '*' ? undefined : hit.sides.find((i) => i.columns?.has(col)));
      if (side) return { item: side, visible: col, byName: false };
      if (hit) return { item: hit, visible: col, byName: !!hit.node && !hit.node.alias };
    }
    return undefined;
  }

  /** The name a visible column of an item has after the edit. */
  function finalName(item: Item, visible: string): string {
    const column = item.columns?.get(visible);
    if (column === undefined || !item.change || visible !== column || item.keep.has(column) || item.aliased?.has(visible)) return visible;
    return item.change.renamed.get(column) ?? visible;
  }

  /** Whether, after the edit, a column named `name` is visible from `scope` in a relation other than `item`, up to `item`'s level. */
  function takenElsewhere(name: string, item: Item, scope: Scope | undefined): boolean {
    for (let s = scope; s; s = s.parent) {
      if (s.items.some((i) => i !== item && [...(i.columns?.keys() ?? [])].some((v) => finalName(i, v) === name))) return true;
      if (s.items.includes(item)) return false;
    }
    return false;
  }

  /** A column reference; what it reads when that is a column renamed by the edit (for a target's name). */
  function columnRef(c: N, scope: Scope | undefined): string | undefined {
    const fields = c.fields as N[];
    const star = !!fields.at(-1)?.A_Star;
    const names = fields.map((f) => f.String?.sval as string);
    const r = star ? (names.length > 1 ? resolve([...names.slice(0, -1), '*'], scope) : undefined) : resolve(names, scope);
    if (!r) {
      if (!star && names.length === 1 && !outputRefs.has(c)) wholeRow(c, names[0], scope);
      return undefined;
    }
    const { item, visible } = r;
    const change = item.change;
    const parts = nameParts(sql, at(c.location));
    // A qualifier naming a renamed or moved relation by its name (the spans stop before a `*`).
    if (change && r.byName && change.to && names.length >= 2 && parts.length >= names.length - (star ? 1 : 0)) {
      const q = parts[names.length - 2];
      if (q) edits.push({ start: q.start, end: q.end, text: newName(change) });
      if (names.length >= 3) edits.push({ start: parts[names.length - 3].start, end: parts[names.length - 3].end, text: quoteIdent(change.to.schema) });
    }
    if (star) return undefined;
    const column = item.columns?.get(visible);
    if (column === undefined) return undefined;
    if (change?.dropped.has(column)) broken = true;
    const to = finalName(item, visible) === visible ? undefined : finalName(item, visible);
    // Unqualified, the name may now be another relation's column too: then it is qualified (`t.x`), as pg_get_viewdef writes it.
    const name = to ?? visible;
    const taken = names.length === 1 && item.ref !== undefined && takenElsewhere(name, item, scope);
    if (to === undefined && !taken) return undefined;
    const qualifier = change?.to && item.node && !item.node.alias ? newName(change) : quoteIdent(item.ref!);
    const last = parts[names.length - 1];
    if (last) edits.push({ start: last.start, end: last.end, text: taken ? `${qualifier}.${quoteIdent(name)}` : quoteIdent(name) });
    return to === undefined ? undefined : visible;
  }

  /** The relation a bare name that is no column of what the query reads names as a whole row (`t`), from `scope`; with the items on the way. */
  function rowOf(name: string, scope: Scope | undefined): { item: Item; seen: Item[] } | undefined {
    const seen: Item[] = [];
    for (let s = scope; s; s = s.parent) {
      // A relation whose columns are unknown may have a column of that name.
      if (s.items.some((i) => !i.columns)) return undefined;
      seen.push(...s.items);
      const item = s.items.find((i) => i.ref === name);
      if (item) return { item, seen };
    }
    return undefined;
  }

  /**
   * A bare name that is no column of what the query reads is a whole row (`row_to_json(t)`,
   * `(t).name`, `SELECT t FROM t`): when the relation is renamed without an alias, it is written
   * `new.*`, as pg_get_viewdef writes it (a bare new name could be a column); a target-list entry
   * `new.*::new AS t` (a `*` there would be expanded; the view's column keeps its name). Not when a
   * scope on the way has something of the new name.
   */
  function wholeRow(c: N, name: string, scope: Scope | undefined): void {
    const found = rowOf(name, scope);
    if (!found) return;
    const { item, seen } = found;
    const change = item.change;
    const to = change?.to && item.node && !item.node.alias ? change.to.name : undefined;
    if (!to || seen.some((i) => i !== item && i.ref === to)) return;
    const part = nameParts(sql, at(c.location))[0];
    if (!part) return;
    const target = rowItems.get(c);
    edits.push({ start: part.start, end: part.end, text: target ? `${newName(change!)}.*::${quoteIdent(change!.to!.schema)}.${newName(change!)}` : `${newName(change!)}.*` });
    // The view's column keeps its name, after any parentheses around the entry.
    if (target && !target.name) {
      const end = targetEnd(sql, at(target.location));
      edits.push({ start: end, end, text: ` AS ${quoteIdent(name)}` });
    }
  }

  /** The relation a whole-row reference reads (`t`, `t.*`), when it is one. */
  function rowRead(arg: N | undefined, scope: Scope | undefined): Item | undefined {
    const fields = arg?.ColumnRef?.fields as N[] | undefined;
    if (!fields) return undefined;
    const names = fields.map((f) => f.String?.sval as string);
    if (fields.at(-1)?.A_Star) return names.length > 1 ? resolve([...names.slice(0, -1), '*'], scope)?.item : undefined;
    return names.length === 1 && !resolve(names, scope) ? rowOf(names[0], scope)?.item : undefined;
  }

  /** Fields of whole rows renamed (see fieldOf): the old name, for a target-list entry that keeps it. */
  const renamedFields = new WeakMap<N, string>();

  /** `(t).col`: a field of a whole row follows its column's rename, and is gone with it. */
  function fieldOf(n: N, scope: Scope | undefined): void {
    walk(n, scope);
    const item = rowRead(n.arg, scope);
    const field = (n.indirection as N[])[0]?.String?.sval as string | undefined;
    const column = field === undefined ? undefined : item?.columns?.get(field);
    if (!item?.change || column === undefined) return;
    if (item.change.dropped.has(column)) broken = true;
    const to = finalName(item, field!);
    if (to === field) return;
    // The field's name is not located: it follows the argument's closing parentheses and a dot.
    const parts = nameParts(sql, at(n.arg.ColumnRef.location));
    let pos = parts.at(-1)!.end;
    const spaced = () => {
      SPACE.lastIndex = pos;
      pos += SPACE.exec(sql)![0].length;
    };
    spaced();
    if (sql[pos] === '.') {
      pos++;
      spaced();
      if (sql[pos] === '*') pos++;
    }
    for (spaced(); sql[pos] === ')'; spaced()) pos++;
    if (sql[pos] !== '.') return;
    pos++;
    spaced();
    IDENT.lastIndex = pos;
    const m = IDENT.exec(sql);
    if (!m) return;
    edits.push({ start: pos, end: pos + m[0].length, text: quoteIdent(to) });
    renamedFields.set(n, field!);
  }

  /** `t.*::t`, a whole row cast to its own type (as pg_get_viewdef writes a whole row in a target list): the type is the relation's, renamed with it. */
  function rowCast(n: N, scope: Scope | undefined): void {
    walk(n, scope);
    const item = rowRead(n.arg, scope);
    const names = ((n.typeName?.names ?? []) as N[]).map((x) => x.String?.sval as string);
    const to = item?.change?.to;
    if (!to || !item.node || n.typeName.arrayBounds || names.at(-1) !== item.node.relname || names.length > 2) return;
    const parts = nameParts(sql, at(n.typeName.location));
    if (parts.length !== names.length) return;
    edits.push({ start: parts[0].start, end: parts.at(-1)!.end, text: `${quoteIdent(to.schema)}.${quoteIdent(to.name)}` });
  }

  /**
   * `*` or `t.*` in a target list: PostgreSQL expands it when the view is made, so a column renamed
   * reads by its new name under its old (`t.b AS a`, the list written out) and a column dropped drops the view.
   */
  function star(c: N, scope: Scope): void {
    const names = (c.fields as N[]).slice(0, -1).map((f) => f.String?.sval as string);
    const items = names.length ? [resolve([...names, '*'], scope)?.item].filter((i): i is Item => !!i) : scope.items.filter((i) => !i.sides);
    const hits = (i: Item) => [...(i.columns?.values() ?? [])].filter((col) => i.change?.renamed.has(col) || i.change?.dropped.has(col));
    if (items.some((i) => hits(i).some((col) => i.change!.dropped.has(col)))) broken = true;
    if (broken) return;
    // Written out only where a column it gives changed, every column is known, and no USING or
    // NATURAL join merges some; else only a qualifier naming a renamed relation changes (`new.*`).
    if (!items.some((i) => hits(i).length) || (!names.length && scope.merged) || items.some((i) => !i.columns || !i.ref)) {
      if (names.length) columnRef(c, scope);
      return;
    }
    const list = items.flatMap((i) => {
      const qualifier = i.change?.to && i.node && !i.node.alias ? newName(i.change) : quoteIdent(i.ref!);
      return [...i.columns!.keys()].map((visible) => {
        const name = finalName(i, visible);
        return `${qualifier}.${quoteIdent(name)}${name === visible ? '' : ` AS ${quoteIdent(visible)}`}`;
      });
    });
    const start = at(c.location);
    edits.push({ start, end: sql.indexOf('*', start) + 1, text: list.join(', ') });
  }

  function select(s: N, outer: Scope | undefined): void {
    const scope: Scope = { items: [], parent: outer, ctes: new Map() };
    for (const cte of (s.withClause?.ctes ?? []) as N[]) {
      const e = cte.CommonTableExpr;
      if (s.withClause.recursive) scope.ctes.set(e.ctename, undefined);
      walk(e.ctequery, scope);
      scope.ctes.set(e.ctename, e.aliascolnames ? new Set((e.aliascolnames as N[]).map((n) => n.String.sval)) : outputs(e.ctequery));
    }
    if (s.op && s.op !== 'SETOP_NONE') {
      select(s.larg, scope.ctes.size ? scope : outer);
      select(s.rarg, scope.ctes.size ? scope : outer);
      walk([s.limitCount, s.limitOffset], outer);
      return;
    }
    const later: N[] = [];
    for (const f of (s.fromClause ?? []) as N[]) from(f, scope, later);
    walk(later, scope);
    const outputNames = new Set<string>();
    for (const t of (s.targetList ?? []) as N[]) {
      const r = t.ResTarget;
      const fields = r.val?.ColumnRef?.fields as N[] | undefined;
      const name = r.name ?? fields?.at(-1)?.String?.sval;
      if (name) outputNames.add(name);
      if (r.val?.ColumnRef?.fields?.at(-1)?.A_Star) star(r.val.ColumnRef, scope);
      else if (r.val?.ColumnRef && !r.name) {
        const renamed = columnRef(r.val.ColumnRef, scope);
        // The view's column keeps its name: `title AS name` (after any parentheses around it).
        if (renamed !== undefined) {
          const parts = nameParts(sql, at(r.val.ColumnRef.location));
          const opened = sql.slice(at(r.location), parts[0].start).split('(').length - 1;
          let end = parts.at(-1)!.end;
          for (let k = 0; k < opened; k++) end = sql.indexOf(')', end) + 1;
          edits.push({ start: end, end, text: ` AS ${quoteIdent(renamed)}` });
        }
      } else {
        walk(r, scope);
        // A cast or collation of a column takes the column's name (`a::text` is named a): it keeps it.
        let inner = r.name ? undefined : r.val;
        while (inner?.TypeCast || inner?.CollateClause) inner = (inner.TypeCast ?? inner.CollateClause).arg;
        const renamed = inner?.ColumnRef ? columnRef(inner.ColumnRef, scope) : inner?.A_Indirection ? renamedFields.get(inner.A_Indirection) : undefined;
        if (renamed !== undefined) {
          const end = targetEnd(sql, at(r.location));
          edits.push({ start: end, end, text: ` AS ${quoteIdent(renamed)}` });
        }
      }
    }
    // ORDER BY and DISTINCT ON name output columns first: those names stay.
    const outputName = (n: N) => {
      const f = n?.ColumnRef?.fields as N[] | undefined;
      return f?.length === 1 && outputNames.has(f[0].String?.sval);
    };
    const sortClause = ((s.sortClause ?? []) as N[]).filter((b) => !outputName(b.SortBy?.node));
    const distinctClause = ((s.distinctClause ?? []) as N[]).filter((d) => !outputName(d));
    const { targetList: _t, fromClause: _f, withClause: _w, larg: _l, rarg: _r, sortClause: _s, distinctClause: _d, ...rest } = s;
    walk([rest, sortClause, distinctClause], scope);
    // Relations read by name through a USING or NATURAL join keep those columns' names: `t t(id, title, k)`.
    for (const item of scope.items) {
      if (!item.keep.size || !item.node || !item.change || item.node.alias?.colnames) continue;
      const rv = item.node;
      const parts = nameParts(sql, at(rv.location));
      const end = rv.alias ? aliasEnd(sql, parts.at(-1)!.end, rv.alias.aliasname) : parts.at(-1)!.end;
      const list = item.change.columns.map((c) => {
        const old = [...item.change!.renamed].find(([, to]) => to === c)?.[0];
        return quoteIdent(old !== undefined && item.keep.has(old) ? old : c);
      });
      const name = rv.alias ? '' : ` ${item.change.to ? newName(item.change) : quoteIdent(rv.relname)}`;
      edits.push({ start: end, end, text: `${name}(${list.join(', ')})` });
    }
  }

  function walk(node: unknown, scope: Scope | undefined): void {
    if (Array.isArray(node)) {
      for (const n of node) walk(n, scope);
      return;
    }
    if (!node || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node as N)) {
      if (k === 'SelectStmt') select(v, scope);
      else if (k === 'ColumnRef') columnRef(v, scope);
      else if (k === 'A_Indirection' && (v as N).arg?.ColumnRef && (v as N).indirection?.[0]?.String) fieldOf(v, scope);
      else if (k === 'TypeCast' && (v as N).arg?.ColumnRef?.fields?.at(-1)?.A_Star) rowCast(v, scope);
      else if (v && typeof v === 'object') walk(v, scope);
    }
  }

  if (query) walk(query, undefined);
  if (policy) {
    // A policy's expressions read its table's columns.
    const scope: Scope = { items: [], ctes: new Map() };
    scope.items.push(relation(policy.table, scope, true));
    walk([policy.qual, policy.with_check], scope);
  }
  if (trigger) {
    // A trigger's WHEN reads OLD and NEW; UPDATE OF names columns (written before ON, without locations).
    const on = relation(trigger.relation, { items: [], ctes: new Map() }, true);
    walk(trigger.whenClause, { items: [{ ...on, ref: 'old', node: undefined }, { ...on, ref: 'new', node: undefined }], ctes: new Map() });
    const columns = ((trigger.columns ?? []) as N[]).map((n) => n.String.sval as string);
    if (on.change && columns.length) {
      if (columns.some((c) => on.change!.dropped.has(c))) broken = true;
      const list = /\bof\b([\s\S]*?)\bon\b/i.exec(sql.slice(0, at(trigger.relation.location)));
      if (list && columns.some((c) => on.change!.renamed.has(c))) {
        const start = list.index + 2;
        edits.push({ start, end: start + list[1].length, text: renameColumnRefs(list[1], [...on.change.renamed]) });
      }
    }
  }
  if (broken) return undefined;
  if (!edits.length) return { text: sql };
  let text = sql;
  const seen = new Set<string>();
  for (const e of edits.sort((a, b) => b.start - a.start || b.end - a.end)) {
    const id = `${e.start}:${e.end}:${e.text}`;
    if (seen.has(id)) continue;
    seen.add(id);
    text = text.slice(0, e.start) + e.text + text.slice(e.end);
  }
  return { text };
}

/** Built-in set-returning functions in FROM whose result is a row of these columns (else one column). */
const ROW_RESULTS: Record<string, string[]> = {
  json_each: ['key', 'value'],
  jsonb_each: ['key', 'value'],
  json_each_text: ['key', 'value'],
  jsonb_each_text: ['key', 'value'],
  json_array_elements: ['value'],
  jsonb_array_elements: ['value'],
  json_array_elements_text: ['value'],
  jsonb_array_elements_text: ['value'],
};
/** Built-in functions in FROM whose result is one column, named after the function (or the table alias). */
const SCALAR_RESULTS = new Set([
  'generate_series', 'generate_subscripts', 'unnest', 'regexp_matches', 'regexp_split_to_table', 'string_to_table',
  'json_object_keys', 'jsonb_object_keys', 'jsonb_path_query',
]);

/**
 * The columns a function in FROM gives (`generate_series(1, 3) g`, `jsonb_each(x)`,
 * `jsonb_to_recordset(x) AS r(a int)`, `ROWS FROM (...)`, `WITH ORDINALITY`), in order, before an
 * alias list renames the first ones; undefined when a function's result is not known without the
 * catalog (a function of the schema's own, a composite type).
 */
function functionColumns(rf: N): string[] | undefined {
  const fns = (rf.functions ?? []) as N[];
  const out: string[] = [];
  for (const entry of fns) {
    const [call, defs] = (entry.List?.items ?? []) as N[];
    const coldefs = (defs?.List?.items as N[] | undefined) ?? (fns.length === 1 && !rf.is_rowsfrom ? (rf.coldeflist as N[] | undefined) : undefined);
    if (coldefs) {
      out.push(...coldefs.map((d) => d.ColumnDef?.colname as string));
      continue;
    }
    const name = call?.FuncCall?.funcname as N[] | undefined;
    const parts = name?.map((n) => n.String?.sval as string) ?? [];
    if (!parts.length || parts.length > 2 || (parts.length === 2 && parts[0] !== 'pg_catalog')) return undefined;
    const fn = parts.at(-1)!;
    const row = ROW_RESULTS[fn];
    if (row) out.push(...row);
    else if (fn === 'unnest' && fns.length === 1 && ((call.FuncCall.args ?? []) as N[]).length > 1) out.push(...(call.FuncCall.args as N[]).map(() => 'unnest'));
    else if (SCALAR_RESULTS.has(fn)) {
      // One function's column takes the table alias (ROWS FROM too), else the function's name.
      out.push(fns.length === 1 && rf.alias?.aliasname ? (rf.alias.aliasname as string) : fn);
      // unnest of a tsvector (the argument's type is not known here) gives its lexemes' columns.
      if (fn === 'unnest') out.push('lexeme', 'positions', 'weights');
    }
    else return undefined;
  }
  if (rf.ordinality) out.push('ordinality');
  return out.length ? out : undefined;
}
