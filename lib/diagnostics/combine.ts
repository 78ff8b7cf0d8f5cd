/**
 * The diagnostics panel's list: the design checks, then Prisma's validator less what only repeats
 * a design check. A foreign key whose column types differ, or whose target is not unique, is found
 * by both; the design check's entry names the column and stays, Prisma's echo of it goes.
 */
import type { DesignIssue } from './check';
import type { SchemaDocument } from '../schema/types';

/** What Prisma says for each design check it repeats, at the model holding the relation. */
const ECHOES: Partial<Record<DesignIssue['code'], (message: string, field: string | undefined) => boolean>> = {
  'type-mismatch': (m, field) => /is not matching the type of the referenced field/.test(m) && (!field || m.includes(`field \`${field}\` in the model`)),
  'not-unique-target': (m) => /must refer to a unique criterion/.test(m),
};

export function combineIssues(doc: SchemaDocument, design: DesignIssue[], prisma: DesignIssue[]): DesignIssue[] {
  const repeats = (p: DesignIssue) =>
    !!p.tableId &&
    design.some((d) => {
      const echo = ECHOES[d.code];
      if (!echo || d.tableId !== p.tableId) return false;
      const field = d.columnId ? doc.tables[p.tableId!]?.columns.find((c) => c.id === d.columnId)?.name : undefined;
      return echo(p.message, field);
    });
  return [...design, ...prisma.filter((p) => !repeats(p))];
}
