/** Test helper: a PostgreSQL import, and the catalog the script built in its database (read as the session is reset). */
import { readCatalogSnapshot } from '../../pglite/catalog';
import type { PgRunner } from '../../pglite/runner';
import { bootCachedPg } from '../../pglite/snapshot-node';
import type { SourceFile } from '../../formats/types';
import type { IdGenerator } from '../../schema/ids';
import { importPostgres } from '../import/postgres';

/**
 * Also gives the extensions the database was booted with, and the search_path the import left its
 * session with; `keep`: that database's data directory too.
 */
export async function importWithCatalog(files: SourceFile[], opts: { ids?: IdGenerator; keep?: boolean } = {}) {
  let original: PgRunner | undefined;
  let extensions: string[] = [];
  try {
    const result = await importPostgres(files, {
      ids: opts.ids,
      boot: async (ext) => {
        extensions = ext;
        original = await bootCachedPg({ extensions: ext });
        // Kept open after the import, to read its catalog.
        return { ...original, close: async () => {} };
      },
    });
    const [{ path: searchPath }] = await original!.query<{ path: string }>(`SELECT current_setting('search_path') AS path`);
    await original!.exec('RESET ALL');
    const catalog = await readCatalogSnapshot(original!);
    const data = opts.keep ? await original!.snapshot() : undefined;
    return { ...result, catalog, extensions, searchPath, data };
  } finally {
    await original?.close();
  }
}
