/**
 * Scripted edits on every corpus schema, made with the store's commands: rename a field, add a
 * column, add a relation, drop a model. Each export must pass Prisma's validator (when the input
 * does) and change lines only inside the blocks the edit touches.
 */
import { describe, expect, it } from 'vitest';
import { createColumn } from '../schema/document';
import { sequentialIds } from '../schema/ids';
import type { ForeignKeyRelation, SchemaDocument, Table } from '../schema/types';
import { addColumn, addRelation, deleteTable, updateColumn } from '../store/commands';
import type { SourceFile } from '../formats/types';
import { exportPrisma } from './export';
import { importPrisma } from './import';
import { changesOutside, corpusInputs, HAS_CORPUS, NO_CORPUS_REASON } from './testing';
import { validatePrisma } from './validate';

const inputs = corpusInputs();

interface Edit {
  doc: SchemaDocument;
  /** Names of the blocks the edit may touch. */
  blocks: string[];
}

const tables = (doc: SchemaDocument) => Object.values(doc.tables);
const referenced = (doc: SchemaDocument) =>
  new Set(Object.values(doc.relations).flatMap((r) => (r.kind === 'foreign-key' ? r.to.columns : [])));
const related = (doc: SchemaDocument, t: Table) =>
  Object.values(doc.relations).flatMap((r) =>
    r.kind === 'foreign-key' ? (r.from.table === t.id ? [r.to.table] : r.to.table === t.id ? [r.from.table] : []) : r.a.table === t.id ? [r.b.table] : r.b.table === t.id ? [r.a.table] : [],
  );
const biggest = (doc: SchemaDocument) => [...tables(doc)].sort((a, b) => b.columns.length - a.columns.length)[0];

function renameField(doc: SchemaDocument): Edit {
  const t = biggest(doc);
  const refs = referenced(doc);
  const fks = new Set(Object.values(doc.relations).flatMap((r) => (r.kind === 'foreign-key' && r.from.table === t.id ? r.from.columns : [])));
  const candidates = t.columns.filter((c) => !refs.has(c.id));
  const col = candidates.find((c) => fks.has(c.id)) ?? candidates[candidates.length - 1];
  return { doc: updateColumn(t.id, col.id, { name: `${col.name}Renamed` }).apply(doc), blocks: [t.name] };
}

function addCol(doc: SchemaDocument): Edit {
  const t = biggest(doc);
  const col = createColumn('addedColumn', 'String', sequentialIds(), { id: 'col_added', nullable: true });
  return { doc: addColumn(t.id, col).apply(doc), blocks: [t.name] };
}

function addRel(doc: SchemaDocument): Edit | undefined {
  const all = tables(doc);
  const to = all.find((t) => t.primaryKey?.columns.length === 1 && t.primaryKey.columns[0].column && !t.ignored);
  const from = all.find((t) => t !== to && !t.ignored);
  if (!to || !from) return undefined;
  const pk = to.columns.find((c) => c.id === to.primaryKey!.columns[0].column)!;
  const fk = createColumn('addedRefId', { ...pk.type, array: undefined }, sequentialIds(), { id: 'col_addedfk', nullable: true });
  const rel: ForeignKeyRelation = {
    id: 'rel_added',
    kind: 'foreign-key',
    name: 'AddedRelation',
    from: { table: from.id, columns: [fk.id] },
    to: { table: to.id, columns: [pk.id] },
    onDelete: 'set-null',
    fromField: { name: 'addedRef', optional: true },
    toField: { name: 'addedBackRefs', list: true },
  };
  return { doc: addRelation(rel).apply(addColumn(from.id, fk).apply(doc)), blocks: [from.name, to.name] };
}

function dropModel(doc: SchemaDocument): Edit {
  const all = tables(doc);
  const t = all.find((x) => related(doc, x).length > 0) ?? all[0];
  const names = related(doc, t).map((id) => doc.tables[id].name);
  return { doc: deleteTable(t.id).apply(doc), blocks: [t.name, ...names] };
}

function viewsMention(doc: SchemaDocument, name: string): boolean {
  return Object.values(doc.views).some((v) => new RegExp(`\\b${name}\\b`).test(v.prismaBody ?? ''));
}

const errorsOf = (ds: { severity: string; message: string }[]) => ds.filter((d) => d.severity === 'error').map((d) => d.message);

/** What the edit must carry through export and re-import: tables, columns, keys, relations. */
function signature(doc: SchemaDocument): string[] {
  const col = (t: string, c: string) => doc.tables[t].columns.find((x) => x.id === c)?.name;
  const tablesSig = tables(doc).map((t) => {
    const cols = t.columns.map((c) => `${c.name}:${c.type.kind}${c.type.array ? '[]' : ''}${c.nullable ? '?' : ''}${c.dbName ? '@' + c.dbName : ''}`);
    const ix = t.indexes.map((i) => `${i.unique ? 'u' : 'i'}(${i.columns.map((c) => col(t.id, c.column!)).join(',')})`);
    return `${t.name}${t.dbName ? '@' + t.dbName : ''} [${cols.join(' ')}] pk(${(t.primaryKey?.columns ?? []).map((c) => col(t.id, c.column!))}) ${ix.join(' ')}`;
  });
  const rels = Object.values(doc.relations).map((r) =>
    r.kind === 'foreign-key'
      ? `${doc.tables[r.from.table].name}.${r.fromField?.name}(${r.from.columns.map((c) => col(r.from.table, c))}) -> ${doc.tables[r.to.table].name}.${r.toField?.name}(${r.to.columns.map((c) => col(r.to.table, c))}) ${r.name ?? ''} ${r.onDelete ?? ''}`
      : [`${doc.tables[r.a.table].name}.${r.a.field.name}`, `${doc.tables[r.b.table].name}.${r.b.field.name}`].sort().join(' <-> '),
  );
  return [...tablesSig.sort(), ...rels.sort()];
}

async function check(input: SourceFile[], edit: Edit, inputValid: boolean): Promise<void> {
  const out = await exportPrisma(edit.doc);
  const back = await importPrisma(out.files, { skipValidation: true });
  expect(signature(back.document)).toEqual(signature(edit.doc));
  if (inputValid) expect(errorsOf(out.diagnostics)).toEqual([]);
  for (const f of input) {
    const after = out.files.find((o) => o.path === f.path)?.text ?? '';
    expect(changesOutside(f.text, after, edit.blocks), `${f.path}`).toEqual([]);
  }
  // New files never appear.
  expect(out.files.map((f) => f.path).sort()).toEqual(input.map((f) => f.path).sort());
}

describe.skipIf(!HAS_CORPUS)('prisma corpus edits', () => {
  it.each(inputs.map((i) => [i.name, i] as const))('%s', async (_name, input) => {
    const { document } = await importPrisma(input.files, { ids: sequentialIds(), skipValidation: true });
    const inputValid = errorsOf(await validatePrisma(input.files)).length === 0;
    if (!tables(document).length) return;
    await check(input.files, renameField(document), inputValid);
    await check(input.files, addCol(document), inputValid);
    const rel = addRel(document);
    if (rel) await check(input.files, rel, inputValid);
    const drop = dropModel(document);
    const dropped = tables(document).find((t) => !drop.doc.tables[t.id])!;
    await check(input.files, drop, inputValid && !viewsMention(document, dropped.name));
  });
});

describe.skipIf(HAS_CORPUS)('prisma corpus edits', () => {
  it.skip(NO_CORPUS_REASON, () => {});
});
