/**
 * For every PostgreSQL Prisma schema in the corpus: our DDL (via lib/prisma's importPrisma) applied
 * in PGlite builds the same catalog as Prisma Migrate's own SQL (schema-engine-wasm, offline).
 */
import { describe, expect, it } from 'vitest';
import { diffCatalogs, readCatalogSnapshot } from '../../pglite/catalog';
import { corpusPrismaSchemas, hasCorpus, loadImportPrisma } from '../testing/corpus';
import { prismaMigrateSql } from '../testing/prisma-engine';
import { applyScript } from '../testing/setup-cache';
import { buildDdl, renderDdl } from './builder';
import { postgresDialect } from './postgres';

const importPrisma = await loadImportPrisma();
/** Known failures outside this module; the test fails when one starts passing, so the list stays honest. */
const KNOWN: Record<string, string> = {
};
const schemas = corpusPrismaSchemas('postgresql');
const skip = !hasCorpus ? 'corpus missing (../shared/corpus)' : !importPrisma ? 'lib/prisma importPrisma not available yet' : '';

describe.skipIf(!!skip)(`Prisma conformance: our PostgreSQL DDL vs Prisma Migrate${skip ? ` (skipped: ${skip})` : ''}`, () => {
  // Each boots PostgreSQL twice (PostGIS ones on their own build): minutes when the machine is busy.
  it.for(schemas.map((s) => [s.name, s] as const))('%s', { timeout: 240_000 }, async ([, schema]) => {
    const text = schema.files.map((f) => f.text).join('\n');
    // PostGIS types need PostGIS, which runs on its own PGlite build (see pglite/postgis.ts).
    const needsPostgis = /postgis|Unsupported\([^)]*(geometry|geography)/i.test(text);
    // Prisma 7 rejects connection URLs in schema files; they do not matter for the DDL.
    const files = schema.files.map((f) => ({ path: f.path, content: f.text.replace(/^\s*(url|directUrl|shadowDatabaseUrl)\s*=.*$/gm, '') }));
    let setup = /@db\.Citext/.test(text) ? 'CREATE EXTENSION IF NOT EXISTS citext;' : '';
    if (/_trgm_ops/.test(text)) setup += 'CREATE EXTENSION IF NOT EXISTS pg_trgm;';
    if (needsPostgis) setup += 'CREATE EXTENSION IF NOT EXISTS postgis;';
    // The extensions may come from a kept data directory (see setup-cache.ts).
    const boot = (script: string) => applyScript(script, { extensions: needsPostgis ? ['postgis'] : ['citext', 'pg_trgm', 'vector'] });
    const oracle = await boot(setup);
    const expectedSql = await prismaMigrateSql(files, oracle.db);
    await oracle.exec(expectedSql);
    const expected = await readCatalogSnapshot(oracle);
    await oracle.close();

    const { document } = await importPrisma!(schema.files);
    const ddl = buildDdl(document, postgresDialect);
    const ours = await boot(setup + renderDdl(ddl));
    const actual = await readCatalogSnapshot(ours);
    await ours.close();
    const diff = diffCatalogs(expected, actual);
    if (KNOWN[schema.name]) expect(diff.length, `known failure fixed? ${KNOWN[schema.name]}`).toBeGreaterThan(0);
    else expect(diff).toEqual([]);
  });
});
