/** What a view shows on the canvas: its rows, each a name and a type label. */
import { columnTypeLabel } from './column-edit';
import type { SchemaDocument, View } from './types';

export interface ViewRow {
  name: string;
  type: string;
}

/**
 * A view's rows: the columns the database gives it (a SQL import; optional, as a view's columns
 * are), else the fields its Prisma body declares (`name Type ...` lines, not comments or `@@`
 * attributes), as written.
 */
export function viewRows(doc: Pick<SchemaDocument, 'enums'>, view: View): ViewRow[] {
  if (view.columns?.length) return view.columns.map((c) => ({ name: c.name, type: columnTypeLabel(doc, { id: c.id, name: c.name, type: c.type, nullable: true }) }));
  return (view.prismaBody ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('//') && !l.startsWith('@@'))
    .map((l) => {
      const at = l.search(/\s/);
      return at < 0 ? { name: l, type: '' } : { name: l.slice(0, at), type: l.slice(at).trim().replace(/\s+/g, ' ') };
    });
}
