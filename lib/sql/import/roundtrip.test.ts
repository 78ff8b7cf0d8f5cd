/**
 * Every dump in the corpus: import, export PostgreSQL DDL, apply it in a fresh PGlite, and compare
 * the catalog with the one the original script built. Skipped statements are listed in the output.
 */
import { describe, expect, it } from 'vitest';
import { diffCatalogs, readCatalogSnapshot } from '../../pglite/catalog';
import { formatDiagnostic } from '../../schema/diagnostics';
import { buildDdl, type PostgresSqlSources } from '../ddl/builder';
import { postgresDialect } from '../ddl/postgres';
import { corpusSqlFiles, hasCorpus, readCorpusSql } from '../testing/corpus';
import { importFixture } from '../testing/import-cache';
import { applyStatements } from '../testing/setup-cache';

/** Known differences, each with its reason; the test fails if one disappears (keep the list honest). */
const KNOWN: Record<string, string> = {};

describe.skipIf(!hasCorpus)('PostgreSQL dump round trip (import → export → apply → same catalog)', () => {
  // The largest dumps boot PostgreSQL twice and compare whole catalogs: minutes when the machine is busy.
  it.for(corpusSqlFiles())('%s', { timeout: 240_000 }, async (name) => {
    const file = readCorpusSql(name);
    const {
      result: { document, diagnostics },
      catalog: expected,
    } = await importFixture(file);
    const skipped = diagnostics.filter((d) => d.severity !== 'info');
    console.log(`${name}: ${Object.keys(document.tables).length} tables, ${Object.keys(document.views).length} views, ${Object.keys(document.raw).length} raw; ${skipped.length} skipped statements:\n${skipped.map((d) => `  ${formatDiagnostic(d)}`).join('\n')}`);

    const statements = buildDdl(document, postgresDialect).statements.map((s) => s.sql);
    // The leading schemas and extensions may come from a kept data directory (see setup-cache.ts).
    const { db: target, failed: failures } = await applyStatements(statements, { extensions: expected.extensions, expects: document.sources.sql as PostgresSqlSources });
    await target.exec('RESET ALL');
    const actual = await readCatalogSnapshot(target);
    await target.close();
    const diff = [...failures.map((f) => `apply failed: ${f}`), ...diffCatalogs(expected, actual)];
    if (KNOWN[name]) expect(diff.length, `known failure fixed? ${KNOWN[name]}`).toBeGreaterThan(0);
    else expect(diff).toEqual([]);
  });
});
