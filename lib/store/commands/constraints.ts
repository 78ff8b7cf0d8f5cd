import { command, CommandError, type Command } from '../command';
import { withTable } from './helpers';
import type { Check, Id, Index, PrimaryKey } from '../../schema/types';

export function setPrimaryKey(tableId: Id, pk: PrimaryKey | undefined): Command {
  return command('table/primary-key', 'Change primary key', (doc) =>
    withTable(doc, tableId, (t) => {
      const next = { ...t, primaryKey: pk };
      if (!pk) delete next.primaryKey;
      return next;
    }),
  );
}

/** Adds or removes a column from the primary key (a composite key when several are on). */
export function togglePrimaryKeyColumn(tableId: Id, columnId: Id, on: boolean): Command {
  return command('table/primary-key', on ? 'Add to primary key' : 'Remove from primary key', (doc) =>
    withTable(doc, tableId, (t) => {
      const cols = t.primaryKey?.columns ?? [];
      const has = cols.some((c) => c.column === columnId);
      if (has === on) return t;
      const columns = on ? [...cols, { column: columnId }] : cols.filter((c) => c.column !== columnId);
      const next = { ...t, primaryKey: columns.length ? { ...t.primaryKey, columns } : undefined };
      if (!next.primaryKey) delete next.primaryKey;
      // A key column cannot be nullable.
      if (on) next.columns = t.columns.map((c) => (c.id === columnId && c.nullable ? { ...c, nullable: false } : c));
      return next;
    }),
  );
}

/** PostgreSQL builds unique indexes with btree only (hash, gist, gin, brin and spgist cannot enforce one). */
function requireUniqueMethod(ix: Pick<Index, 'unique' | 'method'>): void {
  if (ix.unique && ix.method && ix.method.toLowerCase() !== 'btree') {
    throw new CommandError(`a unique index uses btree: PostgreSQL cannot make a unique ${ix.method} index`);
  }
}

export function addIndex(tableId: Id, index: Index): Command {
  return command('index/add', index.unique ? 'Add unique constraint' : 'Add index', (doc) =>
    withTable(doc, tableId, (t) => {
      if (!index.columns.length) throw new CommandError('an index needs at least one column');
      requireUniqueMethod(index);
      return { ...t, indexes: [...t.indexes, index] };
    }),
  );
}

export function updateIndex(tableId: Id, indexId: Id, patch: Partial<Omit<Index, 'id'>>): Command {
  return command('index/update', 'Edit index', (doc) =>
    withTable(doc, tableId, (t) => {
      if (patch.columns && !patch.columns.length) throw new CommandError('an index needs at least one column');
      const was = t.indexes.find((ix) => ix.id === indexId);
      if (was && ('unique' in patch || 'method' in patch)) requireUniqueMethod({ ...was, ...patch });
      return { ...t, indexes: t.indexes.map((ix) => (ix.id === indexId ? { ...ix, ...patch } : ix)) };
    }),
  );
}

export function deleteIndex(tableId: Id, indexId: Id): Command {
  return command('index/delete', 'Delete index', (doc) =>
    withTable(doc, tableId, (t) => ({ ...t, indexes: t.indexes.filter((ix) => ix.id !== indexId) })),
  );
}

/** Makes a single column unique or not (a one-column unique index, Prisma `@unique`). */
export function setColumnUnique(tableId: Id, columnId: Id, unique: boolean, newIndexId: Id): Command {
  return command('column/unique', unique ? 'Make unique' : 'Make not unique', (doc) =>
    withTable(doc, tableId, (t) => {
      const single = (ix: Index) => ix.unique && ix.columns.length === 1 && ix.columns[0].column === columnId;
      const has = t.indexes.some(single);
      if (has === unique) return t;
      return {
        ...t,
        indexes: unique ? [...t.indexes, { id: newIndexId, unique: true, columns: [{ column: columnId }] }] : t.indexes.filter((ix) => !single(ix)),
      };
    }),
  );
}

export function addCheck(tableId: Id, check: Check): Command {
  return command('check/add', 'Add check constraint', (doc) =>
    withTable(doc, tableId, (t) => {
      if (!check.expression.trim()) throw new CommandError('a check needs an expression');
      return { ...t, checks: [...t.checks, check] };
    }),
  );
}

export function updateCheck(tableId: Id, checkId: Id, patch: Partial<Omit<Check, 'id'>>): Command {
  return command('check/update', 'Edit check constraint', (doc) =>
    withTable(doc, tableId, (t) => ({ ...t, checks: t.checks.map((c) => (c.id === checkId ? { ...c, ...patch } : c)) })),
  );
}

export function deleteCheck(tableId: Id, checkId: Id): Command {
  return command('check/delete', 'Delete check constraint', (doc) =>
    withTable(doc, tableId, (t) => ({ ...t, checks: t.checks.filter((c) => c.id !== checkId) })),
  );
}
