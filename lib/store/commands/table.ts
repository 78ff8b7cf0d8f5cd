import { command, CommandError, type Command } from '../command';
import { omitKeys, requireTable, without, withTable } from './helpers';
import type { Id, NodeLayout, SchemaDocument, Table } from '../../schema/types';
import { followEdit } from '../../sql/follow';
import { defaultNamespaceId } from '../../schema/document';
import { rawOnTables } from '../../sql/raw-subjects';
import { requireFreeTableName, requireIdentifier } from './names';

export function addTable(table: Table, position?: NodeLayout): Command {
  return command('table/add', `Add table ${table.name}`, (doc) => {
    if (doc.tables[table.id]) throw new CommandError(`table id ${table.id} already exists`);
    if (table.namespace && !doc.namespaces[table.namespace]) throw new CommandError(`no schema ${table.namespace}`);
    // In a document with schemas, a table goes to one (the default), as Prisma's multiSchema requires.
    const ns = table.namespace ?? defaultNamespaceId(doc);
    return {
      ...doc,
      tables: { ...doc.tables, [table.id]: ns ? { ...table, namespace: ns } : table },
      layout: position ? { ...doc.layout, nodes: { ...doc.layout.nodes, [table.id]: position } } : doc.layout,
    };
  });
}

/** The SQL kept on a table renamed or moved (its triggers, policies, views, ...) follows it, as in PostgreSQL. */
const followRename = followEdit;

export function renameTable(tableId: Id, name: string): Command {
  return command('table/rename', `Rename table to ${name}`, (doc) => {
    return followRename(doc, withTable(doc, tableId, (t) => (t.name === name ? t : named(doc, { ...t, name }, true))));
  });
}

export function updateTable(tableId: Id, patch: Partial<Omit<Table, 'id' | 'columns'>>): Command {
  return command('table/update', 'Edit table', (doc) =>
    followRename(doc, withTable(doc, tableId, (t) => {
      if ('namespace' in patch && patch.namespace !== t.namespace) {
        if (patch.namespace ? !doc.namespaces[patch.namespace] : Object.keys(doc.namespaces).length) throw new CommandError('a table of a document with schemas needs one of them');
      }
      const renamed = (patch.name !== undefined && patch.name !== t.name) || ('dbName' in patch && patch.dbName !== t.dbName) || ('namespace' in patch && patch.namespace !== t.namespace);
      return renamed ? named(doc, { ...t, ...patch }, patch.name !== undefined && patch.name !== t.name) : { ...t, ...patch };
    })),
  );
}

/** A table given a new name or database name: refused when Prisma cannot use the name, or another has it. */
function named(doc: SchemaDocument, t: Table, newName: boolean): Table {
  if (newName) requireIdentifier('table', t.name);
  requireFreeTableName(doc, t);
  return t;
}

/** Deletes a table with its relations, its layout and its group memberships. */
export function deleteTable(tableId: Id): Command {
  return command('table/delete', 'Delete table', (doc) => {
    requireTable(doc, tableId);
    const relations = omitKeys(doc.relations, (_k, r) =>
      r.kind === 'foreign-key'
        ? r.from.table === tableId || r.to.table === tableId
        : r.a.table === tableId || r.b.table === tableId,
    );
    const groups = Object.fromEntries(
      Object.entries(doc.layout.groups).map(([k, g]) =>
        g.tableIds.includes(tableId) ? [k, { ...g, tableIds: g.tableIds.filter((t) => t !== tableId) }] : [k, g],
      ),
    );
    // Its triggers, policies, indexes kept as SQL, ... go with it, as in PostgreSQL's DROP TABLE.
    const raws = new Set(rawOnTables(doc, new Set([tableId])));
    // And so do the views that read it (DROP TABLE ... CASCADE).
    return followEdit(doc, {
      ...doc,
      tables: without(doc.tables, tableId),
      relations,
      raw: raws.size ? omitKeys(doc.raw, (k) => raws.has(k)) : doc.raw,
      layout: { ...doc.layout, nodes: without(doc.layout.nodes, tableId), groups },
    });
  });
}
