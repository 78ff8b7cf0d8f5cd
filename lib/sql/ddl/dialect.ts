/**
 * The dialect adapter interface: everything that differs between PostgreSQL, MySQL and SQLite.
 * The builder (builder.ts) is shared; adapters only answer small questions.
 */
import type { Column, Enum, Provider } from '../../schema/types';

export type DialectId = 'postgres' | 'mysql' | 'sqlite';

export interface TypeContext {
  /** Provider of the document the column comes from (decides how `native` is read). */
  source: Provider;
  enumOf(id: string): Enum | undefined;
  /** Qualified, quoted name of an enum type (PostgreSQL). */
  enumTypeName(e: Enum): string;
  warn(message: string): void;
}

export interface RenderedType {
  sql: string;
  /** The column is an auto-increment column rendered by the type itself (`SERIAL`). */
  serial?: boolean;
}

export interface Dialect {
  id: DialectId;
  provider: Provider;
  maxIdentifierLength: number;
  quote(name: string): string;
  stringLiteral(value: string): string;
  /** `CREATE SCHEMA` and schema-qualified names. */
  schemas: boolean;
  /** Enums are named types (`CREATE TYPE ... AS ENUM`); otherwise inline in the column type. */
  enumTypes: boolean;
  /** Foreign keys go inside `CREATE TABLE` (SQLite cannot add them later). */
  inlineForeignKeys: boolean;
  comments: 'statements' | 'inline' | 'none';
  partialIndexes: boolean;
  indexMethods: boolean;
  /** Renders a column type; `autoincrement` asks for the dialect's auto-increment form. */
  columnType(col: Column, ctx: TypeContext, autoincrement: boolean): RenderedType;
  /** Text after the type and NOT NULL for auto-increment columns (`AUTO_INCREMENT`). */
  autoincrementSuffix?: string;
  /** The DEFAULT for Prisma's `now()`, given the rendered column type. */
  now(typeSql: string): string;
  identity(generation: 'always' | 'by-default', options?: string): string | undefined;
  generated(expression: string, stored: boolean): string;
  /** Prefix length for indexed columns of this type (MySQL TEXT/BLOB), or 'skip' (not indexable). */
  indexPrefix?(typeSql: string): number | 'skip' | undefined;
}

export function escapeQuoted(name: string, q: string): string {
  return q + name.split(q).join(q + q) + q;
}

/** Expressions that are certainly PostgreSQL-only (casts, regex operators, arrays, ...). */
export function looksPostgresOnly(expr: string): boolean {
  return /::|\bARRAY\s*\[|~\*?|\bILIKE\b|\bANY\s*\(|\bnextval\s*\(|\bSIMILAR\b|\bregclass\b|\$\d|\bIS\s+DISTINCT\b|E'/i.test(expr);
}
