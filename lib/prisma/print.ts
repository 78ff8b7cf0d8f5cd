/**
 * Canonical printing of document objects as Prisma: one item per line (field, enum value, block
 * attribute), in `prisma format` attribute order and single-spaced. These prints are both the text
 * of new/changed lines and the fingerprints that decide whether original text can be reused.
 */
import { alignBody } from './align';
import type {
  Column,
  DefaultValue,
  Enum,
  Id,
  Index,
  IndexColumn,
  PrimaryKey,
  SchemaDocument,
  Table,
  View,
} from '../schema/types';
import { mayBeNull } from '../schema/document';
import { quote } from './lexer';
import type { BlockRec, ItemExtra } from './trivia';
import { planRelations, type PlannedField } from './plan-relations';

export interface Item {
  key: string;
  /** Canonical text: `///` doc lines, then the line, each indented by two spaces (head: none). */
  text: string;
  section: 'head' | 'field' | 'attr';
}

const METHODS: Record<string, string> = { btree: 'BTree', hash: 'Hash', gin: 'Gin', gist: 'Gist', spgist: 'SpGist', brin: 'Brin' };

/** Prisma's named operator classes, printed as identifiers; anything else is `raw("...")`. */
const NAMED_OPS = new Set([
  'ArrayOps', 'JsonbOps', 'JsonbPathOps', 'InetOps', 'TextOps', 'BitMinMaxOps', 'VarBitMinMaxOps', 'BpcharBloomOps',
  'BpcharMinMaxOps', 'ByteaBloomOps', 'ByteaMinMaxOps', 'DateBloomOps', 'DateMinMaxOps', 'DateMinMaxMultiOps',
  'Float4BloomOps', 'Float4MinMaxOps', 'Float4MinMaxMultiOps', 'Float8BloomOps', 'Float8MinMaxOps', 'Float8MinMaxMultiOps',
  'InetInclusionOps', 'InetBloomOps', 'InetMinMaxOps', 'InetMinMaxMultiOps', 'Int2BloomOps', 'Int2MinMaxOps',
  'Int2MinMaxMultiOps', 'Int4BloomOps', 'Int4MinMaxOps', 'Int4MinMaxMultiOps', 'Int8BloomOps', 'Int8MinMaxOps',
  'Int8MinMaxMultiOps', 'NumericBloomOps', 'NumericMinMaxOps', 'NumericMinMaxMultiOps', 'OidBloomOps', 'OidMinMaxOps',
  'OidMinMaxMultiOps', 'TextBloomOps', 'TextMinMaxOps', 'TimestampBloomOps', 'TimestampMinMaxOps',
  'TimestampMinMaxMultiOps', 'TimestampTzBloomOps', 'TimestampTzMinMaxOps', 'TimestampTzMinMaxMultiOps', 'TimeBloomOps',
  'TimeMinMaxOps', 'TimeMinMaxMultiOps', 'TimeTzBloomOps', 'TimeTzMinMaxOps', 'TimeTzMinMaxMultiOps', 'UuidBloomOps',
  'UuidMinMaxOps', 'UuidMinMaxMultiOps',
]);

export function opsToSql(name: string): string {
  // PostgreSQL spells minmax, timestamptz, timetz and varbit as one word each.
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/_min_max(?=_)/, '_minmax')
    .replace(/^(timestamp|time|var)_(tz|bit)_/, '$1$2_');
}
const OPS_BY_SQL = new Map([...NAMED_OPS].map((n) => [opsToSql(n), n]));

export function docLines(doc: string | undefined, indent: string): string {
  if (doc === undefined) return '';
  return doc.split('\n').map((l) => `${indent}///${l ? ' ' + l : ''}\n`).join('');
}

export function withExtra(line: string, extra: ItemExtra | undefined): string {
  let out = line;
  if (extra?.attrs?.length) out += ' ' + extra.attrs.join(' ');
  if (extra?.comment) out += ' ' + extra.comment;
  return out;
}

/** Per-document lookups shared by all printers. */
export class PrintContext {
  private plan?: Map<Id, PlannedField[]>;
  constructor(readonly doc: SchemaDocument) {}

  /** Relation fields per table (names filled in where the document has none). */
  relationFields(tableId: Id): PlannedField[] {
    this.plan ??= planRelations(this.doc);
    return this.plan.get(tableId) ?? [];
  }

  tableName(id: Id): string {
    return this.doc.tables[id]?.name ?? id;
  }

  colName(tableId: Id, colId: Id): string {
    return this.doc.tables[tableId]?.columns.find((c) => c.id === colId)?.name ?? colId;
  }

  nsName(id: Id | undefined): string | undefined {
    return id ? this.doc.namespaces[id]?.name : undefined;
  }
}

function numericKind(col: Column): boolean {
  return ['Int', 'BigInt', 'Float', 'Decimal'].includes(col.type.kind);
}

function printScalar(v: string | number | boolean, col: Column): string {
  if (typeof v !== 'string') return String(v);
  if (col.type.kind === 'Enum') return v;
  // Digits only: anything else in a numeric column's value is written quoted (Prisma's validator then
  // says what is wrong), so it can never end the attribute (`1) @unique`).
  if (numericKind(col) && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(v)) return v;
  return quote(v);
}

/** A function's or native type's argument as written (`4`, `maxValue: 10`), or quoted when it is anything else. */
const printArg = (a: string) => (/^(\w+:\s*)?-?[\w.]+$/.test(a) ? a : quote(a));

export function printDefault(d: DefaultValue, col: Column): string {
  switch (d.kind) {
    case 'literal':
      return printScalar(d.value, col);
    case 'enum':
      return d.value;
    case 'function':
      return `${d.name}(${d.args.map(printArg).join(', ')})`;
    case 'sql':
      return d.expression === '' ? 'dbgenerated()' : `dbgenerated(${quote(d.expression)})`;
    case 'list':
      return `[${d.values.map((v) => printScalar(v, col)).join(', ')}]`;
  }
}

export function printType(col: Column, ctx: PrintContext): string {
  const t = col.type;
  let base: string;
  if (t.kind === 'Enum') base = (t.enumId && ctx.doc.enums[t.enumId]?.name) || 'String';
  else if (t.kind === 'Unsupported') base = `Unsupported(${quote(t.unsupported ?? '')})`;
  else if (t.kind === 'Composite') base = t.composite ?? 'Json';
  else base = t.kind;
  if (t.array) return base + '[]';
  return base + (mayBeNull(col) ? '?' : '');
}

function idxColumn(c: IndexColumn, tableId: Id, ctx: PrintContext): string {
  const name = c.column ? ctx.colName(tableId, c.column) : (c.expression ?? '');
  const args: string[] = [];
  if (c.sort) args.push(`sort: ${c.sort === 'desc' ? 'Desc' : 'Asc'}`);
  if (c.length !== undefined) args.push(`length: ${c.length}`);
  if (c.ops) args.push(`ops: ${OPS_BY_SQL.get(c.ops) ?? `raw(${quote(c.ops)})`}`);
  return args.length ? `${name}(${args.join(', ')})` : name;
}

function fieldLevelArgs(ic: IndexColumn, extra: { dbName?: string; clustered?: boolean; where?: string }): string {
  const args: string[] = [];
  if (extra.dbName) args.push(`map: ${quote(extra.dbName)}`);
  if (ic.length !== undefined) args.push(`length: ${ic.length}`);
  if (ic.sort) args.push(`sort: ${ic.sort === 'desc' ? 'Desc' : 'Asc'}`);
  if (extra.clustered !== undefined) args.push(`clustered: ${extra.clustered}`);
  if (extra.where) args.push(`where: raw(${quote(extra.where)})`);
  return args.length ? `(${args.join(', ')})` : '';
}

export function pkIsFieldLevel(pk: PrimaryKey, rec: BlockRec | undefined): boolean {
  return pk.columns.length === 1 && !!pk.columns[0].column && !pk.name && !pk.columns[0].ops && rec?.style.pk !== 'block';
}

export function indexIsFieldLevel(ix: Index, rec: BlockRec | undefined): boolean {
  const style = rec?.style[ix.id];
  return (
    ix.unique &&
    ix.columns.length === 1 &&
    !!ix.columns[0].column &&
    !ix.name &&
    (!ix.where || style === 'field') &&
    !ix.method &&
    !ix.columns[0].ops &&
    (style === 'field' || (style === undefined && !rec))
  );
}

export function printColumn(col: Column, table: Table, rec: BlockRec | undefined, ctx: PrintContext): string {
  const attrs: string[] = [];
  const pk = table.primaryKey;
  if (pk && pkIsFieldLevel(pk, rec) && pk.columns[0].column === col.id) attrs.push('@id' + fieldLevelArgs(pk.columns[0], pk));
  for (const ix of table.indexes) {
    if (indexIsFieldLevel(ix, rec) && ix.columns[0].column === col.id) attrs.push('@unique' + fieldLevelArgs(ix.columns[0], ix));
  }
  if (col.default) {
    const map = col.defaultName ? `, map: ${quote(col.defaultName)}` : '';
    attrs.push(`@default(${printDefault(col.default, col)}${map})`);
  } else if (col.generated) {
    // As `prisma db pull` writes a generated column: the database fills it in.
    attrs.push(`@default(dbgenerated(${quote(col.generated.expression)}))`);
  } else if (col.identity && ['Int', 'BigInt'].includes(col.type.kind) && !col.type.array) {
    // As `prisma db pull` writes an identity column: the database numbers new rows.
    attrs.push('@default(autoincrement())');
  }
  if (col.updatedAt) attrs.push('@updatedAt');
  if (col.dbName) attrs.push(`@map(${quote(col.dbName)})`);
  if (col.ignored) attrs.push('@ignore');
  const n = col.type.native;
  if (n) attrs.push(`@db.${n.name}${n.args.length ? `(${n.args.map(printArg).join(', ')})` : ''}`);
  const line = [col.name, printType(col, ctx), ...attrs].join(' ');
  return docLines(col.doc, '  ') + '  ' + withExtra(line, rec?.extras[`c:${col.id}`]);
}

function printIndex(ix: Index, tableId: Id, ctx: PrintContext): string {
  const kind = ix.method === 'fulltext' ? 'fulltext' : ix.unique ? 'unique' : 'index';
  const args = [`[${ix.columns.map((c) => idxColumn(c, tableId, ctx)).join(', ')}]`];
  if (ix.name) args.push(`name: ${quote(ix.name)}`);
  if (ix.dbName) args.push(`map: ${quote(ix.dbName)}`);
  if (ix.method && ix.method !== 'fulltext') args.push(`type: ${METHODS[ix.method]}`);
  if (ix.where) args.push(`where: raw(${quote(ix.where)})`);
  if (ix.clustered !== undefined) args.push(`clustered: ${ix.clustered}`);
  return `@@${kind}(${args.join(', ')})`;
}

function withComment(text: string, rec: BlockRec | undefined, key: string): string {
  return withExtra(text, rec?.extras[key]);
}

export function modelItems(table: Table, ctx: PrintContext, rec: BlockRec | undefined, relItems: Item[]): Item[] {
  const items: Item[] = [];
  items.push({ key: 'head', section: 'head', text: docLines(table.doc, '') + withComment(`model ${table.name} {`, rec, 'head') });
  for (const col of table.columns) items.push({ key: `c:${col.id}`, section: 'field', text: printColumn(col, table, rec, ctx) });
  items.push(...relItems);
  const attr = (key: string, text: string) => items.push({ key, section: 'attr', text: '  ' + withComment(text, rec, key) });
  const pk = table.primaryKey;
  if (pk && !pkIsFieldLevel(pk, rec)) {
    const args = [`[${pk.columns.map((c) => idxColumn(c, table.id, ctx)).join(', ')}]`];
    if (pk.name) args.push(`name: ${quote(pk.name)}`);
    if (pk.dbName) args.push(`map: ${quote(pk.dbName)}`);
    if (pk.clustered !== undefined) args.push(`clustered: ${pk.clustered}`);
    attr('pk', `@@id(${args.join(', ')})`);
  }
  for (const ix of table.indexes) if (!indexIsFieldLevel(ix, rec)) attr(`i:${ix.id}`, printIndex(ix, table.id, ctx));
  if (table.dbName) attr('map', `@@map(${quote(table.dbName)})`);
  if (table.ignored) attr('ignore', '@@ignore');
  const ns = ctx.nsName(table.namespace);
  if (ns) attr('schema', `@@schema(${quote(ns)})`);
  return items;
}

export function enumItems(en: Enum, ctx: PrintContext, rec: BlockRec | undefined): Item[] {
  const items: Item[] = [];
  items.push({ key: 'head', section: 'head', text: docLines(en.doc, '') + withComment(`enum ${en.name} {`, rec, 'head') });
  for (const v of en.values) {
    const line = v.name + (v.dbName ? ` @map(${quote(v.dbName)})` : '');
    items.push({ key: `v:${v.id}`, section: 'field', text: docLines(v.doc, '  ') + '  ' + withComment(line, rec, `v:${v.id}`) });
  }
  if (en.dbName) items.push({ key: 'map', section: 'attr', text: '  ' + withComment(`@@map(${quote(en.dbName)})`, rec, 'map') });
  const ns = ctx.nsName(en.namespace);
  if (ns) items.push({ key: 'schema', section: 'attr', text: '  ' + withComment(`@@schema(${quote(ns)})`, rec, 'schema') });
  return items;
}

/**
 * A view block: the fields its columns give (optional, as `prisma db pull` writes a view's: the
 * database does not say whether they can be null; lists are never optional), its `@@map`, then its
 * body as kept.
 */
export function viewText(v: View, ctx: PrintContext): string {
  const holder: Table = { id: v.id, name: v.name, columns: [], indexes: [], checks: [] };
  // Aligned as `prisma format` aligns a model's fields.
  const fields = alignBody((v.columns ?? []).map((c) => printColumn({ ...c, nullable: true }, holder, undefined, ctx)), false);
  // A view's own name when not a Prisma identifier (a SQL import; Prisma's views keep theirs in the body).
  const attrs = [v.dbName ? `  @@map(${quote(v.dbName)})` : '', v.prismaBody ?? ''].filter(Boolean).join('\n');
  const body = [fields.join('\n'), attrs].filter(Boolean).join('\n\n');
  return `${docLines(v.doc, '')}view ${v.name} {\n${body ? body + '\n' : ''}}`;
}

/** A 53-bit string hash (cyrb53), base 36: fingerprints are stored hashed to keep trivia small. */
export function hash(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** The fingerprint of a whole block: the hash of its canonical print. */
export function fingerprint(items: Item[]): string {
  return hash(items.map((i) => i.text).join('\n'));
}

/** Relation-field items of one table. */
export function relationItems(table: Table, ctx: PrintContext, rec: BlockRec | undefined): Item[] {
  return ctx.relationFields(table.id).map((p) => {
    const f = p.field;
    const type = ctx.tableName(p.target) + (f.list ? '[]' : f.optional ? '?' : '');
    const attrs = p.args.length ? [`@relation(${p.args.join(', ')})`] : [];
    if (f.ignored) attrs.push('@ignore');
    const text = docLines(f.doc, '  ') + '  ' + withExtra([f.name, type, ...attrs].join(' '), rec?.extras[p.key]);
    return { key: p.key, section: 'field', text };
  });
}
