/** Node-only test helper: two SQL scripts applied in fresh PGlite databases, and their catalogs. */
import { readCatalogSnapshot, type CatalogSnapshot } from '../../pglite/catalog';
import { bootCachedPg } from '../../pglite/snapshot-node';
import type { PgRunner } from '../../pglite/runner';
import { extensionsNamedIn } from '../../pglite/extensions';
import { expectationsOf, installEnvironment, platformNeeds, prepareDatabase, type Expectations } from '../../pglite/environments';

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
  // A platform's schema runs where the platform's objects are (as the import runs it), with the
  // platform's extensions it calls; the extensions the original names are loaded in both.
  const platform = platformNeeds(original);
  const extensions = [...extensionsNamedIn(original), ...(platform?.extensions ?? [])];
  const a = await bootCachedPg({ extensions });
  const b = await bootCachedPg({ extensions: [...new Set([...extensions, ...(expects?.environmentExtensions ?? [])])] });
  try {
    if (platform) await installEnvironment(a, platform.environment, platform);
    await prepareDatabase(b, expects ?? expectationsOf(platform));
    await a.exec(original);
    const failed = typeof exported === 'string' ? await b.exec(exported).then(() => []) : await runEach(b, exported);
    // Both read under the same search_path (definitions name what it does not reach by schema), whatever the scripts left set.
    await a.exec('RESET search_path');
    await b.exec('RESET search_path');
    return { want: await readCatalogSnapshot(a), got: await readCatalogSnapshot(b), failed };
  } finally {
    await a.close();
    await b.close();
  }
}

/**
 * Statements run one by one in a fresh database with `extensions` (the ones that fail are listed,
 * with their error), and its catalog read after RESET ALL, as `importWithCatalog` reads the original's.
 */
export async function exportedCatalog(statements: string[], extensions: string[], expects?: Expectations): Promise<{ catalog: CatalogSnapshot; failed: string[] }> {
  const db = await bootCachedPg({ extensions: [...new Set([...extensions, ...(expects?.environmentExtensions ?? [])])] });
  try {
    await prepareDatabase(db, expects ?? expectationsOf(undefined));
    const failed = await runEach(db, statements);
    await db.exec('RESET ALL');
    return { catalog: await readCatalogSnapshot(db), failed };
  } finally {
    await db.close();
  }
}

/** Runs statements one by one; the ones that fail, each with its error. */
async function runEach(db: PgRunner, statements: string[]): Promise<string[]> {
  const failed: string[] = [];
  for (const sql of statements) await db.exec(sql).catch((e: Error) => failed.push(`${e.message}: ${sql.slice(0, 80)}`));
  return failed;
}
