/** PostgreSQL native types as Prisma names them (`@db.X`), with the logical type they belong to. */
import type { ScalarType } from './types';

export type ArgKind = 'none' | 'length' | 'precision' | 'precision-scale';

export interface NativeTypeInfo {
  name: string;
  base: ScalarType;
  args: ArgKind;
  /** How PostgreSQL spells it. */
  sql: string;
}

export const POSTGRES_NATIVE_TYPES: NativeTypeInfo[] = [
  { name: 'Text', base: 'String', args: 'none', sql: 'text' },
  { name: 'VarChar', base: 'String', args: 'length', sql: 'varchar' },
  { name: 'Char', base: 'String', args: 'length', sql: 'char' },
  { name: 'Uuid', base: 'String', args: 'none', sql: 'uuid' },
  { name: 'Citext', base: 'String', args: 'none', sql: 'citext' },
  { name: 'Inet', base: 'String', args: 'none', sql: 'inet' },
  { name: 'Xml', base: 'String', args: 'none', sql: 'xml' },
  { name: 'Bit', base: 'String', args: 'length', sql: 'bit' },
  { name: 'VarBit', base: 'String', args: 'length', sql: 'varbit' },
  { name: 'SmallInt', base: 'Int', args: 'none', sql: 'smallint' },
  { name: 'Integer', base: 'Int', args: 'none', sql: 'integer' },
  { name: 'Oid', base: 'Int', args: 'none', sql: 'oid' },
  { name: 'BigInt', base: 'BigInt', args: 'none', sql: 'bigint' },
  { name: 'Real', base: 'Float', args: 'none', sql: 'real' },
  { name: 'DoublePrecision', base: 'Float', args: 'none', sql: 'double precision' },
  { name: 'Decimal', base: 'Decimal', args: 'precision-scale', sql: 'numeric' },
  { name: 'Money', base: 'Decimal', args: 'none', sql: 'money' },
  { name: 'Boolean', base: 'Boolean', args: 'none', sql: 'boolean' },
  { name: 'Date', base: 'DateTime', args: 'none', sql: 'date' },
  { name: 'Time', base: 'DateTime', args: 'precision', sql: 'time' },
  { name: 'Timetz', base: 'DateTime', args: 'precision', sql: 'timetz' },
  { name: 'Timestamp', base: 'DateTime', args: 'precision', sql: 'timestamp' },
  { name: 'Timestamptz', base: 'DateTime', args: 'precision', sql: 'timestamptz' },
  { name: 'Json', base: 'Json', args: 'none', sql: 'json' },
  { name: 'JsonB', base: 'Json', args: 'none', sql: 'jsonb' },
  { name: 'ByteA', base: 'Bytes', args: 'none', sql: 'bytea' },
];

export const SCALAR_TYPES: ScalarType[] = ['String', 'Int', 'BigInt', 'Float', 'Decimal', 'Boolean', 'DateTime', 'Json', 'Bytes'];

export function nativeTypeInfo(name: string): NativeTypeInfo | undefined {
  return POSTGRES_NATIVE_TYPES.find((t) => t.name === name);
}
