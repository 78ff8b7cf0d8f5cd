/**
 * Column edits on the canvas follow PostgreSQL's ALTER TABLE: the DDL after the edit must build what
 * the original script, then the same ALTER TABLE, builds (PGlite judges).
 */
import { describe, it } from 'vitest';
import { expectDdlBuilds, importedCleanly } from './testing/edit-case';
import { createColumn, tableByName } from '../schema/document';
import type { SchemaDocument } from '../schema/types';
import { addColumn, deleteColumn, updateColumn } from '../store/commands';

const SCRIPT = `CREATE TABLE sale (id int NOT NULL, at date NOT NULL, note text, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
CREATE TABLE sale_2024 PARTITION OF sale FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE INDEX sale_note ON sale (note);
COMMENT ON INDEX sale_2024_note_idx IS 'the partition''s index';
CREATE TABLE pair (id int PRIMARY KEY, a int, b int, "desc" text, CONSTRAINT pair_order CHECK (a < b));
CREATE INDEX pair_sum ON pair ((a + b));
CREATE INDEX pair_sort ON pair (id DESC NULLS LAST);
ALTER TABLE pair ADD CONSTRAINT pair_a UNIQUE (a) DEFERRABLE;
CREATE TABLE shape (id int PRIMARY KEY, w int, h int, area int GENERATED ALWAYS AS (w * h) STORED, CHECK (area >= 0));
CREATE INDEX shape_big ON shape (id) WHERE area > 100;
`;

const imported = () => importedCleanly(SCRIPT);

const expectCatalog = (doc: SchemaDocument, sql: string) => expectDdlBuilds(doc, SCRIPT, sql);

const column = (doc: SchemaDocument, table: string, name: string) => {
  const t = tableByName(doc, table)!;
  return { t: t.id, c: t.columns.find((c) => c.name === name)!.id };
};

describe('column edits follow PostgreSQL', () => {
  const cases: [string, (doc: SchemaDocument) => SchemaDocument, string][] = [
    ['a partitioned table column renamed', (d) => { const { t, c } = column(d, 'sale', 'note'); return updateColumn(t, c, { name: 'memo' }).apply(d); }, 'ALTER TABLE sale RENAME COLUMN note TO memo;'],
    ['a partitioned table column made required', (d) => { const { t, c } = column(d, 'sale', 'note'); return updateColumn(t, c, { nullable: false }).apply(d); }, 'ALTER TABLE sale ALTER COLUMN note SET NOT NULL;'],
    ['a partitioned table column added', (d) => addColumn(tableByName(d, 'sale')!.id, createColumn('extra', { kind: 'Int' }, undefined, { nullable: true })).apply(d), 'ALTER TABLE sale ADD COLUMN extra integer;'],
    ['a partitioned table column deleted', (d) => { const { t, c } = column(d, 'sale', 'note'); return deleteColumn(t, c).apply(d); }, 'ALTER TABLE sale DROP COLUMN note;'],
    ['a partitioned table column given a collation', (d) => { const { t, c } = column(d, 'sale', 'note'); return updateColumn(t, c, { collation: 'pg_catalog."C"' }).apply(d); }, // PostgreSQL rebuilds the partition's index and loses its comment; the document keeps it.
      'ALTER TABLE sale ALTER COLUMN note TYPE text COLLATE "C"; COMMENT ON INDEX sale_2024_note_idx IS \'the partition\'\'s index\';'],
    ['a column named like an index option deleted', (d) => { const { t, c } = column(d, 'pair', 'desc'); return deleteColumn(t, c).apply(d); }, 'ALTER TABLE pair DROP COLUMN "desc";'],
    ['the partition key renamed', (d) => { const { t, c } = column(d, 'sale', 'at'); return updateColumn(t, c, { name: 'day' }).apply(d); }, 'ALTER TABLE sale RENAME COLUMN at TO day;'],
    ['a column in a check and an expression index kept as SQL renamed', (d) => { const { t, c } = column(d, 'pair', 'a'); return updateColumn(t, c, { name: 'low' }).apply(d); }, 'ALTER TABLE pair RENAME COLUMN a TO low;'],
    ['a column in a check and an expression index kept as SQL deleted', (d) => { const { t, c } = column(d, 'pair', 'a'); return deleteColumn(t, c).apply(d); }, 'ALTER TABLE pair DROP COLUMN a;'],
    ['a column a generated column reads renamed', (d) => { const { t, c } = column(d, 'shape', 'w'); return updateColumn(t, c, { name: 'width' }).apply(d); }, 'ALTER TABLE shape RENAME COLUMN w TO width;'],
    ['a column a generated column reads deleted', (d) => { const { t, c } = column(d, 'shape', 'w'); return deleteColumn(t, c).apply(d); }, 'ALTER TABLE shape DROP COLUMN w CASCADE;'],
  ];
  it.for(cases)('%s', { timeout: 60_000 }, async ([, edit, sql]) => {
    await expectCatalog(edit(await imported()), sql);
  });
});
