/**
 * What follows an edit of a document's tables, as it follows ALTER TABLE and DROP ... CASCADE in
 * PostgreSQL: the checks, indexes, partitions and SQL kept on a table (follow-columns, raw-subjects),
 * and the views that read it (follow-views); and what names an enum, as it follows ALTER TYPE
 * (follow-enums). Every edit of tables goes through here: the canvas's
 * commands and the Prisma text's merge alike.
 */
import type { Id, SchemaDocument } from '../schema/types';
import { followColumnEdits } from './follow-columns';
import { followEnums } from './follow-enums';
import { followViews } from './follow-views';
import { followTableRenames } from './raw-subjects';

/** `after` (an edit of `before`) with what follows it. */
export function followEdit(before: SchemaDocument, after: SchemaDocument): SchemaDocument {
  if (after === before) return after;
  // Views before table renames: a view's text is followed from what it was, and the name of the table a
  // policy or trigger is on is left to followTableRenames.
  // Enums last: the SQL is read with the tables' and columns' names after the edit.
  return followEnums(followTableRenames(followViews(followColumnEdits(after, before), before).doc, before), before);
}

/** What an edit takes with it beyond what was asked (the ids in `asked`): relations, SQL kept, views. */
export function whatGoes(before: SchemaDocument, after: SchemaDocument, asked: ReadonlySet<string> = new Set()): { relations: number; raw: number; views: string[] } {
  const gone = <T>(was: Record<string, T>, now: Record<string, T>) => Object.keys(was).filter((id) => !now[id] && !asked.has(id));
  return {
    relations: gone(before.relations, after.relations).length,
    raw: gone(before.raw, after.raw).length,
    views: gone(before.views, after.views).map((id) => before.views[id].name),
  };
}

/**
 * What deleting a column takes with it that the editor asks about: views and SQL kept that read it,
 * and other tables' foreign keys that reference it (`DROP COLUMN` needs CASCADE for those). Its own
 * foreign key goes without asking, as in PostgreSQL. `after`: the document with the column deleted.
 */
export function whatGoesWithColumn(before: SchemaDocument, after: SchemaDocument, tableId: Id, columnId: Id): ReturnType<typeof whatGoes> {
  const referencing = Object.values(before.relations).filter((r) => r.kind === 'foreign-key' && r.to.table === tableId && r.to.columns.includes(columnId)).length;
  return { ...whatGoes(before, after), relations: referencing };
}

/** `what` in words: "2 relations, 1 SQL statement on it and the view v that reads it", or '' for nothing. */
export function goesInWords(what: ReturnType<typeof whatGoes>, subject: 'it' | 'them'): string {
  const n = (k: number, one: string) => `${k} ${one}${k > 1 ? 's' : ''}`;
  const views = what.views.length === 1 ? `the view ${what.views[0]}` : `the views ${what.views.slice(0, -1).join(', ')} and ${what.views.at(-1)}`;
  const parts = [
    what.relations ? n(what.relations, 'relation') : '',
    what.raw ? `${n(what.raw, 'SQL statement')} on ${subject} (triggers, policies, indexes, ...)` : '',
    what.views.length ? `${views} that read${what.views.length > 1 ? '' : 's'} ${subject}` : '',
  ].filter(Boolean);
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? '');
}
