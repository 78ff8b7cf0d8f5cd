/**
 * Names a table or column command may give: a Prisma identifier (the document's model and field
 * names are Prisma's), not one another table, view or enum has, and a database name no other table
 * of the schema has. Any database name can be set beside a name (`@@map`, `@map`).
 */
import type { Id, SchemaDocument, Table } from '../../schema/types';
import { CommandError } from '../command';

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * Names Prisma's validator refuses for a model or an enum: its client's name, JavaScript's reserved
 * words and Prisma's scalar types (checked against prisma-schema-wasm; see names.test.ts).
 */
export const RESERVED_TYPE_NAMES = new Set([
  'PrismaClient', 'async', 'await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum',
  'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'implements', 'import', 'in', 'instanceof', 'interface', 'let', 'new', 'null',
  'package', 'private', 'protected', 'public', 'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'using', 'var', 'void', 'while',
  'with', 'yield', 'String', 'Int', 'BigInt', 'Float', 'Decimal', 'Boolean', 'DateTime', 'Json', 'Bytes',
]);

/** Refuses a name Prisma cannot use as a model, field, enum or enum value name. */
export function requireIdentifier(what: 'table' | 'column' | 'enum' | 'enum value', name: string): void {
  if (!name.trim()) throw new CommandError(`a ${what} name cannot be empty`);
  if (!IDENTIFIER.test(name)) {
    // Tables and columns have a database name field in the inspector.
    const hint = what === 'table' || what === 'column' ? ` (set any other name as the database ${what} name)` : '';
    throw new CommandError(`"${name}" cannot be a${what.startsWith('e') ? 'n' : ''} ${what} name: names start with a letter and hold only letters, digits and underscores${hint}`);
  }
  if ((what === 'table' || what === 'enum') && RESERVED_TYPE_NAMES.has(name)) {
    throw new CommandError(`"${name}" cannot be a${what === 'enum' ? 'n' : ''} ${what} name: Prisma reserves it${what === 'table' ? ' (set it as the database table name instead)' : ''}`);
  }
}

/** Refuses a name another table, view or enum than `self` has (models, views and enums share Prisma's one namespace). */
export function requireFreeTypeName(doc: SchemaDocument, self: Id | undefined, name: string): void {
  const taken = (id: Id, n: string) => id !== self && n === name;
  if (Object.values(doc.tables).some((t) => taken(t.id, t.name)) || Object.values(doc.views).some((v) => taken(v.id, v.name)) || Object.values(doc.enums).some((e) => taken(e.id, e.name))) {
    throw new CommandError(`there is already a table, view or enum named ${name}`);
  }
}

/** Refuses a table's new name or database name when another table, view or enum has it (the database name: another table of its schema). */
export function requireFreeTableName(doc: SchemaDocument, table: Table): void {
  requireFreeTypeName(doc, table.id, table.name);
  const db = table.dbName ?? table.name;
  const other = Object.values(doc.tables).find((t) => t.id !== table.id && (t.namespace ?? '') === (table.namespace ?? '') && (t.dbName ?? t.name) === db);
  if (other) throw new CommandError(`table ${other.name} already has the database name ${db}`);
}

/** The names of a table's relation fields that the document names (the others are named on export, clear of every column). */
export function relationFieldNames(doc: SchemaDocument, tableId: Id): Set<string> {
  const out = new Set<string>();
  for (const r of Object.values(doc.relations)) {
    const fields = r.kind === 'foreign-key' ? [r.from.table === tableId && r.fromField, r.to.table === tableId && r.toField] : [r.a.table === tableId && r.a.field, r.b.table === tableId && r.b.field];
    for (const f of fields) if (f) out.add(f.name);
  }
  return out;
}

/** Refuses a column name one of the table's relation fields has (a model's fields share one namespace). */
export function requireFreeFieldName(doc: SchemaDocument, tableId: Id, name: string): void {
  if (relationFieldNames(doc, tableId).has(name)) {
    throw new CommandError(`table ${doc.tables[tableId]?.name ?? tableId} already has a relation field ${name} (rename that relation field in the Prisma text first)`);
  }
}
