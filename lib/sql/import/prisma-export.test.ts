/**
 * Every dump in the corpus: import, export Prisma, and check the schema with Prisma's own validator
 * (`@prisma/prisma-schema-wasm`). The imported names must follow `prisma db pull`'s conventions well
 * enough for the result to be a valid Prisma schema.
 */
import { describe, expect, it } from 'vitest';
import { exportPrismaSync, validatePrisma } from '../../prisma';
import { formatDiagnostic } from '../../schema/diagnostics';
import { corpusSqlFiles, hasCorpus, readCorpusSql } from '../testing/corpus';
import { importFixture } from '../testing/import-cache';

/** Known failures, each with its reason; the test fails if one disappears (keep the list honest). */
const KNOWN: Record<string, string> = {};

describe.skipIf(!hasCorpus)('PostgreSQL dump → Prisma schema passes Prisma\'s validator', () => {
  it.for(corpusSqlFiles())('%s', async (name) => {
    const { document } = (await importFixture(readCorpusSql(name))).result;
    const { files } = exportPrismaSync(document);
    const errors = (await validatePrisma(files)).filter((d) => d.severity === 'error');
    if (errors.length) console.log(`${name}: ${errors.length} Prisma errors\n${errors.slice(0, 20).map((d) => `  ${formatDiagnostic(d)}`).join('\n')}`);
    if (KNOWN[name]) expect(errors.length, `known failure fixed? ${KNOWN[name]}`).toBeGreaterThan(0);
    else expect(errors.map((e) => e.message)).toEqual([]);
  });
});
