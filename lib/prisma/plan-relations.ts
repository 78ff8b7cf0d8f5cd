/**
 * Which relation fields each model prints. Relations made outside Prisma may lack field names
 * (`fromField`/`toField`) or need a relation name to be unambiguous; both are filled in here,
 * deterministically, without touching the document.
 */
import type { ForeignKeyRelation, Id, Relation, RelationField, SchemaDocument } from '../schema/types';
import { columnMayBeNull } from '../schema/document';
import { quote } from './lexer';

const ACTIONS = { cascade: 'Cascade', restrict: 'Restrict', 'no-action': 'NoAction', 'set-null': 'SetNull', 'set-default': 'SetDefault' } as const;

export interface PlannedField {
  key: string;
  field: RelationField;
  /** The model the field points to. */
  target: Id;
  /** `@relation(...)` arguments, already printed. */
  args: string[];
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

function fkArgs(r: ForeignKeyRelation, name: string | undefined, doc: SchemaDocument): string[] {
  const col = (t: Id, c: Id) => doc.tables[t]?.columns.find((x) => x.id === c)?.name ?? c;
  const args: string[] = [];
  if (name) args.push(quote(name));
  args.push(`fields: [${r.from.columns.map((c) => col(r.from.table, c)).join(', ')}]`);
  args.push(`references: [${r.to.columns.map((c) => col(r.to.table, c)).join(', ')}]`);
  if (r.onDelete) args.push(`onDelete: ${ACTIONS[r.onDelete]}`);
  if (r.onUpdate) args.push(`onUpdate: ${ACTIONS[r.onUpdate]}`);
  if (r.dbName) args.push(`map: ${quote(r.dbName)}`);
  return args;
}

/** Whether the from columns are unique on their own (then the back side is a single optional field). */
function oneToOne(r: ForeignKeyRelation, doc: SchemaDocument): boolean {
  const t = doc.tables[r.from.table];
  const same = (cols: { column?: Id }[]) => cols.length === r.from.columns.length && cols.every((c) => c.column && r.from.columns.includes(c.column));
  return !!t && (same(t.primaryKey?.columns ?? []) || t.indexes.some((ix) => ix.unique && same(ix.columns)));
}

export function planRelations(doc: SchemaDocument): Map<Id, PlannedField[]> {
  const rels = Object.values(doc.relations).filter((r) =>
    r.kind === 'foreign-key' ? doc.tables[r.from.table] && doc.tables[r.to.table] : doc.tables[r.a.table] && doc.tables[r.b.table],
  );
  const pair = (r: Relation) => {
    const [x, y] = r.kind === 'foreign-key' ? [r.from.table, r.to.table] : [r.a.table, r.b.table];
    return x < y ? `${x}|${y}` : `${y}|${x}`;
  };
  const perPair = new Map<string, number>();
  for (const r of rels) if (!r.name) perPair.set(pair(r), (perPair.get(pair(r)) ?? 0) + 1);
  // Names already taken in each table: columns and named relation fields.
  const taken = new Map<Id, Set<string>>();
  const names = (t: Id) => {
    let s = taken.get(t);
    if (!s) taken.set(t, (s = new Set(doc.tables[t].columns.map((c) => c.name))));
    return s;
  };
  for (const r of rels) {
    if (r.kind === 'foreign-key') {
      if (r.fromField) names(r.from.table).add(r.fromField.name);
      if (r.toField) names(r.to.table).add(r.toField.name);
    } else {
      names(r.a.table).add(r.a.field.name);
      names(r.b.table).add(r.b.field.name);
    }
  }
  const fresh = (t: Id, base: string) => {
    const s = names(t);
    let name = base;
    for (let i = 2; s.has(name); i++) name = `${base}${i}`;
    s.add(name);
    return name;
  };
  const out = new Map<Id, PlannedField[]>();
  const push = (t: Id, f: PlannedField) => {
    const list = out.get(t) ?? [];
    list.push(f);
    out.set(t, list);
  };
  for (const r of rels) {
    const ambiguous = !r.name && (perPair.get(pair(r)) ?? 0) > 1;
    if (r.kind === 'foreign-key') {
      const from = r.fromField ?? {
        name: fresh(r.from.table, lowerFirst(doc.tables[r.to.table].name)),
        ...(r.from.columns.some((c) => columnMayBeNull(doc.tables[r.from.table], c)) ? { optional: true } : {}),
      };
      const one = oneToOne(r, doc);
      const to = r.toField ?? {
        name: fresh(r.to.table, lowerFirst(doc.tables[r.from.table].name) + (one ? '' : 's')),
        ...(one ? { optional: true } : { list: true }),
      };
      const name = r.name ?? (ambiguous ? `${doc.tables[r.from.table].name}_${from.name}` : undefined);
      push(r.from.table, { key: `r:${r.id}:from`, field: from, target: r.to.table, args: fkArgs(r, name, doc) });
      push(r.to.table, { key: `r:${r.id}:to`, field: to, target: r.from.table, args: name ? [quote(name)] : [] });
    } else {
      const args = r.name ? [quote(r.name)] : [];
      push(r.a.table, { key: `r:${r.id}:a`, field: { ...r.a.field, list: true, optional: false }, target: r.b.table, args });
      push(r.b.table, { key: `r:${r.id}:b`, field: { ...r.b.field, list: true, optional: false }, target: r.a.table, args });
    }
  }
  return out;
}
