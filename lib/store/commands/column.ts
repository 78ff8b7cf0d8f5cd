import { command, CommandError, type Command } from '../command';
import { omitKeys, withTable } from './helpers';
import { followEdit } from '../../sql/follow';
import type { Column, Id } from '../../schema/types';
import { requireFreeFieldName, requireIdentifier } from './names';
import { defaultProblem, nativeArgsProblem } from '../../schema/column-values';

export function addColumn(tableId: Id, column: Column, index?: number): Command {
  return command('column/add', `Add column ${column.name}`, (doc) =>
    followEdit(doc, withTable(doc, tableId, (t) => {
      requireIdentifier('column', column.name);
      requireFreeFieldName(doc, tableId, column.name);
      if (t.columns.some((c) => c.name === column.name)) {
        throw new CommandError(`table ${t.name} already has a column ${column.name}`);
      }
      const columns = [...t.columns];
      columns.splice(index ?? columns.length, 0, column);
      return { ...t, columns };
    })),
  );
}

export function updateColumn(tableId: Id, columnId: Id, patch: Partial<Omit<Column, 'id'>>): Command {
  return command('column/update', 'Edit column', (doc) =>
    followEdit(doc, withTable(doc, tableId, (t) => {
      const i = t.columns.findIndex((c) => c.id === columnId);
      if (i < 0) throw new CommandError(`no column ${columnId} in table ${t.name}`);
      if (patch.name !== undefined && patch.name !== t.columns[i].name) {
        requireIdentifier('column', patch.name);
        requireFreeFieldName(doc, tableId, patch.name);
      }
      if (patch.name !== undefined && t.columns.some((c) => c.id !== columnId && c.name === patch.name)) {
        throw new CommandError(`table ${t.name} already has a column ${patch.name}`);
      }
      // The database name it has after the edit, when the edit changes it (a new name or database name).
      const was = t.columns[i];
      const after = { ...was, ...patch };
      const db = (after.dbName ?? after.name) !== (was.dbName ?? was.name) ? (after.dbName ?? after.name) : undefined;
      const clash = db && t.columns.find((c) => c.id !== columnId && (c.dbName ?? c.name) === db);
      if (clash) throw new CommandError(`table ${t.name} already has a column ${clash.name} named ${db} in the database`);
      // A length or default the edit sets is one PostgreSQL and Prisma take for the column's type.
      const problem =
        (patch.type && nativeArgsProblem(after.type)) ||
        ('default' in patch ? defaultProblem(after, after.type.enumId ? doc.enums[after.type.enumId]?.values.map((v) => v.name) : undefined) : undefined);
      if (problem) throw new CommandError(`${t.name}.${after.name}: ${problem}`);
      const columns = [...t.columns];
      columns[i] = { ...columns[i], ...patch };
      return { ...t, columns };
    })),
  );
}

/** Deletes a column, and the keys, indexes, checks and foreign keys that use it (as DROP COLUMN does). */
export function deleteColumn(tableId: Id, columnId: Id): Command {
  return command('column/delete', 'Delete column', (doc) => {
    const next = withTable(doc, tableId, (t) => {
      const uses = (cols: { column?: Id }[]) => cols.some((c) => c.column === columnId);
      const pkCols = t.primaryKey?.columns.filter((c) => c.column !== columnId);
      return {
        ...t,
        columns: t.columns.filter((c) => c.id !== columnId),
        primaryKey: pkCols && pkCols.length ? { ...t.primaryKey!, columns: pkCols } : undefined,
        indexes: t.indexes.filter((ix) => !uses(ix.columns)),
      };
    });
    return followEdit(doc, {
      ...next,
      relations: omitKeys(next.relations, (_k, r) =>
        r.kind === 'foreign-key' && (r.from.columns.includes(columnId) || r.to.columns.includes(columnId)),
      ),
    });
  });
}
