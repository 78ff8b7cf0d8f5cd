/**
 * An edit of a document's Prisma text, applied to the document.
 *
 * The Prisma text shows only what Prisma can express. A document imported from SQL also holds
 * checks, database comments, collations, domains, deferrable keys, the catalog's own text of
 * defaults, view definitions, partitions and raw SQL (functions, triggers, policies, ...), which
 * re-importing the edited text alone would drop. So the edit is merged three ways:
 *
 * - base: the document's own Prisma text imported again (what a Prisma round trip keeps);
 * - ours: the document;
 * - theirs: the edited text imported.
 *
 * All three are matched by id (`reconcile` gives the imports the document's ids, by name). Each field
 * takes the edited value where the edit changed it (theirs differs from base), else the document's.
 * Objects the round trip leaves out (in ours, not in base) stay. What the edit renames or removes is
 * followed as PostgreSQL's ALTER TABLE and DROP TABLE follow it (see follow-columns.ts and
 * raw-subjects.ts), as after the same edit on the canvas.
 */
import type { ImportResult, SourceFile } from '../formats/types';
import { sameContent } from '../schema/content';
import { DiagnosticError } from '../schema/diagnostics';
import { reconcile } from '../schema/reconcile';
import type { Enum, Id, Relation, SchemaDocument, Table, View } from '../schema/types';
import { partitionsOf } from '../sql/ddl/builder';
import { followEdit } from '../sql/follow';
import { valuesInUse } from '../sql/follow-enums';
import { rawOnTables } from '../sql/raw-subjects';
import { exportPrismaSync, prismaShown } from './export';
import { importPrismaSync } from './import';

/** The last document's Prisma text imported again (the layout plays no part: a move keeps it). */
let last: { doc: SchemaDocument; base: SchemaDocument } | undefined;

/**
 * Works out ahead what an edit of the document's Prisma text is merged against (the Prisma text
 * imported again), for a code panel to call while the user reads: the first edit then costs one
 * import, not two (at 1,000 models an import is about 0.2 s). Only for a document that holds what
 * Prisma cannot express: for another, the first edit works it out.
 */
export function preparePrismaEdit(doc: SchemaDocument): void {
  if (beyondPrisma(doc)) baseOf(doc);
}

/** Whether the document holds what its Prisma text leaves out (SQL trivia, raw SQL, checks, comments, ...). */
function beyondPrisma(doc: SchemaDocument): boolean {
  if (doc.sources.sql || Object.values(doc.raw).some((r) => r.dialect !== 'prisma')) return true;
  if (Object.values(doc.namespaces).some((n) => n.comment) || Object.values(doc.enums).some((e) => e.comment) || Object.values(doc.views).some((v) => v.comment || v.definition || v.columns)) return true;
  if (Object.values(doc.relations).some((r) => r.kind === 'foreign-key' && r.deferrable)) return true;
  return Object.values(doc.tables).some((t) => t.checks.length || t.comment || t.columns.some((c) => c.comment || c.collation || c.identity || c.generated || c.type.domain || c.default?.postgres));
}

function baseOf(doc: SchemaDocument): SchemaDocument {
  if (!last || !sameContent(last.doc, doc)) last = { doc, base: reconcile(prismaShown(doc).doc, importPrismaSync(exportPrismaSync(doc).files, { skipValidation: true }).document) };
  return last.base;
}

/**
 * Imports edited Prisma files into `prev` (the document they were exported from), keeping what
 * Prisma cannot express. Throws as `importPrismaSync` does when the text cannot be read.
 */
export function applyPrismaEdit(prev: SchemaDocument, files: SourceFile[]): ImportResult {
  const result = importPrismaSync(files, { skipValidation: true });
  // Matched against what the text shows: a new model named like a partition is a new table.
  const theirs = reconcile(prismaShown(prev).doc, result.document);
  const document = mergeEdit(prev, baseOf(prev), theirs);
  refuseValuesInUse(prev, document, files);
  return { ...result, document };
}

/**
 * Throws, located at the enum in the text, when the edit removes enum values that the document still
 * uses (a default, a check, a view, ... kept as SQL), as the enums panel refuses it.
 */
function refuseValuesInUse(prev: SchemaDocument, doc: SchemaDocument, files: SourceFile[]): void {
  for (const en of Object.values(prev.enums)) {
    const now = doc.enums[en.id];
    if (!now) continue;
    const kept = new Set(now.values.map((v) => v.id));
    const refused = valuesInUse(doc, en, en.values.filter((v) => !kept.has(v.id)).map((v) => v.name));
    if (!refused) continue;
    // A Prisma enum's name is a plain identifier.
    const head = new RegExp(`^([ \\t]*)enum\\s+${now.name}\\s*\\{`, 'm');
    const found = files.map((f) => ({ f, m: head.exec(f.text) })).find((x) => x.m);
    const where = found ? { file: found.f.path, line: found.f.text.slice(0, found.m!.index).split('\n').length, column: found.m![1].length + 1 } : {};
    throw new DiagnosticError([{ severity: 'error', message: `enum ${now.name}: ${refused}`, ...where }]);
  }
}

/** The three-way merge (see the top of this file); exported for tests. */
export function mergeEdit(ours: SchemaDocument, base: SchemaDocument, theirs: SchemaDocument): SchemaDocument {
  // Partitions, which the Prisma text leaves out, stay while their partitioned table does (PostgreSQL drops them with it).
  const parents = partitionsOf(ours);
  const rooted = (id: Id): boolean => !!theirs.tables[id] || (parents.has(id) && rooted(parents.get(id)!));
  const tables = merged(ours.tables, base.tables, theirs.tables, mergeTable, (t) => rooted(t.id));
  const has = (t: Id) => !!tables[t];
  const enums = merged(ours.enums, base.enums, theirs.enums, mergeEnum, () => true);
  const namespaces = merged(ours.namespaces, base.namespaces, theirs.namespaces, (o, b, t) => fields(o, b, t), () => true);
  const views = merged(ours.views, base.views, theirs.views, mergeView, () => true);
  const columnIn = (t: Id, c: Id) => tables[t]?.columns.some((x) => x.id === c) ?? false;
  const relations = merged(ours.relations, base.relations, theirs.relations, (o, b, t) => fields(o, b, t), (r: Relation) =>
    r.kind === 'foreign-key'
      ? r.from.columns.every((c) => columnIn(r.from.table, c)) && r.to.columns.every((c) => columnIn(r.to.table, c))
      : has(r.a.table) && has(r.b.table),
  );
  // Raw SQL stays, but what stands on a table the edit removes (its triggers, policies, ...) goes with it.
  const removed = new Set(Object.keys(ours.tables).filter((id) => !tables[id]));
  const under = new Set(rawOnTables(ours, removed));
  const raw = merged(ours.raw, base.raw, theirs.raw, (o, b, t) => fields(o, b, t), (r) => !under.has(r.id));
  const sources = fields(ours.sources, base.sources, theirs.sources);
  const settings = fields(ours.settings, base.settings, theirs.settings);
  // Positions of what came back (the round trip left it out, so reconcile placed nothing for it).
  const nodes = { ...theirs.layout.nodes };
  for (const id of [...Object.keys(tables), ...Object.keys(enums), ...Object.keys(views)]) if (!nodes[id] && ours.layout.nodes[id]) nodes[id] = ours.layout.nodes[id];
  const groups = Object.fromEntries(Object.entries(ours.layout.groups).map(([id, g]) => [id, { ...g, tableIds: g.tableIds.filter(has) }]));
  const doc = { ...theirs, settings, namespaces, tables, enums, relations, views, raw, sources, layout: { ...theirs.layout, nodes, groups } };
  // Checks, indexes, partitions and their keys follow the columns the edit renamed or removed, and the
  // SQL kept on a table and the views that read it follow it when the edit renames it (@@map) or moves
  // it (@@schema), or removes it.
  return followEdit(ours, doc);
}

/** Fields that are one thing: a column's default, identity and generation; its type and collation. */
const COLUMN_UNITS = [['default', 'identity', 'generated'], ['type', 'collation']];

function mergeTable(o: Table, b: Table, t: Table): Table {
  const columns = list(o.columns, b.columns, t.columns, (x, y, z) => fields(x, y, z, COLUMN_UNITS), () => true);
  const table = fields(o, b, t);
  table.columns = columns;
  table.indexes = list(o.indexes, b.indexes, t.indexes, (x, y, z) => fields(x, y, z), () => true);
  table.checks = list(o.checks, b.checks, t.checks, (x, y, z) => fields(x, y, z), () => true);
  return table;
}

function mergeEnum(o: Enum, b: Enum, t: Enum): Enum {
  const e = fields(o, b, t);
  e.values = list(o.values, b.values, t.values, (x, y, z) => fields(x, y, z), () => true);
  return e;
}

/**
 * A view's fields come from its columns (as the database gives them) or from Prisma text: an edit of
 * them takes both from the edit, else both stay (its definition is the document's either way).
 */
function mergeView(o: View, b: View, t: View): View {
  const v = fields(o, b, t);
  const from = equal(t.columns, b.columns) && equal(t.prismaBody, b.prismaBody) ? o : t;
  for (const k of ['columns', 'prismaBody'] as const) {
    if (from[k] === undefined) delete v[k];
    else (v as unknown as Record<string, unknown>)[k] = from[k];
  }
  return v;
}

type Obj = Record<string, unknown>;

/**
 * Field by field: the edit's value where it changed it, else the document's. Fields of a unit
 * (`units`) go together: all from the edit if it changed any of them.
 */
function fields<T extends object>(ours: T, base: T | undefined, theirs: T, units: string[][] = []): T {
  if (!base) return { ...theirs };
  const o = ours as Obj;
  const b = base as Obj;
  const t = theirs as Obj;
  const changed = (k: string) => !equal(t[k], b[k]);
  const out: Obj = {};
  for (const k of new Set([...Object.keys(t), ...Object.keys(o)])) {
    const unit = units.find((u) => u.includes(k)) ?? [k];
    const v = unit.some(changed) ? t[k] : o[k];
    if (v !== undefined) out[k] = v;
  }
  return out as T;
}

/** Objects by id (in a map): the edit's, merged with the document's; the ones the round trip left out kept where `keep` says. */
function merged<T extends { id: Id }>(ours: Record<Id, T>, base: Record<Id, T>, theirs: Record<Id, T>, item: (o: T, b: T, t: T) => T, keep: (x: T) => boolean): Record<Id, T> {
  const out = list(Object.values(ours), Object.values(base), Object.values(theirs), item, keep);
  return Object.fromEntries(out.map((x) => [x.id, x]));
}

/**
 * `merged` for a list, in the document's order unless the edit reordered what it shows (then in the
 * edit's): what the edit adds goes after what comes before it in the edit, and what the round trip
 * left out after what comes before it in the document.
 */
function list<T extends { id: Id }>(ours: T[], base: T[], theirs: T[], item: (o: T, b: T, t: T) => T, keep: (x: T) => boolean): T[] {
  const o = new Map(ours.map((x) => [x.id, x]));
  const b = new Map(base.map((x) => [x.id, x]));
  const t = new Map(theirs.map((x) => [x.id, x]));
  const one = (z: T) => {
    const x = o.get(z.id);
    const y = b.get(z.id);
    return x && y ? item(x, y, z) : z;
  };
  const reordered = !equal(theirs.filter((z) => b.has(z.id)).map((z) => z.id), base.filter((y) => t.has(y.id)).map((y) => y.id));
  const out: T[] = [];
  if (reordered) {
    out.push(...theirs.map(one));
    let at = 0;
    for (const x of ours) {
      const i = out.findIndex((y) => y.id === x.id);
      if (i >= 0) at = i + 1;
      else if (!b.has(x.id) && keep(x)) out.splice(at++, 0, x);
    }
    return out;
  }
  for (const x of ours) {
    const z = t.get(x.id);
    if (z) out.push(one(z));
    else if (!b.has(x.id) && keep(x)) out.push(x);
  }
  theirs.forEach((z, i) => {
    if (o.has(z.id)) return;
    const before = i > 0 ? out.findIndex((y) => y.id === theirs[i - 1].id) : -1;
    out.splice(before + 1, 0, z);
  });
  return out;
}

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => equal(x, (b as unknown[])[i]));
  const ka = Object.keys(a).filter((k) => (a as Obj)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Obj)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => equal((a as Obj)[k], (b as Obj)[k]));
}
