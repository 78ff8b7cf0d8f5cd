/**
 * Deleting a table takes the raw SQL that stands on it, as PostgreSQL's DROP TABLE does. The judge is
 * PostgreSQL: the DDL after the delete builds what the original script, then DROP TABLE, builds.
 */
import { describe, expect, it } from 'vitest';
import { expectDdlBuilds, importedCleanly } from './testing/edit-case';
import { applyPrismaEdit, exportPrismaSync } from '../prisma';
import { tableByName } from '../schema/document';
import type { SchemaDocument } from '../schema/types';
import { deleteTable, renameTable } from '../store/commands';
import { importPostgres } from './import/postgres';
import { rawOnTables } from './raw-subjects';

const SCRIPT = `CREATE TABLE account (id int PRIMARY KEY, email text NOT NULL, owner text);
CREATE TABLE "Audit" (id int PRIMARY KEY, note text);
CREATE INDEX account_lower_email ON account (lower(email));
COMMENT ON INDEX account_lower_email IS 'case-blind lookups';
CREATE FUNCTION stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER account_stamp BEFORE INSERT ON account FOR EACH ROW EXECUTE FUNCTION stamp();
CREATE TRIGGER audit_stamp BEFORE INSERT ON "Audit" FOR EACH ROW EXECUTE FUNCTION stamp();
ALTER TABLE account ENABLE ROW LEVEL SECURITY;
CREATE POLICY own ON account USING (owner = current_user);
CREATE STATISTICS account_stats ON email, owner FROM account;
ALTER TABLE "Audit" ADD CONSTRAINT audit_account FOREIGN KEY (id) REFERENCES account (id) NOT VALID;
`;

const imported = () => importedCleanly(SCRIPT);

const expectCatalog = (doc: SchemaDocument, sql: string) => expectDdlBuilds(doc, SCRIPT, sql);

/** The rename in SQL; the key's conventional name (`<table>_pkey`, as Prisma names it) follows the table too. */
const RENAMED = 'ALTER TABLE account RENAME TO accounts; ALTER TABLE accounts RENAME CONSTRAINT account_pkey TO accounts_pkey;';

describe('raw SQL on a deleted or renamed table', () => {
  it('finds what stands on the table, and nothing on another', async () => {
    const doc = await imported();
    const account = tableByName(doc, 'account')!;
    const kinds = rawOnTables(doc, new Set([account.id])).map((id) => doc.raw[id].kind).sort();
    expect(kinds).toEqual(['alter', 'comment', 'constraint', 'index', 'policy', 'statistics', 'trigger']);
    const audit = tableByName(doc, 'Audit')!;
    expect(rawOnTables(doc, new Set([audit.id])).map((id) => doc.raw[id].kind).sort()).toEqual(['constraint', 'trigger']);
  }, 60_000);

  it('goes with a table deleted on the canvas', async () => {
    const doc = await imported();
    const next = deleteTable(tableByName(doc, 'account')!.id).apply(doc);
    await expectCatalog(next, 'DROP TABLE account CASCADE;');
  }, 60_000);

  it('resolves unqualified names on the search_path the statement ran under, and index names in their schema', async () => {
    const script = `CREATE SCHEMA s;
CREATE TABLE s.t (id int PRIMARY KEY, v text);
CREATE TABLE public.t (id int PRIMARY KEY, v text);
SET search_path = s;
CREATE POLICY own ON t USING (v = current_user);
RESET search_path;
CREATE INDEX idx ON s.t (lower(v));
CREATE INDEX idx ON public.t (lower(v));
COMMENT ON INDEX public.idx IS 'keep me';
`;
    const { document: doc } = await importPostgres([{ path: 's.sql', text: script }]);
    const [inS, inPublic] = ['s', 'public'].map((n) => Object.values(doc.tables).find((t) => doc.namespaces[t.namespace ?? '']?.name === n)!.id);
    const text = (ids: string[]) => ids.map((id) => doc.raw[id].text).sort();
    expect(text(rawOnTables(doc, new Set([inS])))).toEqual([expect.stringMatching(/^CREATE INDEX idx ON s\.t/), expect.stringMatching(/^CREATE POLICY own ON t /)]);
    expect(text(rawOnTables(doc, new Set([inPublic])))).toEqual([expect.stringMatching(/^COMMENT ON INDEX public\.idx/), expect.stringMatching(/^CREATE INDEX idx ON public\.t/)]);
  }, 60_000);

  it('follows a table renamed on the canvas', async () => {
    const doc = await imported();
    const next = renameTable(tableByName(doc, 'account')!.id, 'accounts').apply(doc);
    await expectCatalog(next, RENAMED);
  }, 60_000);

  it('follows a table renamed with @@map in the Prisma text', async () => {
    const doc = await imported();
    const files = exportPrismaSync(doc).files;
    const text = files[0].text.replace(/(\nmodel account \{[\s\S]*?)\n\}\n/, '$1\n  @@map("accounts")\n}\n');
    expect(text).not.toBe(files[0].text);
    const next = applyPrismaEdit(doc, [{ ...files[0], text }]).document;
    await expectCatalog(next, RENAMED);
  }, 60_000);

  it('goes with a model removed from the Prisma text', async () => {
    const doc = await imported();
    const files = exportPrismaSync(doc).files;
    const text = files[0].text.replace(/\nmodel Audit \{[\s\S]*?\n\}\n/, '\n');
    expect(text).not.toBe(files[0].text);
    const next = applyPrismaEdit(doc, [{ ...files[0], text }]).document;
    await expectCatalog(next, 'DROP TABLE "Audit";');
  }, 60_000);
});
