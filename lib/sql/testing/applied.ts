/** Node-only test helper: two SQL scripts applied in fresh PGlite databases, and their catalogs. */
import { readCatalogSnapshot, type CatalogSnapshot } from '../../pglite/catalog';
import { bootCachedPg } from '../../pglite/snapshot-node';

/**
 * Applies `original` and `exported` each in a fresh database and reads both catalogs. `exported` is a
 * script, or statements run one by one (the ones that fail are listed, with their error).
 */
export async function appliedCatalogs(original: string, exported: string | string[]): Promise<{ want: CatalogSnapshot; got: CatalogSnapshot; failed: string[] }> {
  const a = await bootCachedPg();
  const b = await bootCachedPg();
  try {
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
