/** Node-only test helper: two SQL scripts applied in fresh PGlite databases, and their catalogs. */
import { readCatalogSnapshot, type CatalogSnapshot } from '../../pglite/catalog';
import type { PgRunner } from '../../pglite/runner';
import { extensionsNamedIn } from '../../pglite/extensions';
import { expectationsOf, installEnvironment, platformNeeds, type Expectations } from '../../pglite/environments';
import { applyScript, applyStatements } from './setup-cache';

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
  // Each script's leading schemas and extensions may come from a kept data directory (see setup-cache.ts).
  const a = await applyScript(original, { extensions, prepare: platform && ((db) => installEnvironment(db, platform.environment, platform)) });
  let b: { db: PgRunner; failed: string[] } | undefined;
  try {
    const opts = { extensions: [...new Set([...extensions, ...(expects?.environmentExtensions ?? [])])], expects: expects ?? expectationsOf(platform) };
    b = typeof exported === 'string' ? { db: await applyScript(exported, opts), failed: [] } : await applyStatements(exported, opts);
    // Both read under the same search_path (definitions name what it does not reach by schema), whatever the scripts left set.
    await a.exec('RESET search_path');
    await b.db.exec('RESET search_path');
    return { want: await readCatalogSnapshot(a), got: await readCatalogSnapshot(b.db), failed: b.failed };
  } finally {
    await a.close();
    await b?.db.close();
  }
}

/**
 * Statements run one by one in a fresh database with `extensions` (the ones that fail are listed,
 * with their error), and its catalog read after RESET ALL, as `importWithCatalog` reads the original's.
 */
export async function exportedCatalog(statements: string[], extensions: string[], expects?: Expectations): Promise<{ catalog: CatalogSnapshot; failed: string[] }> {
  const { db, failed } = await applyStatements(statements, { extensions: [...new Set([...extensions, ...(expects?.environmentExtensions ?? [])])], expects: expects ?? expectationsOf(undefined) });
  try {
    await db.exec('RESET ALL');
    return { catalog: await readCatalogSnapshot(db), failed };
  } finally {
    await db.close();
  }
}
