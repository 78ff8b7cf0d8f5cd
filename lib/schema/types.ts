/**
 * The Schemata document: the single source of truth for everything the app does.
 *
 * Plain, JSON-serialisable data. Every object carries a stable id so that a rename stays a rename
 * in diffs. Schema meaning (tables, columns, keys, relations, enums, views) is kept apart from the
 * canvas layout (`layout`) and from source-format trivia needed for exact round trips (`sources`).
 *
 * Ordering: maps keyed by id (`tables`, `enums`, ...) keep insertion order, which is the document
 * order (ids are never integer-like, so JavaScript and JSON preserve it). Arrays (columns, indexes,
 * enum values) are ordered as written.
 */

export type Id = string;

/** The current document format version. Bump it together with a new migration in migrations.ts. */
export const FORMAT_VERSION = 2;
export const FORMAT_NAME = 'schemata';

export type Provider = 'postgresql' | 'mysql' | 'sqlite' | 'sqlserver' | 'cockroachdb' | 'mongodb';

export interface SchemaDocument {
  format: typeof FORMAT_NAME;
  version: number;
  id: Id;
  name: string;
  settings: DocumentSettings;
  namespaces: Record<Id, Namespace>;
  tables: Record<Id, Table>;
  enums: Record<Id, Enum>;
  relations: Record<Id, Relation>;
  views: Record<Id, View>;
  /** Objects the model cannot express, kept verbatim and written back on export. */
  raw: Record<Id, RawObject>;
  layout: Layout;
  /** Source-format trivia (comments, formatting, original text) used for exact round trips. */
  sources: Sources;
}

export interface DocumentSettings {
  provider: Provider;
  /** Name of the namespace used when a table has none, e.g. `public`. */
  defaultNamespace?: string;
}

export interface Namespace {
  id: Id;
  name: string;
  comment?: string;
}

export interface Table {
  id: Id;
  /** Logical name: the Prisma model name. */
  name: string;
  /** Database name (`@@map`); absent when equal to `name`. */
  dbName?: string;
  namespace?: Id;
  columns: Column[];
  primaryKey?: PrimaryKey;
  indexes: Index[];
  checks: Check[];
  /** Database comment (`COMMENT ON TABLE`). */
  comment?: string;
  /** Documentation (Prisma `///` lines). */
  doc?: string;
  /** Prisma `@@ignore`. */
  ignored?: boolean;
}

export type ScalarType =
  | 'String'
  | 'Boolean'
  | 'Int'
  | 'BigInt'
  | 'Float'
  | 'Decimal'
  | 'DateTime'
  | 'Json'
  | 'Bytes';

export interface ColumnType {
  /**
   * The logical type. `Enum` refers to `enumId`; `Unsupported` carries the database type text in
   * `unsupported`; `Composite` is a Prisma composite type (MongoDB) named in `composite`.
   */
  kind: ScalarType | 'Enum' | 'Unsupported' | 'Composite';
  enumId?: Id;
  unsupported?: string;
  composite?: string;
  /** Native database type, as Prisma's `@db.<name>(<args>)`, e.g. `{ name: 'VarChar', args: ['255'] }`. */
  native?: NativeType;
  /** Array / Prisma list type (`String[]`). */
  array?: boolean;
  /**
   * A PostgreSQL domain the column is declared with, as PostgreSQL prints it (`public."Name"`); the
   * rest of the type is the domain's base type. PostgreSQL DDL writes the domain; Prisma (as
   * `prisma db pull` does), MySQL and SQLite write the base type, with a warning.
   */
  domain?: string;
  /** The domain is `NOT NULL`: the column holds no NULL, whatever its own nullability (Prisma reads it required, as db pull does). */
  domainNotNull?: boolean;
}

export interface NativeType {
  name: string;
  args: string[];
}

export type DefaultValue = DefaultKind & {
  /**
   * The default as PostgreSQL's catalog gave it (a SQL import), where PostgreSQL DDL of the value
   * would read back otherwise: PostgreSQL DDL writes it as is (`now()`, where Prisma's now() is
   * `CURRENT_TIMESTAMP`; `'{a}'::text[]`). Other targets write the value.
   */
  postgres?: string;
};

export type DefaultKind =
  /** A literal: string, number or boolean, as written. */
  | { kind: 'literal'; value: string | number | boolean }
  /** An enum value, by name. */
  | { kind: 'enum'; value: string }
  /** A Prisma function: now, uuid, cuid, nanoid, ulid, autoincrement, sequence, auto. `args` are source text. */
  | { kind: 'function'; name: string; args: string[] }
  /** A raw SQL expression (`dbgenerated("...")`, or a default read from a database catalog). */
  | { kind: 'sql'; expression: string }
  /** A list default (`@default([])`, `@default(["a", "b"])`). */
  | { kind: 'list'; values: (string | number | boolean)[] };

export interface Column {
  id: Id;
  /** Logical name: the Prisma field name. */
  name: string;
  /** Database name (`@map`); absent when equal to `name`. */
  dbName?: string;
  type: ColumnType;
  nullable: boolean;
  default?: DefaultValue;
  /** Name of the default constraint (`@default(..., map: "...")`), SQL Server only. */
  defaultName?: string;
  identity?: { generation: 'always' | 'by-default'; sequence?: string };
  generated?: { expression: string; stored: boolean };
  /**
   * A collation other than the type's, as PostgreSQL names it (`pg_catalog."C"`, `public.nocase`):
   * PostgreSQL DDL writes `COLLATE`; MySQL, SQLite and Prisma leave it out with a warning.
   */
  collation?: string;
  /** Prisma `@updatedAt`. */
  updatedAt?: boolean;
  comment?: string;
  doc?: string;
  /** Prisma `@ignore`. */
  ignored?: boolean;
}

export type SortOrder = 'asc' | 'desc';

export interface IndexColumn {
  /** A column id, or absent when `expression` is given. */
  column?: Id;
  expression?: string;
  sort?: SortOrder;
  length?: number;
  /** Operator class, e.g. `gin_trgm_ops` (Prisma `ops:`). */
  ops?: string;
  nulls?: 'first' | 'last';
}

export interface PrimaryKey {
  /** Constraint name in the database (`map:`). Absent means the conventional `<Table>_pkey`. */
  dbName?: string;
  /** Prisma's compound id name (`@@id(name: ...)`). */
  name?: string;
  columns: IndexColumn[];
  clustered?: boolean;
}

export type IndexMethod = 'btree' | 'hash' | 'gin' | 'gist' | 'spgist' | 'brin' | 'fulltext';

export interface Index {
  id: Id;
  /** Index or constraint name in the database (`map:`). Absent means the conventional name. */
  dbName?: string;
  /** Prisma's compound unique name (`@@unique(name: ...)`). */
  name?: string;
  unique: boolean;
  /** A unique *constraint* (SQL `CONSTRAINT ... UNIQUE`) rather than a unique index. */
  constraint?: boolean;
  columns: IndexColumn[];
  method?: IndexMethod;
  /** Partial index predicate, SQL. */
  where?: string;
  clustered?: boolean;
}

export interface Check {
  id: Id;
  dbName?: string;
  expression: string;
}

export type ReferentialAction = 'cascade' | 'restrict' | 'no-action' | 'set-null' | 'set-default';

/** A relation field on a Prisma model (the virtual side of a relation). */
export interface RelationField {
  name: string;
  /** `Post[]` */
  list?: boolean;
  /** `User?` */
  optional?: boolean;
  doc?: string;
  ignored?: boolean;
}

export interface ForeignKeyRelation {
  id: Id;
  kind: 'foreign-key';
  /** Constraint name (`map:`). Absent means the conventional `<Table>_<cols>_fkey`. */
  dbName?: string;
  /** Prisma relation name (`@relation("Name")`). */
  name?: string;
  from: { table: Id; columns: Id[] };
  to: { table: Id; columns: Id[] };
  onDelete?: ReferentialAction;
  onUpdate?: ReferentialAction;
  /**
   * `DEFERRABLE`: checked at the end of the transaction when `deferred` (INITIALLY DEFERRED), or once
   * asked to (`SET CONSTRAINTS ... DEFERRED`) when `immediate`. PostgreSQL and SQLite DDL write it;
   * MySQL and Prisma cannot, and say so.
   */
  deferrable?: 'immediate' | 'deferred';
  /** Relation field on the referencing model (the one with `fields:`/`references:`). */
  fromField?: RelationField;
  /** Back-relation field on the referenced model. */
  toField?: RelationField;
  /** The relation is enforced by the application only (`relationMode = "prisma"`), no constraint. */
  virtual?: boolean;
}

/** Prisma implicit many-to-many: a hidden join table `_<A>To<B>` with columns A and B. */
export interface ManyToManyRelation {
  id: Id;
  kind: 'many-to-many';
  name?: string;
  /** Join table name override: the relation name, when given, else `<A>To<B>`. */
  a: { table: Id; field: RelationField };
  b: { table: Id; field: RelationField };
  /** The join table has no foreign keys (`relationMode = "prisma"`). */
  virtual?: boolean;
}

export type Relation = ForeignKeyRelation | ManyToManyRelation;

export interface EnumValue {
  id: Id;
  name: string;
  dbName?: string;
  doc?: string;
}

export interface Enum {
  id: Id;
  name: string;
  dbName?: string;
  namespace?: Id;
  values: EnumValue[];
  doc?: string;
  comment?: string;
}

export interface View {
  id: Id;
  name: string;
  dbName?: string;
  namespace?: Id;
  /** The SQL definition (`SELECT ...`), when known. */
  definition?: string;
  /**
   * The columns the view gives, as the database reports them (a SQL import): what its definition
   * yields, not edited on their own. The Prisma export writes them as the view's fields, as
   * `prisma db pull` does.
   */
  columns?: ViewColumn[];
  /** Fields as declared in Prisma, kept as text (after the fields `columns` gives, when both). */
  prismaBody?: string;
  doc?: string;
  comment?: string;
}

/** A column of a view: its name (the Prisma field name, `dbName` when the database's differs) and type. */
export interface ViewColumn {
  id: Id;
  name: string;
  dbName?: string;
  type: ColumnType;
}

export interface RawObject {
  id: Id;
  /** Which language the text is in. */
  dialect: 'prisma' | 'postgresql' | 'mysql' | 'sqlite';
  /** What it is, e.g. `function`, `trigger`, `policy`, `type` (Prisma composite type). */
  kind: string;
  name?: string;
  text: string;
}

export interface NodeLayout {
  x: number;
  y: number;
  width?: number;
  height?: number;
  color?: string;
  collapsed?: boolean;
  /** Placed by hand; auto layout can keep it where it is. */
  pinned?: boolean;
}

export interface Group {
  id: Id;
  name: string;
  color: string;
  tableIds: Id[];
}

export interface Note {
  id: Id;
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
  color?: string;
}

/** Canvas layout: positions, sizes, colours, groups and sticky notes. Never part of schema diffs. */
export interface Layout {
  /** Keyed by table, enum or view id. */
  nodes: Record<Id, NodeLayout>;
  groups: Record<Id, Group>;
  notes: Record<Id, Note>;
  viewport?: { x: number; y: number; zoom: number };
}

/**
 * Trivia owned by the import/export modules, keyed by format. Each module documents and validates
 * its own shape; the core only requires an object here.
 */
export interface Sources {
  prisma?: unknown;
  sql?: unknown;
}
