/** Node-only test helper: two SQL scripts applied in fresh PGlite databases, and their catalogs. */
import { readCatalogSnapshot, type CatalogSnapshot } from '../../pglite/catalog';
import { bootCachedPg } from '../../pglite/snapshot-node';
import { extensionsNamedIn } from '../../pglite/extensions';
import { environmentFor, installEnvironment, prepareDatabase, type Expectations } from '../../pglite/environments';

/**
 * Applies `original` and `exported` each in a fresh database and reads both catalogs. `exported` is a
 * script, or statements run one by one (the ones that fail are listed, with their error).
 */
export async function appliedCatalogs(
  original: string,
  exported: string | string[],
  /** What the export expects of its database (the document's platform and roles), made before it runs. */
  expects?: Expectations,
): Promise<{ want: CatalogSnapshot; got: CatalogSnapshot; failed: string[] }> {
  // The extensions the original names are loaded in both (as the import loads them).
  const extensions = extensionsNamedIn(original);
  const a = await bootCachedPg({ extensions });
  const b = await bootCachedPg({ extensions });
  try {
    // A platform's schema runs where the platform's objects are (as the import runs it).
    const environment = environmentFor(original);
    if (environment) await installEnvironment(a, environment);
    await prepareDatabase(b, expects ?? { environment: environment?.name });
    await a.exec(original);
    const failed: string[] = [];
    if (typeof exported === 'string') await b.exec(exported);
    else for (const sql of exported) await b.exec(sql).catch((e: Error) => failed.push(`${e.message}: ${sql.slice(0, 80)}`));
    return { want: await readCatalogSnapshot(a), got: await readCatalogSnapshot(b), failed };
  } finally {
    await a.close();
    await b.close();
  }
}
