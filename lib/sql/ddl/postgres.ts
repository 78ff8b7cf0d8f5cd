import type { Column } from '../../schema/types';
import { checkedNative, escapeQuoted, type Dialect, type RenderedType, type TypeContext } from './dialect';

const SCALAR: Record<string, string> = {
  String: 'TEXT', Boolean: 'BOOLEAN', Int: 'INTEGER', BigInt: 'BIGINT', Float: 'DOUBLE PRECISION',
  Decimal: 'DECIMAL(65,30)', DateTime: 'TIMESTAMP(3)', Json: 'JSONB', Bytes: 'BYTEA',
};

/** Prisma `@db.X` names for PostgreSQL that don't render as upper-cased X. */
const NATIVE: Record<string, string> = {
  DoublePrecision: 'DOUBLE PRECISION', JsonB: 'JSONB', ByteA: 'BYTEA', VarChar: 'VARCHAR', VarBit: 'VARBIT',
  Timestamptz: 'TIMESTAMPTZ', Timetz: 'TIMETZ', Integer: 'INTEGER', SmallInt: 'SMALLINT', BigInt: 'BIGINT',
};

/** MySQL natives read as PostgreSQL types (a MySQL document exported to PostgreSQL). */
const FROM_MYSQL: Record<string, string> = {
  TinyInt: 'SMALLINT', UnsignedTinyInt: 'SMALLINT', UnsignedSmallInt: 'INTEGER', MediumInt: 'INTEGER', UnsignedMediumInt: 'INTEGER',
  UnsignedInt: 'BIGINT', UnsignedBigInt: 'DECIMAL(20,0)', Int: 'INTEGER', Double: 'DOUBLE PRECISION', Float: 'REAL',
  DateTime: 'TIMESTAMP', Timestamp: 'TIMESTAMP', TinyText: 'TEXT', MediumText: 'TEXT', LongText: 'TEXT', Text: 'TEXT',
  Blob: 'BYTEA', TinyBlob: 'BYTEA', MediumBlob: 'BYTEA', LongBlob: 'BYTEA', Binary: 'BYTEA', VarBinary: 'BYTEA', Year: 'INTEGER',
  Json: 'JSONB', Bit: 'BIT', Char: 'CHAR', VarChar: 'VARCHAR', Decimal: 'DECIMAL', Date: 'DATE', Time: 'TIME',
};

function nativeSql(col: Column, ctx: TypeContext): string | undefined {
  const n = checkedNative(col, ctx.warn);
  if (!n) return undefined;
  const args = n.args.length ? `(${n.args.join(',')})` : '';
  if (ctx.source === 'postgresql' || ctx.source === 'cockroachdb') return (NATIVE[n.name] ?? n.name.toUpperCase()) + args;
  if (ctx.source === 'mysql' && FROM_MYSQL[n.name]) {
    const base = FROM_MYSQL[n.name];
    return /\(|TEXT|BYTEA|INTEGER|BIGINT|SMALLINT|REAL|DOUBLE|JSONB/.test(base) ? base : base + args;
  }
  ctx.warn(`native type @db.${n.name} (${ctx.source}) has no PostgreSQL equivalent; using the default for ${col.type.kind}`);
  return undefined;
}

export const postgresDialect: Dialect = {
  id: 'postgres',
  provider: 'postgresql',
  maxIdentifierLength: 63,
  quote: (name) => (name.includes('"') ? escapeQuoted(name, '"') : `"${name}"`),
  stringLiteral: (v) => `'${v.replace(/'/g, "''")}'`,
  schemas: true,
  enumTypes: true,
  inlineForeignKeys: false,
  comments: 'statements',
  partialIndexes: true,
  indexMethods: true,
  columnType(col, ctx, autoincrement): RenderedType {
    const t = col.type;
    let sql: string;
    if (t.kind === 'Enum') {
      const e = ctx.enumOf(t.enumId!);
      sql = e ? ctx.enumTypeName(e) : 'TEXT';
    } else if (t.kind === 'Unsupported') {
      sql = t.unsupported!;
    } else if (t.domain) {
      sql = t.domain;
    } else if (t.kind === 'Composite') {
      ctx.warn(`composite type ${t.composite} (MongoDB) stored as JSONB`);
      sql = 'JSONB';
    } else {
      sql = nativeSql(col, ctx) ?? SCALAR[t.kind];
    }
    if (autoincrement && !t.array) {
      const serial = { INTEGER: 'SERIAL', INT: 'SERIAL', INT4: 'SERIAL', SMALLINT: 'SMALLSERIAL', INT2: 'SMALLSERIAL', BIGINT: 'BIGSERIAL', INT8: 'BIGSERIAL' }[sql.toUpperCase()];
      if (serial) return { sql: serial, serial: true };
    }
    return { sql: t.array ? `${sql}[]` : sql };
  },
  now: () => 'CURRENT_TIMESTAMP',
  identity: (generation, options) => `GENERATED ${generation === 'always' ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY${options ? ` (${options})` : ''}`,
  generated: (expression, stored) => `GENERATED ALWAYS AS (${expression})${stored ? ' STORED' : ' VIRTUAL'}`,
};
