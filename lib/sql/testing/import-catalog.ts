/** Test helper: a PostgreSQL import, and the catalog the script built in its database (read as the session is reset). */
import { readCatalogSnapshot } from '../../pglite/catalog';
import type { PgRunner } from '../../pglite/runner';
import { bootCachedPg } from '../../pglite/snapshot-node';
import type { SourceFile } from '../../formats/types';
import { importPostgres } from '../import/postgres';

export async function importWithCatalog(files: SourceFile[]) {
  let original: PgRunner | undefined;
  const result = await importPostgres(files, {
    boot: async (extensions) => {
      original = await bootCachedPg({ extensions });
      // Kept open after the import, to read its catalog.
      return { ...original, close: async () => {} };
    },
  });
  await original!.exec('RESET ALL');
  const catalog = await readCatalogSnapshot(original!);
  await original!.close();
  return { ...result, catalog };
}
