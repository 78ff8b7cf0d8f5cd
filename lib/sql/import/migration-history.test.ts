/**
 * A real Prisma Migrate history: documenso's migration.sql files (../shared/corpus/evolution),
 * joined in order, imported as one script. Exported and applied in a fresh PGlite, it must build
 * the catalog that running the same statements one by one builds (as `psql -f` does without
 * ON_ERROR_STOP: the history is not consistent throughout, and some statements fail in both).
 * Its Prisma export must pass Prisma's validator.
 */
import { describe, expect, it } from 'vitest';
import { diffCatalogs, readCatalogSnapshot } from '../../pglite/catalog';
import { extensionsNamedIn } from '../../pglite/extensions';
import { bootCachedPg } from '../../pglite/snapshot-node';
import { exportPrismaSync, validatePrisma } from '../../prisma';
import { buildDdl } from '../ddl/builder';
import { postgresDialect } from '../ddl/postgres';
import { splitStatements } from '../split';
import { corpusMigrationHistory } from '../testing/corpus';
import { importPostgres } from './postgres';

const history = corpusMigrationHistory('documenso');

describe.skipIf(!history)("documenso's Prisma migration history as one script", () => {
  it('builds the catalog the statements build when run one by one, and exports valid Prisma', async () => {
    const { document } = await importPostgres([history!]);
    expect(Object.keys(document.tables).length).toBeGreaterThan(40);
    const extensions = extensionsNamedIn(history!.text);
    const [want, got] = [await bootCachedPg({ extensions }), await bootCachedPg({ extensions })];
    try {
      // Transaction control is left out, as the import leaves it out: each statement stands alone.
      for (const st of splitStatements(history!.text)) if (st.type === 'sql' && !/^(begin|commit)\b/i.test(st.text)) await want.exec(st.text).catch(() => {});
      const failed: string[] = [];
      for (const s of buildDdl(document, postgresDialect).statements) await got.exec(s.sql).catch((e: Error) => failed.push(`${e.message}: ${s.sql.slice(0, 80)}`));
      expect(failed).toEqual([]);
      expect(diffCatalogs(await readCatalogSnapshot(got), await readCatalogSnapshot(want))).toEqual([]);
    } finally {
      await want.close();
      await got.close();
    }
    const errors = (await validatePrisma(exportPrismaSync(document).files)).filter((d) => d.severity === 'error');
    expect(errors.map((e) => e.message)).toEqual([]);
  });
});
