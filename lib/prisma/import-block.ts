/** Parses the body of one `model` or `enum` block into document objects plus line trivia. */
import type { Diagnostic } from '../schema/diagnostics';
import { DiagnosticError } from '../schema/diagnostics';
import type { IdGenerator } from '../schema/ids';
import type { Column, ColumnType, Enum, Index, ScalarType, Table } from '../schema/types';
import type { BlockKind, BodyEntry, RawBlock } from './blocks';
import { ParseError, parseBlockAttrLine, parseFieldLine, type Attr, type FieldLine, type Value } from './lexer';
import { argValue, boolArg, methodArg, parseDefault, parseIndexColumns, strArg } from './parse-attrs';
import type { BlockRec, LineRec } from './trivia';

export const SCALARS = new Set<string>(['String', 'Boolean', 'Int', 'BigInt', 'Float', 'Decimal', 'DateTime', 'Json', 'Bytes']);

/** A field whose type is a model: paired into relations once every model is read. */
export interface PendingRelation {
  tableId: string;
  model: string;
  fl: FieldLine;
  doc?: string;
  line: LineRec;
  rec: BlockRec;
  lineNo: number;
  used?: boolean;
}

export interface BlockContext {
  ids: IdGenerator;
  file: string;
  kinds: Map<string, BlockKind>;
  enumIds: Map<string, string>;
  namespace(name: string): string;
  diagnostics: Diagnostic[];
  relations: PendingRelation[];
}

export function stripDoc(lines: string[]): string | undefined {
  if (!lines.length) return undefined;
  return lines.map((l) => l.trim().slice(3).replace(/^ /, '')).join('\n');
}

function syntaxError(ctx: BlockContext, e: unknown, entry: BodyEntry): never {
  if (!(e instanceof ParseError)) throw e;
  const before = entry.text.slice(0, e.offset);
  const nl = before.lastIndexOf('\n');
  throw new DiagnosticError([
    {
      severity: 'error',
      code: 'prisma/syntax',
      message: `syntax error: ${e.message}`,
      file: ctx.file,
      line: entry.line + (before.match(/\n/g)?.length ?? 0),
      column: e.offset - nl,
    },
  ]);
}

function newRec(kind: BlockRec['kind']): BlockRec {
  return { kind, fp: '', lines: [], extras: {}, style: {} };
}

/** Starts a model or enum record: its `///` doc onto the object, and its head line (with comment). */
function openBlock(block: RawBlock, kind: 'model' | 'enum', target: { doc?: string }): BlockRec {
  const doc = stripDoc(block.docLines);
  if (doc !== undefined) target.doc = doc;
  const rec = newRec(kind);
  const hc = headComment(block);
  if (hc) rec.extras.head = { comment: hc };
  rec.lines.push({ k: 'item', key: 'head', text: [...block.docLines, block.header].join('\n'), fp: '' });
  return rec;
}

function headComment(block: RawBlock): string | undefined {
  const i = block.header.indexOf('{');
  const rest = block.header.slice(i + 1).trim();
  return rest.startsWith('//') ? rest : undefined;
}

/**
 * Walks body entries, attaching `///` runs to the next field; returns [entry, doc lines]. Blank and
 * comment lines are kept as raw lines here and not returned.
 */
function* withDocs(block: RawBlock, lines: LineRec[]): Generator<[BodyEntry, string[]]> {
  let docs: BodyEntry[] = [];
  const flush = () => {
    for (const d of docs) lines.push({ k: 'raw', text: d.text });
    docs = [];
  };
  for (const entry of block.body) {
    const t = entry.text.trim();
    if (t.startsWith('///')) {
      docs.push(entry);
      continue;
    }
    if (t === '' || t.startsWith('//') || t.startsWith('/*')) {
      flush();
      lines.push({ k: 'raw', text: entry.text });
      continue;
    }
    if (t.startsWith('@@')) {
      flush();
      yield [entry, []];
      continue;
    }
    yield [entry, docs.map((d) => d.text)];
    docs = [];
  }
  flush();
}

/** `@map("x")` or `@map(name: "x")`. */
function mapName(a: Attr): string | undefined {
  if (a.args?.length !== 1 || (a.args[0].key && a.args[0].key !== 'name')) return undefined;
  const v = a.args[0].value;
  return v.t === 'str' && v.v !== '' ? v.v : undefined;
}

const ID_KEYS = new Set(['map', 'length', 'sort', 'clustered']);
/** @unique takes a partial index's `where: raw("...")` too (Prisma's partialIndexes). */
const UNIQUE_KEYS = new Set([...ID_KEYS, 'where']);

/**
 * A partial index's predicate in SQL: `where: raw("...")`, or the object form Prisma turns into SQL
 * (`{ active: true, deletedAt: null, score: { not: null } }`: equalities and NULL tests, joined by
 * AND). undefined without `where`; null for a form it cannot read (the attribute is kept verbatim).
 */
function wherePredicate(a: Attr, table: Table): string | undefined | null {
  const v = argValue(a.args, 'where');
  if (!v) return undefined;
  if (v.t === 'call') return v.name === 'raw' && v.args[0]?.value.t === 'str' ? v.args[0].value.v : null;
  if (v.t !== 'obj' || !v.entries.length) return null;
  const literal = (x: Value): string | undefined =>
    x.t === 'str' ? `'${x.v.replace(/'/g, "''")}'` : x.t === 'num' ? x.v : x.t === 'id' && (x.v === 'true' || x.v === 'false') ? x.v : undefined;
  const parts: string[] = [];
  for (const { key, value } of v.entries) {
    const col = table.columns.find((c) => c.name === key);
    if (!col) return null;
    const name = `"${(col.dbName ?? col.name).replace(/"/g, '""')}"`;
    const not = value.t === 'obj' && value.entries.length === 1 && value.entries[0].key === 'not' ? value.entries[0].value : undefined;
    const test = not ?? value;
    const lit = literal(test);
    if (test.t === 'id' && test.v === 'null') parts.push(`${name} IS ${not ? 'NOT ' : ''}NULL`);
    else if (lit !== undefined && (not || value.t !== 'obj')) parts.push(`${name} ${not ? '<>' : '='} ${lit}`);
    else return null;
  }
  return parts.join(' AND ');
}

function keysOk(a: Attr, allowed: Set<string>, positional = 0): boolean {
  if (!a.args) return true;
  return a.args.every((x, i) => (x.key ? allowed.has(x.key) : i < positional));
}

function keptAttrs(ctx: BlockContext, where: string, attrs: string[], line: number): void {
  ctx.diagnostics.push({ severity: 'info', code: 'prisma/kept', message: `${where}: ${attrs.join(' ')} kept verbatim`, file: ctx.file, line });
}

function columnFromField(fl: FieldLine, table: Table, rec: BlockRec, ctx: BlockContext, line: number): Column | undefined {
  let type: ColumnType;
  const kind = ctx.kinds.get(fl.baseType);
  if (SCALARS.has(fl.baseType)) type = { kind: fl.baseType as ScalarType };
  else if (fl.baseType === 'Unsupported') type = { kind: 'Unsupported', unsupported: fl.unsupported ?? '' };
  else if (kind === 'enum') type = { kind: 'Enum', enumId: ctx.enumIds.get(fl.baseType) };
  else if (kind === 'type') type = { kind: 'Composite', composite: fl.baseType };
  else return undefined;
  if (fl.list) type.array = true;
  const col: Column = { id: ctx.ids('col'), name: fl.name, type, nullable: fl.optional };
  const extra: string[] = [];
  for (const a of fl.attrs) {
    const one = a.args?.filter((x) => !x.key)[0]?.value;
    const map = strArg(a.args, 'map');
    if (a.name === 'id' && !table.primaryKey && keysOk(a, ID_KEYS)) {
      const cols = parseIndexColumns({ t: 'call', name: fl.name, args: (a.args ?? []).filter((x) => x.key === 'sort' || x.key === 'length'), src: '' }, () => col.id);
      table.primaryKey = { columns: cols ?? [{ column: col.id }] };
      if (map) table.primaryKey.dbName = map;
      const cl = boolArg(a.args, 'clustered');
      if (cl !== undefined) table.primaryKey.clustered = cl;
      rec.style.pk = 'field';
    } else if (a.name === 'unique' && keysOk(a, UNIQUE_KEYS) && wherePredicate(a, table) !== null) {
      const cols = parseIndexColumns({ t: 'call', name: fl.name, args: (a.args ?? []).filter((x) => x.key === 'sort' || x.key === 'length'), src: '' }, () => col.id);
      const ix: Index = { id: ctx.ids('idx'), unique: true, columns: cols ?? [{ column: col.id }] };
      if (map) ix.dbName = map;
      const where = wherePredicate(a, table);
      if (where) ix.where = where;
      const cl = boolArg(a.args, 'clustered');
      if (cl !== undefined) ix.clustered = cl;
      table.indexes.push(ix);
      rec.style[ix.id] = 'field';
    } else if (a.name === 'default' && one && !col.default && keysOk(a, new Set(['map']), 1)) {
      const d = parseDefault(one, type.kind === 'Enum');
      if (d) {
        col.default = d;
        if (map) col.defaultName = map;
      } else extra.push(a.text);
    } else if (a.name === 'updatedAt' && !a.args) col.updatedAt = true;
    else if (a.name === 'map' && mapName(a) !== undefined && !col.dbName) col.dbName = mapName(a);
    else if (a.name === 'ignore' && !a.args) col.ignored = true;
    else if (a.name.startsWith('db.') && !type.native && (a.args ?? []).every((x) => !x.key)) {
      type.native = { name: a.name.slice(3), args: (a.args ?? []).map((x) => x.value.src) };
    } else extra.push(a.text);
  }
  const key = `c:${col.id}`;
  if (extra.length) keptAttrs(ctx, `${table.name}.${fl.name}`, extra, line);
  if (extra.length || fl.comment) rec.extras[key] = { ...(extra.length ? { attrs: extra } : {}), ...(fl.comment ? { comment: fl.comment } : {}) };
  return col;
}

const INDEX_KEYS = new Set(['fields', 'name', 'map', 'type', 'where', 'clustered']);

/** Applies a block attribute to the table; returns its line key, or undefined to keep it raw. */
function blockAttr(a: Attr, table: Table, rec: BlockRec, ctx: BlockContext): string | undefined {
  const colId = (n: string) => table.columns.find((c) => c.name === n)?.id;
  const fields = () => parseIndexColumns(argValue(a.args, 'fields', 0), colId);
  const name = strArg(a.args, 'name');
  const map = strArg(a.args, 'map');
  const clustered = boolArg(a.args, 'clustered');
  if (a.name === 'id' && !table.primaryKey && keysOk(a, new Set(['fields', 'name', 'map', 'clustered']), 1)) {
    const cols = fields();
    if (!cols) return undefined;
    table.primaryKey = { columns: cols, ...(name ? { name } : {}), ...(map ? { dbName: map } : {}), ...(clustered !== undefined ? { clustered } : {}) };
    rec.style.pk = 'block';
    return 'pk';
  }
  if ((a.name === 'unique' || a.name === 'index' || a.name === 'fulltext') && keysOk(a, INDEX_KEYS, 1)) {
    const cols = fields();
    const method = methodArg(a.args);
    const where = wherePredicate(a, table);
    if (where === null) return undefined;
    if (!cols || method === null || (a.name === 'fulltext' && (method || name))) return undefined;
    const ix: Index = { id: ctx.ids('idx'), unique: a.name === 'unique', columns: cols };
    if (name) ix.name = name;
    if (map) ix.dbName = map;
    if (a.name === 'fulltext') ix.method = 'fulltext';
    else if (method) ix.method = method;
    if (where) ix.where = where;
    if (clustered !== undefined) ix.clustered = clustered;
    table.indexes.push(ix);
    rec.style[ix.id] = 'block';
    return `i:${ix.id}`;
  }
  const one = a.args?.length === 1 && !a.args[0].key ? a.args[0].value : undefined;
  if (a.name === 'map' && mapName(a) !== undefined && !table.dbName) {
    table.dbName = mapName(a);
    return 'map';
  }
  if (a.name === 'ignore' && !a.args && !table.ignored) {
    table.ignored = true;
    return 'ignore';
  }
  if (a.name === 'schema' && one?.t === 'str' && !table.namespace) {
    table.namespace = ctx.namespace(one.v);
    return 'schema';
  }
  return undefined;
}

export function parseModel(block: RawBlock, ctx: BlockContext): { table: Table; rec: BlockRec } {
  const table: Table = { id: ctx.ids('tbl'), name: block.name, columns: [], indexes: [], checks: [] };
  const rec = openBlock(block, 'model', table);
  const attrs: [number, BodyEntry][] = [];
  for (const [entry, docs] of withDocs(block, rec.lines)) {
    const t = entry.text.trim();
    if (t.startsWith('@@')) {
      attrs.push([rec.lines.length, entry]);
      rec.lines.push({ k: 'raw', text: entry.text });
      continue;
    }
    let fl: FieldLine;
    try {
      fl = parseFieldLine(entry.text.trim());
    } catch (e) {
      syntaxError(ctx, e, { text: entry.text.trim(), line: entry.line });
    }
    const text = [...docs, entry.text].join('\n');
    const fdoc = stripDoc(docs);
    if (ctx.kinds.get(fl.baseType) === 'model') {
      const line: LineRec = { k: 'raw', text };
      rec.lines.push(line);
      ctx.relations.push({ tableId: table.id, model: block.name, fl, doc: fdoc, line, rec, lineNo: entry.line });
      continue;
    }
    const col = columnFromField(fl, table, rec, ctx, entry.line);
    if (!col) {
      rec.lines.push({ k: 'raw', text });
      ctx.diagnostics.push({ severity: 'warning', code: 'prisma/unknown-type', message: `field ${block.name}.${fl.name}: type ${fl.baseType} is not a scalar, enum, composite type or model; kept as text`, file: ctx.file, line: entry.line });
      continue;
    }
    if (fdoc !== undefined) col.doc = fdoc;
    table.columns.push(col);
    rec.lines.push({ k: 'item', key: `c:${col.id}`, text, fp: '' });
  }
  for (const [i, entry] of attrs) {
    let parsed: { attr: Attr; comment?: string };
    try {
      parsed = parseBlockAttrLine(entry.text.trim());
    } catch (e) {
      syntaxError(ctx, e, { text: entry.text.trim(), line: entry.line });
    }
    const key = blockAttr(parsed.attr, table, rec, ctx);
    if (key) {
      rec.lines[i] = { k: 'item', key, text: entry.text, fp: '' };
      if (parsed.comment) rec.extras[key] = { comment: parsed.comment };
    } else {
      ctx.diagnostics.push({ severity: 'info', code: 'prisma/kept', message: `${block.name}: attribute @@${parsed.attr.name} kept verbatim`, file: ctx.file, line: entry.line });
    }
  }
  if (block.footer) rec.lines.push({ k: 'raw', text: block.footer });
  return { table, rec };
}

export function parseEnum(block: RawBlock, en: Enum, ctx: BlockContext): BlockRec {
  const rec = openBlock(block, 'enum', en);
  for (const [entry, docs] of withDocs(block, rec.lines)) {
    const t = entry.text.trim();
    if (t.startsWith('@@')) {
      let parsed: { attr: Attr; comment?: string };
      try {
        parsed = parseBlockAttrLine(t);
      } catch (e) {
        syntaxError(ctx, e, { text: t, line: entry.line });
      }
      const a = parsed.attr;
      const one = a.args?.length === 1 && !a.args[0].key ? a.args[0].value : undefined;
      let key: string | undefined;
      if (a.name === 'map' && mapName(a) !== undefined && !en.dbName) {
        en.dbName = mapName(a);
        key = 'map';
      } else if (a.name === 'schema' && one?.t === 'str' && !en.namespace) {
        en.namespace = ctx.namespace(one.v);
        key = 'schema';
      }
      if (key) {
        rec.lines.push({ k: 'item', key, text: entry.text, fp: '' });
        if (parsed.comment) rec.extras[key] = { comment: parsed.comment };
      } else rec.lines.push({ k: 'raw', text: entry.text });
      continue;
    }
    let fl: FieldLine;
    try {
      fl = parseFieldLine(t, true);
    } catch (e) {
      syntaxError(ctx, e, { text: t, line: entry.line });
    }
    const id = ctx.ids('val');
    const v: Enum['values'][number] = { id, name: fl.name };
    const fdoc = stripDoc(docs);
    if (fdoc !== undefined) v.doc = fdoc;
    const extra: string[] = [];
    for (const a of fl.attrs) {
      if (a.name === 'map' && mapName(a) !== undefined && !v.dbName) v.dbName = mapName(a);
      else extra.push(a.text);
    }
    if (extra.length) keptAttrs(ctx, `${block.name}.${fl.name}`, extra, entry.line);
    if (extra.length || fl.comment) rec.extras[`v:${id}`] = { ...(extra.length ? { attrs: extra } : {}), ...(fl.comment ? { comment: fl.comment } : {}) };
    en.values.push(v);
    rec.lines.push({ k: 'item', key: `v:${id}`, text: [...docs, entry.text].join('\n'), fp: '' });
  }
  if (block.footer) rec.lines.push({ k: 'raw', text: block.footer });
  return rec;
}
