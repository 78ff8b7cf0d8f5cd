/** The SQL module's trivia in `doc.sources.sql`: original statement order of imported objects. */
import type { Id, SchemaDocument } from '../schema/types';

export interface SqlSources {
  /** Statement index in the imported file, per table/view/raw id: export interleaves them in this order. */
  order?: Record<Id, number>;
  /**
   * Array columns that are NOT NULL. Prisma lists are always nullable in the database (`String[]`
   * has no `?`), so an array column is written NOT NULL only when listed here (SQL imports).
   */
  notNullArrays?: Id[];
}

export function sqlSources(doc: SchemaDocument): SqlSources {
  const s = doc.sources.sql;
  return typeof s === 'object' && s !== null ? (s as SqlSources) : {};
}
