/** Column types and defaults of an imported table, from the catalog rows (see to-document.ts), as `prisma db pull` reads them. */
import type { Column, ColumnType, DefaultValue, Enum } from '../../schema/types';
import type { R } from './catalog-read';

/** Catalog type names the model holds: their Prisma type, and native type where it is not the default one. */
const NATIVE: Record<string, [ColumnType['kind'], string?]> = {
  int4: ['Int'], int2: ['Int', 'SmallInt'], int8: ['BigInt'], text: ['String'], varchar: ['String', 'VarChar'], bpchar: ['String', 'Char'],
  uuid: ['String', 'Uuid'], bool: ['Boolean'], float8: ['Float'], float4: ['Float', 'Real'], numeric: ['Decimal', 'Decimal'],
  timestamp: ['DateTime', 'Timestamp'], timestamptz: ['DateTime', 'Timestamptz'], date: ['DateTime', 'Date'], time: ['DateTime', 'Time'],
  timetz: ['DateTime', 'Timetz'], jsonb: ['Json'], json: ['Json', 'Json'], bytea: ['Bytes'], inet: ['String', 'Inet'], citext: ['String', 'Citext'],
  xml: ['String', 'Xml'], bit: ['String', 'Bit'], varbit: ['String', 'VarBit'], money: ['Decimal', 'Money'], oid: ['Int', 'Oid'],
};

/** A default that is a sequence's next value. */
export const NEXTVAL = /^nextval\('(?:[^']|'')+'::regclass\)$/;

export function columnType(c: R, enums: Map<string, Enum>): ColumnType {
  // A domain over a base type reads as that type, as `prisma db pull` reads it; PostgreSQL DDL writes the domain.
  if (c.typtype === 'd' && c.domtyptype === 'b' && c.domcat !== 'A') {
    const base = columnType({ ...c, type: c.domtype, typname: c.domtypname, typtype: 'b', cat: c.domcat, ndims: '0' }, enums);
    if (base.kind !== 'Unsupported') return { ...base, domain: c.type!, ...(c.domnotnull === 'true' ? { domainNotNull: true } : {}) };
  }
  const array = c.cat === 'A';
  const typtype = array ? c.elemtype : c.typtype;
  const typname = array ? c.elemname! : c.typname!;
  if (typtype === 'e') {
    const e = enums.get(c.basetypid!);
    if (e) return { kind: 'Enum', enumId: e.id, ...(array ? { array } : {}) };
  }
  const m = NATIVE[typname];
  if (!m || typtype !== 'b' || Number(c.ndims) > 1) return { kind: 'Unsupported', unsupported: c.type! };
  const args = /\(([\d,\s]+)\)/.exec(c.type!)?.[1].split(',').map((s) => s.trim()) ?? [];
  const t: ColumnType = { kind: m[0] };
  if (m[1]) t.native = { name: m[1], args };
  else if (args.length) return { kind: 'Unsupported', unsupported: c.type! };
  if (array) t.array = true;
  return t;
}

/**
 * A column default as the catalog gives it (`pg_get_expr`), in the model's terms where `prisma db
 * pull` has a Prisma default for it: `now()`, literals (numbers as written, `'US'::bpchar`), enum
 * values, lists (`'{a,b}'::text[]`, `ARRAY[1, 2]`). Where PostgreSQL DDL of that value would read
 * back otherwise (`now()` is written `CURRENT_TIMESTAMP`, a list `ARRAY[...]`), `postgres` keeps the
 * catalog's text for it. Anything else is kept as SQL (`dbgenerated`).
 */
export function defaultValue(def: string, col: Column, enums: Map<string, Enum>, c: R): DefaultValue {
  const kind = col.type.kind;
  if (col.type.array) return listDefault(def, col, enums) ?? { kind: 'sql', expression: def };
  if (kind === 'DateTime' && (def === 'CURRENT_TIMESTAMP' || def === 'now()')) return { kind: 'function', name: 'now', args: [], ...(def === 'now()' ? { postgres: def } : {}) };
  if ((def === 'true' || def === 'false') && kind === 'Boolean') return { kind: 'literal', value: def === 'true' };
  const number = numberDefault(def, kind);
  // `'0'::numeric` reads back as written, not as the `0` a number is written.
  if (number !== undefined) return { kind: 'literal', value: number, ...(TYPED_LITERAL.test(def) || String(number) !== def ? { postgres: def } : {}) };
  const m = TYPED_LITERAL.exec(def);
  if (m) {
    const value = m[1].replace(/''/g, "'");
    if (kind === 'Enum') {
      const v = enumValue(value, col, enums);
      if (v) return { kind: 'enum', value: v };
    } else if (['String', 'Json'].includes(kind)) {
      // A literal of another type (`'ab  '::bpchar` on a varchar column, whose value is trimmed) is the
      // literal to Prisma, as db pull reads it; PostgreSQL DDL keeps the cast.
      return { kind: 'literal', value, ...(typeName((c.domtype ?? c.type)!) === typeName(m[2]) ? {} : { postgres: def }) };
    }
  }
  return { kind: 'sql', expression: def };
}

/** `'text'::type` (the type may be qualified and quoted: `public."my-kind"`). */
const TYPED_LITERAL = /^'((?:[^']|'')*)'::((?:"(?:[^"]|"")*"|[\w\s.])+)$/;
const NUMBER = /^-?\d+(\.\d+)?$/;
/** A type's name without its modifiers, `bpchar` as `character` (a `char(n)` column's literals are `'x'::bpchar`). */
const typeName = (t: string) => t.replace(/\(.*?\)/, '').trim().replace(/^bpchar$/, 'character');

/**
 * A number default of a numeric column (`0.00`, `'-1.50'::numeric`, `'9007199254740993'::bigint`):
 * a number when it survives one, else its text (written as is).
 */
function numberDefault(def: string, kind: string): number | string | undefined {
  if (!['Int', 'BigInt', 'Float', 'Decimal'].includes(kind)) return undefined;
  const m = TYPED_LITERAL.exec(def);
  const text = m ? m[1] : def;
  if (!NUMBER.test(text)) return undefined;
  // Negative zero is zero to Prisma (db pull writes 0).
  if (Number(text) === 0 && /^-?0$/.test(text)) return 0;
  if (String(Number(text)) === text) return Number(text);
  // Integers past 2^53 and decimals with trailing zeros keep their digits.
  return kind === 'Int' ? undefined : text;
}

function enumValue(dbValue: string, col: Column, enums: Map<string, Enum>): string | undefined {
  const e = [...enums.values()].find((x) => x.id === col.type.enumId);
  return e?.values.find((x) => (x.dbName ?? x.name) === dbValue)?.name;
}

/**
 * A list default (`'{}'::text[]`, `'{open}'::status[]`, `ARRAY[1, 2]`) of items the model holds;
 * undefined for anything else (NULL items, nested arrays, expressions).
 */
function listDefault(def: string, col: Column, enums: Map<string, Enum>): DefaultValue | undefined {
  let items: string[] | undefined;
  const literal = /^'\{(.*)\}'::(?:"(?:[^"]|"")*"|[\w\s.])+\[\]$/s.exec(def);
  if (literal) {
    const body = literal[1].replace(/''/g, "'");
    const parts = body === '' ? [] : body.match(/"(?:[^"\\]|\\.)*"|[^,]+/g) ?? [];
    if (parts.join(',') !== body) return undefined;
    items = [];
    for (const p of parts) {
      if (/^NULL$/i.test(p) || /^[{}]/.test(p)) return undefined;
      items.push(p.startsWith('"') ? p.slice(1, -1).replace(/\\(.)/g, '$1') : p.trim());
    }
  } else {
    const array = /^ARRAY\[(.*)\](?:::[\w\s."\[\]]+)?$/s.exec(def);
    if (!array) return undefined;
    items = [];
    for (const p of array[1].split(/,\s*/)) {
      const typed = TYPED_LITERAL.exec(p);
      if (typed) items.push(typed[1].replace(/''/g, "'"));
      else if (NUMBER.test(p) || p === 'true' || p === 'false') items.push(p);
      else return undefined;
    }
  }
  const values: (string | number | boolean)[] = [];
  for (const item of items) {
    const kind = col.type.kind;
    if (kind === 'Enum') {
      const v = enumValue(item, col, enums);
      if (!v) return undefined;
      values.push(v);
    } else if (kind === 'Boolean' && /^(t|true|f|false)$/i.test(item)) values.push(/^t/i.test(item));
    else if (kind === 'String') values.push(item);
    else {
      const n = numberDefault(item, kind);
      if (n === undefined) return undefined;
      values.push(n);
    }
  }
  return { kind: 'list', values, postgres: def };
}
