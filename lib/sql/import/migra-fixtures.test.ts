/**
 * migra's diff fixtures (../shared/corpus/diff-fixtures/migra): every `a.sql` and `b.sql` is a
 * PostgreSQL schema written to exercise a schema-diff tool (dependencies, enums, identity and
 * generated columns, inheritance, partitions, triggers, policies, sequences, collations, ...).
 * Each must import, export, and build the original's catalog in a fresh PGlite.
 */
import { describe, expect, it } from 'vitest';
import { diffCatalogs } from '../../pglite/catalog';
import { buildDdl, type PostgresSqlSources } from '../ddl/builder';
import { postgresDialect } from '../ddl/postgres';
import { appliedCatalogs, exportedCatalog } from '../testing/applied';
import { importWithCatalog } from '../testing/import-catalog';
import { corpusMigraScripts, readCorpusMigra } from '../testing/corpus';
import { importPostgres } from './postgres';

/** Scripts the test cannot judge, each with its reason; the test fails if one starts to pass. */
const KNOWN: Record<string, string> = {
  'rls/a.sql': 'its policies name a role the script does not create: the original fails to apply here (the import skips them, with a warning)',
  'rls/b.sql': 'its policies name a role the script does not create: the original fails to apply here (the import skips them, with a warning)',
};

const scripts = corpusMigraScripts();

describe.skipIf(!scripts.length)('migra fixtures: import, export, and the same catalog in PGlite', () => {
  it.for(scripts)('%s', async (name) => {
    const file = readCorpusMigra(name);
    if (KNOWN[name]) {
      const { document } = await importPostgres([file]);
      const run = appliedCatalogs(file.text, buildDdl(document, postgresDialect).statements.map((s) => s.sql), document.sources.sql as PostgresSqlSources);
      await expect(run, `known failure fixed? ${KNOWN[name]}`).rejects.toThrow(/role .* does not exist/);
      return;
    }
    // The catalog the script built is read from the import's own database (as the corpus round trip does).
    const { document, diagnostics, catalog: want } = await importWithCatalog([file]);
    // Nothing skipped that the catalog holds (grants are not in it, nor in the model).
    expect(diagnostics.filter((d) => d.severity !== 'info' && !/^roles, privileges and databases are not part of the schema/.test(d.message))).toEqual([]);
    const { catalog: got, failed } = await exportedCatalog(buildDdl(document, postgresDialect).statements.map((s) => s.sql), want.extensions, document.sources.sql as PostgresSqlSources);
    expect(failed).toEqual([]);
    expect(diffCatalogs(got, want)).toEqual([]);
  });
});
