/**
 * Node-only test helper for edits of an imported document: the document's PostgreSQL DDL, applied in
 * a fresh PGlite, must build what the original script, then the same edit written in SQL, builds.
 */
import { expect } from 'vitest';
import { diffCatalogs } from '../../pglite/catalog';
import type { SchemaDocument } from '../../schema/types';
import { buildDdl, type PostgresSqlSources } from '../ddl/builder';
import { postgresDialect } from '../ddl/postgres';
import { importPostgres } from '../import/postgres';
import { appliedCatalogs } from './applied';

/** A script imported, with no warning or error (infos, such as what is not kept, are fine). */
export async function importedCleanly(script: string): Promise<SchemaDocument> {
  const r = await importPostgres([{ path: 'case.sql', text: script }]);
  expect(r.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning')).toEqual([]);
  return r.document;
}

/** `doc`'s DDL builds what `script` then `sql` build, with no statement failing. */
export async function expectDdlBuilds(doc: SchemaDocument, script: string, sql: string): Promise<void> {
  const { want, got, failed } = await appliedCatalogs(`${script}\n${sql}`, buildDdl(doc, postgresDialect).statements.map((s) => s.sql), doc.sources.sql as PostgresSqlSources);
  expect(failed).toEqual([]);
  expect(diffCatalogs(got, want)).toEqual([]);
}
