/**
 * The dialect adapter interface: everything that differs between PostgreSQL, MySQL and SQLite.
 * The builder (builder.ts) is shared; adapters only answer small questions.
 */
import type { Column, Enum, Provider } from '../../schema/types';

export type DialectId = 'postgres' | 'mysql' | 'sqlite';

/** Where an expression is used: defaults may call non-deterministic functions, the others may not. */
export type ExpressionUse = 'default' | 'check' | 'index' | 'predicate' | 'generated';

export interface TypeContext {
  /** Provider of the document the column comes from (decides how `native` is read). */
  source: Provider;
  enumOf(id: string): Enum | undefined;
  /** Qualified, quoted name of an enum type (PostgreSQL). */
  enumTypeName(e: Enum): string;
  warn(message: string): void;
  /** The column is part of a primary key, unique index or foreign key (MySQL cannot key unbounded text). */
  keyed?: boolean;
  /**
   * The column is a one-column foreign key or what one references, and in no multi-column key: its
   * whole value must be indexable (MySQL cannot reference a prefix key).
   */
  wholeKey?: boolean;
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
  /** Why the database refuses this name as an identifier, if it does (quoting cannot help). */
  identifierProblem?(name: string): string | undefined;
  /** The name `quote` writes instead of one the database refuses, and why (MySQL: without a trailing space). */
  identifierRenamed?(name: string): { name: string; why: string } | undefined;
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
  /**
   * Prefix length for an indexed column of this type (MySQL TEXT/BLOB), or 'skip' (not indexable).
   * `index`: whether the key is unique, and the types of all its columns (a key has a size limit).
   */
  indexPrefix?(typeSql: string, index: { unique: boolean; types: string[] }): number | 'skip' | undefined;
  /**
   * Rewrites an SQL expression written for another provider (a default, check, index expression,
   * index predicate or generated column) into this dialect; undefined when it has no equivalent.
   * `approximated` is called with a note when the result only approximates the original.
   */
  expression?(expr: string, source: Provider, approximated: (note: string) => void, use: ExpressionUse): string | undefined;
  /** Index key parts can be expressions (false for MySQL: MariaDB has no functional indexes). */
  expressionIndexes?: boolean;
  /** The final form of a column default, given the rendered type (MySQL: TEXT/BLOB/JSON take `(expr)`). */
  defaultClause?(sql: string, typeSql: string): string;
  /** Foreign-key columns must have the referenced column's type (MySQL/InnoDB). */
  fkTypesMatch?: boolean;
  /** Constraint and index names that must be unique in the whole database rather than per table. */
  globalNames?: { foreignKeys?: boolean; indexes?: boolean };
}

/** A PostgreSQL domain column written as its base type by a dialect without domains. */
export function domainWarning(col: Column, dialect: string, typeSql: string): string {
  return `column ${col.name}: PostgreSQL domain ${col.type.domain} has no ${dialect} equivalent; written as its base type ${typeSql} (the domain's checks, default and NOT NULL are left out)`;
}

export function escapeQuoted(name: string, q: string): string {
  return name.includes(q) ? q + name.split(q).join(q + q) + q : q + name + q;
}

/** Expressions that are certainly PostgreSQL-only (casts, regex operators, arrays, ...). */
export function looksPostgresOnly(expr: string): boolean {
  return /::|\bARRAY\s*\[|~\*?|\bILIKE\b|\bANY\s*\(|\bnextval\s*\(|\bSIMILAR\b|\bregclass\b|\$\d|\bIS\s+DISTINCT\b|E'/i.test(expr);
}

/**
 * A column's native type, its arguments left out (and said) unless they are whole numbers: a type
 * modifier is written into the DDL as it is, so text there (a document edited by hand) could end it.
 */
export function checkedNative(col: Column, warn: (message: string) => void): Column['type']['native'] {
  const n = col.type.native;
  if (!n || n.args.every((a) => /^-?\d+$/.test(a))) return n;
  warn(`column ${col.name}: the arguments of @db.${n.name}(${n.args.join(', ')}) are not numbers; written without them`);
  return { ...n, args: [] };
}
