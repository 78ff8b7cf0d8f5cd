/**
 * Dev-only: a PGlite with PostGIS, for the conformance tests of schemas that use PostGIS types.
 * `@electric-sql/pglite-postgis` is built for PGlite 0.5.8 (its bundle breaks plpgsql on later
 * releases), so it runs on that release, installed under the alias `pglite-postgis-host`.
 */
import type { PGlite } from '@electric-sql/pglite';
import { pgRunner, type PgRunner } from '../../pglite/runner';

export async function bootPostgisPg(): Promise<PgRunner> {
  const [{ PGlite: Host }, { postgis }] = await Promise.all([import('pglite-postgis-host'), import('@electric-sql/pglite-postgis')]);
  const db = (await Host.create({ extensions: { postgis } })) as unknown as PGlite;
  await db.exec('CREATE EXTENSION IF NOT EXISTS postgis');
  return pgRunner(db);
}
