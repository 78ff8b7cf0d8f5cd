/**
 * Names a table or column command may give: a Prisma identifier (the document's model and field
 * names are Prisma's), not one another table, view or enum has, and a database name no other table
 * of the schema has. Any database name can be set beside a name (`@@map`, `@map`).
 */
import type { Id, SchemaDocument, Table } from '../../schema/types';
import { CommandError } from '../command';

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Refuses a name Prisma cannot use as a model or field name. */
export function requireIdentifier(what: 'table' | 'column', name: string): void {
  if (!name.trim()) throw new CommandError(`a ${what} name cannot be empty`);
  if (!IDENTIFIER.test(name)) {
    throw new CommandError(`"${name}" cannot be a ${what} name: names start with a letter and hold only letters, digits and underscores (set any other name as the database ${what} name)`);
  }
}

/** Refuses a table's new name or database name when another table, view or enum has it (the database name: another table of its schema). */
export function requireFreeTableName(doc: SchemaDocument, table: Table): void {
  const taken = (id: Id, name: string) => id !== table.id && name === table.name;
  if (Object.values(doc.tables).some((t) => taken(t.id, t.name)) || Object.values(doc.views).some((v) => taken(v.id, v.name)) || Object.values(doc.enums).some((e) => taken(e.id, e.name))) {
    throw new CommandError(`there is already a table, view or enum named ${table.name}`);
  }
  const db = table.dbName ?? table.name;
  const other = Object.values(doc.tables).find((t) => t.id !== table.id && (t.namespace ?? '') === (table.namespace ?? '') && (t.dbName ?? t.name) === db);
  if (other) throw new CommandError(`table ${other.name} already has the database name ${db}`);
}
