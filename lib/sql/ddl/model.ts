/**
 * Resolves the document into what the builder renders: database names, implicit m:n join tables
 * as ordinary tables, and Prisma's referential-action defaults.
 */
import { columnMayBeNull, createColumn } from '../../schema/document';
import { cutBytes } from './names';
import type { Column, ForeignKeyRelation, ManyToManyRelation, ReferentialAction, SchemaDocument, Table } from '../../schema/types';

export interface JoinTable {
  table: Table;
  /** Foreign keys of the join table (A → model A, B → model B). */
  relations: ForeignKeyRelation[];
}

const fixedIds = (prefix: string) => (p: string) => `${p}_${prefix}`;

/** Prisma's implicit m:n table `_<A>To<B>` (or `_<relation name>`), A being the model that sorts first. */
export function joinTable(doc: SchemaDocument, rel: ManyToManyRelation): JoinTable | undefined {
  let a = doc.tables[rel.a.table];
  let b = doc.tables[rel.b.table];
  if (!a || !b) return undefined;
  if (a.name > b.name || (a.name === b.name && rel.a.field.name > rel.b.field.name)) [a, b] = [b, a];
  const pkOf = (t: Table): Column | undefined => {
    const id = t.primaryKey?.columns.length === 1 ? t.primaryKey.columns[0].column : undefined;
    return t.columns.find((c) => c.id === id);
  };
  const pa = pkOf(a);
  const pb = pkOf(b);
  if (!pa || !pb) return undefined;
  const name = `_${rel.name ?? `${a.name}To${b.name}`}`;
  const id = `tbl_${rel.id.replace(/^[a-z]+_/, '')}_join`;
  const colType = (c: Column) => ({ ...c.type, array: false });
  const ca = createColumn('A', colType(pa), fixedIds(`${id}_A`));
  const cb = createColumn('B', colType(pb), fixedIds(`${id}_B`));
  const table: Table = {
    id,
    name,
    namespace: a.namespace,
    columns: [ca, cb],
    // Prisma cuts the name so that each of these fits PostgreSQL's 63 bytes.
    primaryKey: { dbName: `${cutBytes(name, 55)}_AB_pkey`, columns: [{ column: ca.id }, { column: cb.id }] },
    indexes: [{ id: `idx_${id}_B`, dbName: `${cutBytes(name, 55)}_B_index`, unique: false, columns: [{ column: cb.id }] }],
    checks: [],
  };
  const fk = (col: Column, to: Table, toCol: Column, side: string): ForeignKeyRelation => ({
    id: `rel_${id}_${side}`,
    kind: 'foreign-key',
    dbName: `${cutBytes(name, 56)}_${side}_fkey`,
    from: { table: id, columns: [col.id] },
    to: { table: to.id, columns: [toCol.id] },
    onDelete: 'cascade',
    onUpdate: 'cascade',
  });
  return { table, relations: [fk(ca, a, pa, 'A'), fk(cb, b, pb, 'B')] };
}

/** Prisma's defaults: ON DELETE RESTRICT (a required column) / SET NULL (all optional), ON UPDATE CASCADE. */
export function referentialActions(doc: SchemaDocument, rel: ForeignKeyRelation): { onDelete: ReferentialAction; onUpdate: ReferentialAction } {
  // Prisma looks at the scalar fields: any required one makes the relation required.
  const t = doc.tables[rel.from.table];
  const optional = rel.from.columns.every((id) => columnMayBeNull(t, id));
  return { onDelete: rel.onDelete ?? (optional ? 'set-null' : 'restrict'), onUpdate: rel.onUpdate ?? 'cascade' };
}

export const ACTION_SQL: Record<ReferentialAction, string> = {
  cascade: 'CASCADE',
  restrict: 'RESTRICT',
  'no-action': 'NO ACTION',
  'set-null': 'SET NULL',
  'set-default': 'SET DEFAULT',
};

/** Unquotes a Prisma string argument (`"gen_random_uuid()"`), or returns the text as is. */
export function prismaStringArg(arg: string | undefined): string | undefined {
  if (arg === undefined) return undefined;
  const t = arg.trim();
  if (t.startsWith('"') && t.endsWith('"')) {
    try {
      return JSON.parse(t) as string;
    } catch {
      return t.slice(1, -1).replace(/\\"/g, '"');
    }
  }
  return t;
}
