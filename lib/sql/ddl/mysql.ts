import type { Column } from '../../schema/types';
import { checkedNative, domainWarning, escapeQuoted, type Dialect, type RenderedType, type TypeContext } from './dialect';
import { translateExpression } from './expr';

const SCALAR: Record<string, string> = {
  String: 'VARCHAR(191)', Boolean: 'BOOLEAN', Int: 'INTEGER', BigInt: 'BIGINT', Float: 'DOUBLE',
  Decimal: 'DECIMAL(65,30)', DateTime: 'DATETIME(3)', Json: 'JSON', Bytes: 'LONGBLOB',
};

const MYSQL_NATIVE: Record<string, string> = {
  UnsignedInt: 'INT UNSIGNED', UnsignedBigInt: 'BIGINT UNSIGNED', UnsignedSmallInt: 'SMALLINT UNSIGNED',
  UnsignedTinyInt: 'TINYINT UNSIGNED', UnsignedMediumInt: 'MEDIUMINT UNSIGNED', Int: 'INT',
};

/** PostgreSQL natives read as MySQL types. `n` is replaced by the first argument. */
const FROM_PG: Record<string, string> = {
  Text: 'LONGTEXT', VarChar: 'VARCHAR(n)', Char: 'CHAR(n)', Uuid: 'CHAR(36)', Citext: 'LONGTEXT', Inet: 'VARCHAR(45)',
  Xml: 'LONGTEXT', Bit: 'BIT(n)', VarBit: 'VARCHAR(n)', Integer: 'INTEGER', SmallInt: 'SMALLINT', Oid: 'INT UNSIGNED',
  BigInt: 'BIGINT', DoublePrecision: 'DOUBLE', Real: 'FLOAT', Decimal: 'DECIMAL', Money: 'DECIMAL(19,4)',
  Timestamp: 'DATETIME(n)', Timestamptz: 'DATETIME(n)', Date: 'DATE', Time: 'TIME(n)', Timetz: 'TIME(n)',
  Json: 'JSON', JsonB: 'JSON', ByteA: 'LONGBLOB',
};

/** MySQL's limits on type arguments (utf8mb4: a VARCHAR holds at most 16383 characters). */
const MAX_VARCHAR = 16383;

function withArgs(template: string, args: string[], warn: (message: string) => void): string {
  const n0 = Number(args[0]);
  if (template === 'VARCHAR(n)' && n0 > MAX_VARCHAR) {
    warn(`VARCHAR(${n0}) is longer than MySQL's ${MAX_VARCHAR} characters (utf8mb4); written as LONGTEXT`);
    return 'LONGTEXT';
  }
  if (template === 'CHAR(n)' && n0 > 255) {
    warn(`CHAR(${n0}) is longer than MySQL's 255; written as ${n0 > MAX_VARCHAR ? 'LONGTEXT' : `VARCHAR(${n0})`}`);
    return n0 > MAX_VARCHAR ? 'LONGTEXT' : `VARCHAR(${n0})`;
  }
  if (template === 'BIT(n)' && n0 > 64) {
    warn(`BIT(${n0}) is longer than MySQL's 64 bits; written as VARCHAR(${n0}) of 0 and 1`);
    return `VARCHAR(${n0})`;
  }
  if (template === 'DECIMAL' && args.length && (n0 > 65 || Number(args[1] ?? 0) > Math.min(30, n0) || Number(args[1] ?? 0) < 0)) {
    const p = Math.min(65, n0);
    const sc = Math.max(0, Math.min(30, Number(args[1] ?? 0), p));
    warn(`DECIMAL(${args.join(',')}) is beyond MySQL's DECIMAL(65,30) (a scale within 0 and the precision); written as DECIMAL(${p},${sc})`);
    return `DECIMAL(${p},${sc})`;
  }
  if (template.includes('(n)')) {
    if (!args.length) {
      // PostgreSQL `varchar` without a length is unbounded: MySQL needs one. PostgreSQL's timestamps
      // and times keep microseconds unless told otherwise; MySQL's keep whole seconds.
      if (template === 'VARCHAR(n)') return 'LONGTEXT';
      return template.startsWith('DATETIME') || template.startsWith('TIME') ? template.replace('(n)', '(6)') : template.replace('(n)', '');
    }
    const n = template.startsWith('DATETIME') || template.startsWith('TIME') ? String(Math.min(6, Number(args[0]))) : args[0];
    return template.replace('(n)', `(${n})`);
  }
  // PostgreSQL `numeric` without a precision is unbounded; MySQL's bare DECIMAL is DECIMAL(10,0).
  if (template === 'DECIMAL') return args.length ? `DECIMAL(${args.join(',')})` : 'DECIMAL(65,30)';
  return template;
}

function nativeSql(col: Column, ctx: TypeContext): string | undefined {
  const n = checkedNative(col, ctx.warn);
  if (!n) return undefined;
  if (ctx.source === 'mysql') return MYSQL_NATIVE[n.name] ?? n.name.toUpperCase() + (n.args.length ? `(${n.args.join(',')})` : '');
  if ((ctx.source === 'postgresql' || ctx.source === 'cockroachdb') && FROM_PG[n.name]) {
    if (n.name === 'Decimal' && !n.args.length) ctx.warn(`column ${col.name}: numeric without a precision is unbounded; written as DECIMAL(65,30)`);
    const sql = withArgs(FROM_PG[n.name], n.args, (m) => ctx.warn(`column ${col.name}: ${m}`));
    if (n.name === 'Timestamptz' || n.name === 'Timetz') ctx.warn(`column ${col.name}: ${n.name === 'Timetz' ? 'time' : 'timestamp'} with time zone written as ${sql}, which keeps no time zone (store UTC)`);
    return sql;
  }
  ctx.warn(`native type @db.${n.name} (${ctx.source}) has no MySQL equivalent; using the default for ${col.type.kind}`);
  return undefined;
}

/** MySQL refuses names that end in a space, quoted or not: they are written without it (and said, see identifierRenamed). */
const TRAILING_SPACE = /[ \t\n\r\f\v]+$/;
/** The name MySQL takes for one that ends in a space (a name of spaces only stays: nothing is left to take). */
const trimmed = (name: string) => (TRAILING_SPACE.test(name) && name.trim() ? name.replace(TRAILING_SPACE, '') : name);
const quote = (name: string) => escapeQuoted(trimmed(name), '`');
// MySQL strings treat backslash as an escape character (unless NO_BACKSLASH_ESCAPES): double it.
const stringLiteral = (v: string) => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** Types that take no plain literal default in MySQL 8 (MariaDB accepts both forms): `DEFAULT ('x')`. */
const EXPRESSION_DEFAULT_TYPES = /^(TINY|MEDIUM|LONG)?(TEXT|BLOB)\b|^JSON\b|^GEOMETRY|^POINT|^LINESTRING|^POLYGON/i;

/**
 * Unbounded text in a key: InnoDB cannot index it whole (no foreign key can use it, a primary key or
 * unique index only a prefix), so it is written as Prisma's VARCHAR(191). A longer VARCHAR that a
 * one-column foreign key needs whole is written as VARCHAR(768), the most a 3072-byte InnoDB key
 * holds in utf8mb4; other long VARCHAR keys are indexed by a prefix (see indexPrefix).
 */
function keyedType(col: Column, sql: string, ctx: TypeContext): string {
  if (!ctx.keyed || ctx.source === 'mysql') return sql;
  if (/^(LONG|MEDIUM|TINY)?TEXT$/i.test(sql)) {
    ctx.warn(`column ${col.name}: unbounded text in a key written as VARCHAR(191)`);
    return 'VARCHAR(191)';
  }
  // Binary keys: a foreign key needs the key whole, which no BLOB is (3072 bytes is the most InnoDB indexes).
  if (ctx.wholeKey && /^(LONG|MEDIUM|TINY)?BLOB$/i.test(sql)) {
    ctx.warn(`column ${col.name}: binary data in a foreign key written as VARBINARY(3072), the longest InnoDB indexes whole`);
    return 'VARBINARY(3072)';
  }
  const n = /^VARCHAR\((\d+)\)$/i.exec(sql);
  if (ctx.wholeKey && n && Number(n[1]) > 768) {
    ctx.warn(`column ${col.name}: VARCHAR(${n[1]}) in a foreign key is longer than InnoDB can index whole (768 characters in utf8mb4); written as VARCHAR(768)`);
    return 'VARCHAR(768)';
  }
  return sql;
}

/** InnoDB's key size limit (bytes; DYNAMIC rows). */
const KEY_BYTES = 3072;

/** A key column of text or binary: its length (characters, or bytes for binary; TEXT/BLOB unbounded) and bytes per unit. */
function keyText(typeSql: string): { n: number; per: number } | undefined {
  if (/TEXT/i.test(typeSql)) return { n: Infinity, per: 4 };
  if (/BLOB/i.test(typeSql)) return { n: Infinity, per: 1 };
  const m = /^(VAR)?(CHAR|BINARY)\((\d+)\)/i.exec(typeSql);
  return m ? { n: Number(m[3]), per: /CHAR/i.test(m[2]) ? 4 : 1 } : undefined;
}

/**
 * The prefix each text column of a key keeps (191 characters at most, Prisma's choice), the longest
 * with which the whole key fits InnoDB's limit; undefined when it fits without prefixes.
 */
function keyPrefix(types: string[]): number | undefined {
  let fixed = 0;
  const texts: { n: number; per: number }[] = [];
  for (const t of types) {
    const k = keyText(t);
    if (k) texts.push(k);
    else if (t) fixed += /^DECIMAL/i.test(t) ? 32 : 8;
  }
  const bytes = (p: number) => texts.reduce((sum, k) => sum + k.per * Math.min(k.n, p), fixed);
  if (bytes(Infinity) <= KEY_BYTES) return undefined;
  let p = 191;
  while (p > 1 && bytes(p) > KEY_BYTES) p--;
  return p;
}

export const mysqlDialect: Dialect = {
  id: 'mysql',
  provider: 'mysql',
  maxIdentifierLength: 64,
  identifierProblem: (name) => (name && !name.trim() ? 'MySQL names cannot end with a space' : undefined),
  identifierRenamed: (name) => (trimmed(name) !== name ? { name: trimmed(name), why: 'MySQL names cannot end with a space' } : undefined),
  quote,
  stringLiteral,
  schemas: false,
  enumTypes: false,
  inlineForeignKeys: false,
  comments: 'inline',
  partialIndexes: false,
  indexMethods: false,
  columnType(col, ctx): RenderedType {
    const t = col.type;
    if (t.array) {
      ctx.warn(`array column ${col.name} (${t.kind}[]) has no MySQL equivalent; stored as JSON`);
      return { sql: 'JSON' };
    }
    if (t.kind === 'Enum') {
      const e = ctx.enumOf(t.enumId!);
      const values = e?.values.map((v) => v.dbName ?? v.name) ?? [];
      // MySQL compares ENUM values without case, accents or trailing spaces, and refuses two that are then equal.
      const folded = (v: string) => v.normalize('NFD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss').toLowerCase().trimEnd();
      if (new Set(values.map(folded)).size < values.length) {
        ctx.warn(`column ${col.name}: enum ${e!.name} has values MySQL cannot tell apart (case, accents, trailing spaces); written as VARCHAR(191)`);
        return { sql: 'VARCHAR(191)' };
      }
      return { sql: e ? `ENUM(${values.map((v) => this.stringLiteral(v)).join(', ')})` : 'VARCHAR(191)' };
    }
    if (t.kind === 'Unsupported') {
      if (ctx.source === 'mysql') return { sql: t.unsupported! };
      ctx.warn(`column ${col.name}: type ${t.unsupported} has no MySQL equivalent; stored as LONGTEXT`);
      return { sql: keyedType(col, 'LONGTEXT', { ...ctx, warn: () => {} }) };
    }
    if (t.kind === 'Composite') return { sql: 'JSON' };
    // A PostgreSQL String is unbounded text: LONGTEXT where no key holds it (Prisma's MySQL VARCHAR(191)
    // would refuse longer values), VARCHAR(191) in a key.
    const unbounded = t.kind === 'String' && !t.native && (ctx.source === 'postgresql' || ctx.source === 'cockroachdb') && !ctx.keyed;
    const sql = keyedType(col, nativeSql(col, ctx) ?? (unbounded ? 'LONGTEXT' : SCALAR[t.kind]), ctx);
    if (t.domain) ctx.warn(domainWarning(col, 'MySQL', sql));
    return { sql };
  },
  expression(expr, _source, approximated, use) {
    const r = translateExpression(expr, 'mysql', quote, stringLiteral, use !== 'default');
    if (r.sql !== undefined) r.approximations.forEach(approximated);
    return r.sql;
  },
  // MySQL 8 takes an expression default only in parentheses, CURRENT_TIMESTAMP on DATETIME and
  // TIMESTAMP excepted (MariaDB takes them too): CURRENT_DATE and CURRENT_TIME as well.
  defaultClause: (sql, typeSql) => ((EXPRESSION_DEFAULT_TYPES.test(typeSql) || /^CURRENT_(DATE|TIME)$/i.test(sql.trim())) && !sql.startsWith('(') ? `(${sql})` : sql),
  fkTypesMatch: true,
  expressionIndexes: false,
  globalNames: { foreignKeys: true },
  autoincrementSuffix: 'AUTO_INCREMENT',
  now: (typeSql) => {
    // Only DATETIME and TIMESTAMP take CURRENT_TIMESTAMP: a DATE is given today's date, a TIME the time.
    if (/^DATE$/i.test(typeSql)) return '(CURRENT_DATE)';
    const time = /^TIME(?:\((\d)\))?$/i.exec(typeSql);
    if (time) return time[1] && time[1] !== '0' ? `(CURRENT_TIME(${time[1]}))` : '(CURRENT_TIME)';
    const p = /^(?:DATETIME|TIMESTAMP|TIME)\((\d)\)/i.exec(typeSql);
    return p && p[1] !== '0' ? `CURRENT_TIMESTAMP(${p[1]})` : 'CURRENT_TIMESTAMP';
  },
  identity: () => 'AUTO_INCREMENT',
  generated: (expression, stored) => `GENERATED ALWAYS AS (${expression}) ${stored ? 'STORED' : 'VIRTUAL'}`,
  // TEXT/BLOB are indexed by a prefix; so are the VARCHARs of a key longer than InnoDB's 3072 bytes
  // (768 characters in utf8mb4), cut to the longest prefix with which the whole key fits (191 at most).
  indexPrefix: (typeSql, index) => {
    if (/^JSON$/i.test(typeSql)) return 'skip';
    const own = keyText(typeSql);
    if (!own) return undefined;
    // Undefined when the key fits whole (then it has no TEXT or BLOB, which always need a prefix).
    const p = keyPrefix(index.types);
    return p !== undefined && own.n > p ? p : undefined;
  },
};
