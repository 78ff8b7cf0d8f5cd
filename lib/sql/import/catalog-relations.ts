/** Relations of an imported schema: Prisma's implicit many-to-many join tables, and relation names as `prisma db pull` gives them. */
import { columnMayBeNull } from '../../schema/document';
import type { IdGenerator } from '../../schema/ids';
import type { Column, ForeignKeyRelation, Id, ManyToManyRelation, SchemaDocument, Table } from '../../schema/types';
import { joinTable } from '../ddl/model';
import { foreignKeyName, indexName, primaryKeyName } from '../ddl/names';
import type { R } from './catalog-read';
import { FIELD_NAMES, NameScope, prismaIdentifier } from './names';
import type { LateRaw } from './to-document';
/**
 * A table that is Prisma's implicit many-to-many join table: `_<A>To<B>` (or `_<relation name>`) with
 * columns A and B referencing the two models' single-column keys, exactly as the DDL builder writes
 * it for that relation (names, key, index, cascades), so that PostgreSQL DDL gives it back as it was.
 * A self-relation's too (fields `_A`, `_B`).
 */
export function implicitManyToMany(doc: SchemaDocument, t: Table, fks: { rel: ForeignKeyRelation; con: R }[], lateRaw: LateRaw[], ids: IdGenerator): { rel: ManyToManyRelation; fks: { rel: ForeignKeyRelation; con: R }[] } | undefined {
  const name = t.dbName ?? t.name;
  if (!name.startsWith('_') || t.columns.length !== 2 || t.checks.length || t.comment || t.indexes.length !== 1) return undefined;
  const [ca, cb] = t.columns;
  const plain = (c: Column, n: string) => (c.dbName ?? c.name) === n && !c.nullable && !c.default && !c.identity && !c.generated && !c.collation && !c.comment && !c.type.array;
  if (!plain(ca, 'A') || !plain(cb, 'B')) return undefined;
  if (fks.some((f) => f.rel.to.table === t.id) || lateRaw.some((r) => r.text.includes(`"${name}"`))) return undefined;
  const own = fks.filter((f) => f.rel.from.table === t.id);
  const fa = own.find((f) => f.rel.from.columns.join() === ca.id);
  const fb = own.find((f) => f.rel.from.columns.join() === cb.id);
  if (own.length !== 2 || !fa || !fb) return undefined;
  const [p, q] = [doc.tables[fa.rel.to.table], doc.tables[fb.rel.to.table]];
  if (p.name > q.name || p.namespace !== t.namespace) return undefined;
  // A self-relation is always named (Prisma needs the name to pair its two fields); its A side is
  // the field whose name sorts first (see joinTable), as the names given to its fields keep it.
  const self = p === q;
  const rel: ManyToManyRelation = {
    id: ids('rel'),
    kind: 'many-to-many',
    ...(self || name !== `_${p.name}To${q.name}` ? { name: name.slice(1) } : {}),
    a: { table: p.id, field: { name: self ? 'A' : '', list: true } },
    b: { table: q.id, field: { name: self ? 'B' : '', list: true } },
  };
  const j = joinTable(doc, rel);
  if (!j) return undefined;
  const key = (c: Column) => JSON.stringify({ ...c.type, array: undefined });
  const [ja, jb] = j.table.columns;
  const [ra, rb] = j.relations;
  const ix = t.indexes[0];
  const same =
    key(ca) === key(ja) && key(cb) === key(jb) &&
    t.primaryKey?.columns.map((c) => c.column).join() === `${ca.id},${cb.id}` && (t.primaryKey.dbName ?? primaryKeyName(name)) === j.table.primaryKey!.dbName &&
    !ix.unique && !ix.where && !ix.method && ix.columns.length === 1 && ix.columns[0].column === cb.id && !ix.columns[0].sort && (ix.dbName ?? indexName(name, ['B'], false)) === j.table.indexes[0].dbName &&
    [[fa.rel, ra], [fb.rel, rb]].every(([f, r]) => (f.dbName ?? foreignKeyName(name, [f === fa.rel ? 'A' : 'B'])) === r.dbName && f.onDelete === 'cascade' && f.onUpdate === 'cascade' && !f.deferrable && f.to.columns.join() === r.to.columns.join());
  return same ? { rel, fks: [fa, fb] } : undefined;
}

/**
 * Relation names and relation field names as `prisma db pull` gives them. Relations between two
 * models are ambiguous when another relation joins the same two (a key on other columns, a
 * many-to-many), or when a key's column has the name its relation field would get (the other
 * model's). Then a key's relation is named `<Model>_<columns>To<Other>` and its fields
 * `<Other>_<relation>` and `<Model>_<relation>`; a many-to-many's fields get its table's name
 * (`Tag_Featured`). A self-relation's back field starts with `other_`; a self many-to-many's fields
 * end in `_A` and `_B` (their order keeps which side is A: see joinTable).
 */
export function nameRelations(doc: SchemaDocument, rels: ForeignKeyRelation[], m2m: ManyToManyRelation[], scopes: Map<Id, NameScope>, uniqueSets: Map<Id, Set<string>>): void {
  const pairKey = (a: Id, b: Id) => (a < b ? `${a}|${b}` : `${b}|${a}`);
  const ambiguous = new Set<string>();
  // The keys between each two tables, by their columns (a second key on the same columns is no second relation).
  const keys = new Map<string, Set<string>>();
  for (const r of rels) {
    const k = pairKey(r.from.table, r.to.table);
    (keys.get(k) ?? keys.set(k, new Set()).get(k)!).add(r.from.columns.join());
    const from = doc.tables[r.from.table];
    if (r.from.columns.some((id) => from.columns.find((c) => c.id === id)?.name === doc.tables[r.to.table].name)) ambiguous.add(k);
  }
  for (const [k, cols] of keys) if (cols.size > 1) ambiguous.add(k);
  const joins = new Map<string, number>();
  for (const m of m2m) {
    const k = pairKey(m.a.table, m.b.table);
    joins.set(k, (joins.get(k) ?? 0) + 1);
    if (keys.has(k)) ambiguous.add(k);
  }
  for (const [k, n] of joins) if (n > 1) ambiguous.add(k);
  const scope = (id: Id) => scopes.get(id) ?? scopes.set(id, new NameScope([], FIELD_NAMES)).get(id)!;
  const claim = (id: Id, name: string) => scope(id).claim(prismaIdentifier(name, 'f'), `${prismaIdentifier(name, 'f')}_rel`);
  for (const r of rels) {
    const from = doc.tables[r.from.table];
    const to = doc.tables[r.to.table];
    const other = from === to ? 'other_' : '';
    let [fwd, back] = [to.name, `${other}${from.name}`];
    if (ambiguous.has(pairKey(from.id, to.id))) {
      r.name = `${from.name}_${r.from.columns.map((id) => from.columns.find((c) => c.id === id)!.name).join('_')}To${to.name}`;
      [fwd, back] = [`${to.name}_${r.name}`, `${other}${from.name}_${r.name}`];
    } else if (from === to) r.name = `${from.name}To${to.name}`;
    const optional = r.from.columns.some((id) => columnMayBeNull(from, id));
    // Prisma wants the same fields in the same order as a unique criterion for a one-to-one.
    const oneToOne = uniqueSets.get(from.id)?.has(r.from.columns.join()) ?? false;
    r.fromField = { name: claim(from.id, fwd), ...(optional ? { optional: true } : {}) };
    r.toField = { name: claim(to.id, back), ...(oneToOne ? { optional: true } : { list: true }) };
  }
  for (const m of m2m) {
    const [a, b] = [doc.tables[m.a.table], doc.tables[m.b.table]];
    const table = `_${m.name ?? `${a.name}To${b.name}`}`;
    let suffix = '';
    if (ambiguous.has(pairKey(a.id, b.id))) {
      m.name = table.slice(1);
      suffix = table;
    }
    const self = a === b;
    m.a.field.name = claim(a.id, `${b.name}${suffix}${self ? '_A' : ''}`);
    m.b.field.name = claim(b.id, `${a.name}${suffix}${self ? '_B' : ''}`);
  }
}
