/**
 * Edits of the Prisma text apply once Prisma's validator accepts them: a state typed on the way (a
 * model renamed before the fields that name it) is refused, so what Prisma cannot express on the
 * relations it would drop (DEFERRABLE) is not lost; the document's own errors do not block an edit.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticError } from '../schema/diagnostics';
import { expectDdlBuilds, importedCleanly } from '../sql/testing/edit-case';
import { applyValidPrismaEdit } from './apply-valid-edit';
import { exportPrismaSync } from './export';
import { importPrismaSync } from './import';
import type { SchemaDocument } from '../schema/types';
import { parseDocument } from '../schema/serialize';
import { validatePrisma } from './validate';

const SCRIPT = `CREATE TABLE maker (id int PRIMARY KEY, name text NOT NULL);
CREATE TABLE item (id int PRIMARY KEY, maker_id int NOT NULL REFERENCES maker (id) DEFERRABLE INITIALLY DEFERRED);
`;

const edited = (doc: SchemaDocument, edit: (text: string) => string) => exportPrismaSync(doc).files.map((f) => ({ ...f, text: edit(f.text) }));

describe('applyValidPrismaEdit', () => {
  it('refuses a model renamed before the fields that name it, at the field; the whole rename keeps the deferrable key', async () => {
    const doc = await importedCleanly(SCRIPT);
    const half = edited(doc, (t) => t.replace('model maker {', 'model makers {'));
    const line = half[0].text.split('\n').findIndex((l) => /^\s+maker\s+maker\s/.test(l)) + 1;
    const refused = await applyValidPrismaEdit(doc, half).then(() => undefined, (e: unknown) => e);
    expect(refused).toBeInstanceOf(DiagnosticError);
    expect((refused as DiagnosticError).diagnostics.map((d) => [d.severity, d.line])).toContainEqual(['error', line]);
    expect((refused as DiagnosticError).message).toMatch(/maker/);

    const whole = edited(doc, (t) => t.replace('model maker {', 'model makers {').replace(/(\n\s*maker\s+)maker(\s+@relation)/, '$1makers$2'));
    const next = (await applyValidPrismaEdit(doc, whole))!.document;
    expect(Object.keys(next.relations)).toEqual(Object.keys(doc.relations));
    await expectDdlBuilds(next, SCRIPT, 'ALTER TABLE maker RENAME TO makers; ALTER TABLE makers RENAME CONSTRAINT maker_pkey TO makers_pkey;');
  }, 60_000);

  it("applies an edit of a document whose own text has errors, when the edit adds none", async () => {
    const doc = importPrismaSync([{ path: 'schema.prisma', text: 'model Keyless {\n  name String\n}\n' }], { skipValidation: true }).document;
    const next = (await applyValidPrismaEdit(doc, edited(doc, (t) => t.replace(/(\n\s*name\s+String)/, '$1\n  note String?'))))!.document;
    expect(Object.values(next.tables)[0].columns.map((c) => c.name)).toEqual(['name', 'note']);
    // The same error twice is one more.
    const twice = edited(doc, (t) => `${t}\nmodel Other {\n  name String\n}\n`);
    await expect(applyValidPrismaEdit(doc, twice)).rejects.toThrow(DiagnosticError);
    // An edit that rewords the document's own error (the field it names renamed) adds none.
    const oneToOne = importPrismaSync([{ path: 'schema.prisma', text: 'model A {\n  id  Int @id\n  bId Int\n  b   B   @relation(fields: [bId], references: [id])\n}\n\nmodel B {\n  id Int @id\n  a  A?\n}\n' }], { skipValidation: true }).document;
    const renamed = await applyValidPrismaEdit(oneToOne, edited(oneToOne, (t) => t.replace(/\bbId\b/g, 'bRef')));
    expect(Object.values(renamed!.document.tables).flatMap((t) => t.columns.map((c) => c.name))).toContain('bRef');
  }, 60_000);

  it('keeps an implicit many-to-many relation as it is (the Blog template: an edit elsewhere duplicated it)', async () => {
    const doc = parseDocument(readFileSync(path.resolve(import.meta.dirname, '../../prisma/blog.schemata.json'), 'utf8'));
    const next = (await applyValidPrismaEdit(doc, edited(doc, (t) => t.replace(/(\nmodel User \{\n[^\n]*)/, '$1\n  nick String?'))))!.document;
    expect(Object.keys(next.relations).sort()).toEqual(Object.keys(doc.relations).sort());
    expect((await validatePrisma(exportPrismaSync(next).files)).filter((d) => d.severity === 'error')).toEqual([]);
  }, 60_000);

  it('gives nothing when the document changed while the validator ran', async () => {
    const doc = importPrismaSync([{ path: 'schema.prisma', text: 'model A {\n  id Int @id\n}\n' }]).document;
    const other = importPrismaSync([{ path: 'schema.prisma', text: 'model B {\n  id Int @id\n}\n' }]).document;
    const files = edited(doc, (t) => t.replace(/(\n\s*id\s+Int @id)/, '$1\n  x Int?'));
    expect(await applyValidPrismaEdit(doc, files, () => other)).toBeUndefined();
    // Refused or not: the text is no longer the one shown.
    expect(await applyValidPrismaEdit(doc, edited(doc, (t) => t.replace('model A {', 'model A {\n  b Nope')), () => other)).toBeUndefined();
    const moved = { ...doc, layout: { ...doc.layout, nodes: {} } };
    expect(await applyValidPrismaEdit(doc, files, () => moved)).toBeDefined();
  }, 60_000);
});
