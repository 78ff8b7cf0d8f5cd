import { command, CommandError, type Command } from '../command';
import { without } from './helpers';
import type { Enum, Id } from '../../schema/types';
import { followEdit } from '../../sql/follow';
import { defaultNamespaceId } from '../../schema/document';
import { valuesInUse } from '../../sql/follow-enums';
import { requireFreeTypeName, requireIdentifier } from './names';

export function addEnum(en: Enum): Command {
  return command('enum/add', `Add enum ${en.name}`, (doc) => {
    requireIdentifier('enum', en.name);
    requireFreeTypeName(doc, en.id, en.name);
    for (const v of en.values) requireIdentifier('enum value', v.name);
    // In a document with schemas, an enum goes to one (the default), as Prisma's multiSchema requires.
    const ns = en.namespace ?? defaultNamespaceId(doc);
    return { ...doc, enums: { ...doc.enums, [en.id]: ns ? { ...en, namespace: ns } : en } };
  });
}

export function updateEnum(enumId: Id, patch: Partial<Omit<Enum, 'id'>>): Command {
  return command('enum/update', 'Edit enum', (doc) => {
    const en = doc.enums[enumId];
    if (!en) throw new CommandError(`no enum ${enumId}`);
    if (patch.name !== undefined && patch.name !== en.name) {
      requireIdentifier('enum', patch.name);
      requireFreeTypeName(doc, enumId, patch.name);
    }
    if (patch.values) {
      const names = patch.values.map((v) => v.name);
      if (names.some((n) => !n.trim())) throw new CommandError('an enum value cannot be empty');
      if (new Set(names).size !== names.length) throw new CommandError('enum values must be unique');
      // New and renamed values are Prisma identifiers (a value imported under another database name has its @map).
      const was = new Map(en.values.map((v) => [v.id, v.name]));
      for (const v of patch.values) if (was.get(v.id) !== v.name) requireIdentifier('enum value', v.name);
      // A value in use does not go silently: PostgreSQL has no DROP VALUE, and what uses it would no longer run.
      const kept = new Set(patch.values.map((v) => v.id));
      const removed = en.values.filter((v) => !kept.has(v.id)).map((v) => v.name);
      const refused = valuesInUse(doc, en, removed);
      if (refused) throw new CommandError(refused);
    }
    // Renames follow into defaults and the SQL kept, as ALTER TYPE ... RENAME does.
    return followEdit(doc, { ...doc, enums: { ...doc.enums, [enumId]: { ...en, ...patch } } });
  });
}

/** Deletes an enum; columns of that type become String (text) so the document stays valid, and so does the type wherever SQL names it. */
export function deleteEnum(enumId: Id): Command {
  return command('enum/delete', 'Delete enum', (doc) => {
    if (!doc.enums[enumId]) throw new CommandError(`no enum ${enumId}`);
    const tables = Object.fromEntries(
      Object.entries(doc.tables).map(([id, t]) => {
        if (!t.columns.some((c) => c.type.enumId === enumId)) return [id, t];
        return [
          id,
          {
            ...t,
            columns: t.columns.map((c) => {
              if (c.type.enumId !== enumId) return c;
              const next = { ...c, type: { kind: 'String' as const, ...(c.type.array ? { array: true } : {}) } };
              // The value as the database has it (its @map), which the text column then holds.
              const label = (name: string) => { const v = doc.enums[enumId].values.find((x) => x.name === name); return v?.dbName ?? v?.name ?? name; };
              const d = next.default;
              if (d?.kind === 'enum') next.default = { kind: 'literal', value: label(d.value) };
              else if (d?.kind === 'list') next.default = { ...d, values: d.values.map((v) => (typeof v === 'string' ? label(v) : v)) };
              return next;
            }),
          },
        ];
      }),
    );
    // A view's columns of that type too: the view still gives them, as text.
    const views = Object.fromEntries(
      Object.entries(doc.views).map(([id, v]) =>
        v.columns?.some((c) => c.type.enumId === enumId)
          ? [id, { ...v, columns: v.columns.map((c) => (c.type.enumId === enumId ? { ...c, type: { kind: 'String' as const, ...(c.type.array ? { array: true } : {}) } } : c)) }]
          : [id, v],
      ),
    );
    return followEdit(doc, { ...doc, tables, views, enums: without(doc.enums, enumId), layout: { ...doc.layout, nodes: without(doc.layout.nodes, enumId) } });
  });
}
