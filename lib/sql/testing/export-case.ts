/**
 * Node-only test helper: a PostgreSQL script imported, exported, and the export applied in a fresh
 * PGlite beside the original. The export must rebuild the original's catalog with no statement
 * failing; `holds` checks that the original's catalog holds what the case is about (else the case
 * could not fail).
 */
import { expect } from 'vitest';
import { diffCatalogs, type CatalogSnapshot } from '../../pglite/catalog';
import type { Diagnostic } from '../../schema/diagnostics';
import { buildDdl, type PostgresSqlSources } from '../ddl/builder';
import { postgresDialect } from '../ddl/postgres';
import { importPostgres } from '../import/postgres';
import { appliedCatalogs } from './applied';

export interface ExportCase {
  name: string;
  script: string;
  /** What the original catalog holds that the export must rebuild. */
  holds: (want: CatalogSnapshot) => void;
  diagnostics?: (d: Diagnostic[]) => void;
}

export async function expectExportRebuilds({ script, holds, diagnostics }: ExportCase): Promise<void> {
  const r = await importPostgres([{ path: 'case.sql', text: script }]);
  diagnostics?.(r.diagnostics);
  const { want, got, failed } = await appliedCatalogs(script, buildDdl(r.document, postgresDialect).statements.map((s) => s.sql), r.document.sources.sql as PostgresSqlSources);
  holds(want);
  expect(failed).toEqual([]);
  expect(diffCatalogs(got, want)).toEqual([]);
}
