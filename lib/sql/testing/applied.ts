/** Node-only test helper: two SQL scripts applied in fresh PGlite databases, and their catalogs. */
import { readCatalogSnapshot, type CatalogSnapshot } from '../../pglite/catalog';
import type { PgRunner } from '../../pglite/runner';
import { extensionsNamedIn } from '../../pglite/extensions';
import { expectationsOf, installEnvironment, platformNeeds, type Expectations } from '../../pglite/environments';
import { bootAfter, setupLength, splitSetup } from './setup-cache';

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
  // Each script's leading schemas and extensions run in a database booted from where the same ones
  // ran before (see setup-cache.ts); a script given whole still fails on its first error.
  const first = platform ? { setup: [], rest: original } : splitSetup(original);
  const a = await bootAfter(first.setup, { extensions });
  let b: { db: PgRunner; failed: string[] } | undefined;
  try {
    if (a.failed.length) throw new Error(a.failed[0]);
    const n = typeof exported === 'string' ? 0 : setupLength(exported);
    const second = typeof exported === 'string' ? splitSetup(exported) : { setup: exported.slice(0, n), rest: exported.slice(n) };
    b = await bootAfter(second.setup, { extensions: [...new Set([...extensions, ...(expects?.environmentExtensions ?? [])])], expects: expects ?? expectationsOf(platform) });
    if (platform) await installEnvironment(a.db, platform.environment, platform);
    await a.db.exec(first.rest);
    const failed = b.failed;
    if (typeof second.rest === 'string') {
      if (failed.length) throw new Error(failed[0]);
      await b.db.exec(second.rest);
    } else failed.push(...(await runEach(b.db, second.rest)));
    // Both read under the same search_path (definitions name what it does not reach by schema), whatever the scripts left set.
    await a.db.exec('RESET search_path');
    await b.db.exec('RESET search_path');
    return { want: await readCatalogSnapshot(a.db), got: await readCatalogSnapshot(b.db), failed };
  } finally {
    await a.db.close();
    await b?.db.close();
  }
}

/**
 * Statements run one by one in a fresh database with `extensions` (the ones that fail are listed,
 * with their error), and its catalog read after RESET ALL, as `importWithCatalog` reads the original's.
 */
export async function exportedCatalog(statements: string[], extensions: string[], expects?: Expectations): Promise<{ catalog: CatalogSnapshot; failed: string[] }> {
  const n = setupLength(statements);
  const { db, failed } = await bootAfter(statements.slice(0, n), { extensions: [...new Set([...extensions, ...(expects?.environmentExtensions ?? [])])], expects: expects ?? expectationsOf(undefined) });
  try {
    failed.push(...(await runEach(db, statements.slice(n))));
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
