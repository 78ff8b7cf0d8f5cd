/**
 * Deleting a table takes the raw SQL that stands on it, as PostgreSQL's DROP TABLE does. The judge is
 * PostgreSQL: the DDL after the delete builds what the original script, then DROP TABLE, builds.
 */
import { describe, expect, it } from 'vitest';
import { diffCatalogs } from '../pglite/catalog';
import { applyPrismaEdit, exportPrismaSync } from '../prisma';
import { tableByName } from '../schema/document';
import type { SchemaDocument } from '../schema/types';
import { deleteTable } from '../store/commands';
import { buildDdl, type PostgresSqlSources } from './ddl/builder';
import { postgresDialect } from './ddl/postgres';
import { importPostgres } from './import/postgres';
import { rawOnTables } from './raw-subjects';
import { appliedCatalogs } from './testing/applied';

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
`;

async function imported() {
  const r = await importPostgres([{ path: 'a.sql', text: SCRIPT }]);
  expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  return r.document;
}

async function expectCatalog(doc: SchemaDocument, sql: string) {
  const { want, got, failed } = await appliedCatalogs(`${SCRIPT}\n${sql}`, buildDdl(doc, postgresDialect).statements.map((s) => s.sql), doc.sources.sql as PostgresSqlSources);
  expect(failed).toEqual([]);
  expect(diffCatalogs(got, want)).toEqual([]);
}

describe('raw SQL on a deleted table', () => {
  it('finds what stands on the table, and nothing on another', async () => {
    const doc = await imported();
    const account = tableByName(doc, 'account')!;
    const kinds = rawOnTables(doc, new Set([account.id])).map((id) => doc.raw[id].kind).sort();
    expect(kinds).toEqual(['alter', 'comment', 'index', 'policy', 'statistics', 'trigger']);
    const audit = tableByName(doc, 'Audit')!;
    expect(rawOnTables(doc, new Set([audit.id])).map((id) => doc.raw[id].kind)).toEqual(['trigger']);
  }, 60_000);

  it('goes with a table deleted on the canvas', async () => {
    const doc = await imported();
    const next = deleteTable(tableByName(doc, 'account')!.id).apply(doc);
    await expectCatalog(next, 'DROP TABLE account;');
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
