/**
 * The diagnostics panel's list: the design checks, then Prisma's validator less what only repeats
 * a design check. A foreign key whose column types differ, or whose target is not unique, is found
 * by both; the design check's entry names the column and stays, Prisma's echo of it goes.
 */
import type { DesignIssue } from './check';
import type { SchemaDocument } from '../schema/types';

/**
 * Whether Prisma's message repeats a design check, at the model holding the relation: the same field
 * whose type differs, or a reference to the same model that is not unique.
 */
const ECHOES: Partial<Record<DesignIssue['code'], (message: string, on: { field?: string; target?: string }) => boolean>> = {
  'type-mismatch': (m, { field }) => /is not matching the type of the referenced field/.test(m) && !!field && m.includes(`field \`${field}\` in the model`),
  'not-unique-target': (m, { target }) => /must refer to a unique criterion/.test(m) && !!target && m.includes(`in the model \`${target}\``),
};

/** Prisma's issues for `doc` less those that repeat one of its design checks. */
export function withoutEchoes(doc: SchemaDocument, design: DesignIssue[], prisma: DesignIssue[]): DesignIssue[] {
  const repeats = (p: DesignIssue) =>
    !!p.tableId &&
    design.some((d) => {
      const echo = ECHOES[d.code];
      if (!echo || d.tableId !== p.tableId) return false;
      const field = d.columnId ? doc.tables[p.tableId!]?.columns.find((c) => c.id === d.columnId)?.name : undefined;
      const relation = d.relationId ? doc.relations[d.relationId] : undefined;
      const target = relation?.kind === 'foreign-key' ? doc.tables[relation.to.table]?.name : undefined;
      return echo(p.message, { field, target });
    });
  return prisma.filter((p) => !repeats(p));
}
