/**
 * PostGIS for scripts that create it. `@electric-sql/pglite-postgis` is built for PGlite 0.5.8:
 * on later releases its library does not load (nor, after it, plpgsql). So a script that creates
 * PostGIS runs on that release, installed as `pglite-postgis-host`, with that release's contrib
 * extensions. Browser-safe (literal dynamic imports, so bundlers split them; nothing loads until a
 * script names PostGIS).
 */
import type { Extension, PGlite } from '@electric-sql/pglite';
import { pgRunner, type PgRunner } from './runner';
import { loadExtensions, type Loader } from './extensions';

/**
 * The extensions the PostGIS build brings (its bundle holds them all; postgis_raster is not run, see
 * classify.ts), and what each needs from contrib when made with CASCADE.
 */
const POSTGIS = new Map<string, string[]>([
  ['postgis', []],
  ['postgis_topology', []],
  ['postgis_raster', []],
  ['postgis_tiger_geocoder', ['fuzzystrmatch']],
]);

/** Whether these `CREATE EXTENSION` names need the PostGIS build. */
export const needsPostgis = (names: Iterable<string>) => [...names].some((n) => POSTGIS.has(n.toLowerCase()));

/** The host release's contrib extensions (a contrib build belongs to its release). */
const HOST_LOADERS: Record<string, Loader> = {
  amcheck: () => import('pglite-postgis-host/contrib/amcheck').then((m) => m.amcheck),
  bloom: () => import('pglite-postgis-host/contrib/bloom').then((m) => m.bloom),
  btree_gin: () => import('pglite-postgis-host/contrib/btree_gin').then((m) => m.btree_gin),
  btree_gist: () => import('pglite-postgis-host/contrib/btree_gist').then((m) => m.btree_gist),
  citext: () => import('pglite-postgis-host/contrib/citext').then((m) => m.citext),
  cube: () => import('pglite-postgis-host/contrib/cube').then((m) => m.cube),
  dict_int: () => import('pglite-postgis-host/contrib/dict_int').then((m) => m.dict_int),
  dict_xsyn: () => import('pglite-postgis-host/contrib/dict_xsyn').then((m) => m.dict_xsyn),
  earthdistance: () => import('pglite-postgis-host/contrib/earthdistance').then((m) => m.earthdistance),
  file_fdw: () => import('pglite-postgis-host/contrib/file_fdw').then((m) => m.file_fdw),
  fuzzystrmatch: () => import('pglite-postgis-host/contrib/fuzzystrmatch').then((m) => m.fuzzystrmatch),
  hstore: () => import('pglite-postgis-host/contrib/hstore').then((m) => m.hstore),
  intarray: () => import('pglite-postgis-host/contrib/intarray').then((m) => m.intarray),
  isn: () => import('pglite-postgis-host/contrib/isn').then((m) => m.isn),
  lo: () => import('pglite-postgis-host/contrib/lo').then((m) => m.lo),
  ltree: () => import('pglite-postgis-host/contrib/ltree').then((m) => m.ltree),
  moddatetime: () => import('pglite-postgis-host/contrib/moddatetime').then((m) => m.moddatetime),
  pg_trgm: () => import('pglite-postgis-host/contrib/pg_trgm').then((m) => m.pg_trgm),
  pgcrypto: () => import('pglite-postgis-host/contrib/pgcrypto').then((m) => m.pgcrypto),
  seg: () => import('pglite-postgis-host/contrib/seg').then((m) => m.seg),
  tablefunc: () => import('pglite-postgis-host/contrib/tablefunc').then((m) => m.tablefunc),
  tcn: () => import('pglite-postgis-host/contrib/tcn').then((m) => m.tcn),
  tsm_system_rows: () => import('pglite-postgis-host/contrib/tsm_system_rows').then((m) => m.tsm_system_rows),
  tsm_system_time: () => import('pglite-postgis-host/contrib/tsm_system_time').then((m) => m.tsm_system_time),
  unaccent: () => import('pglite-postgis-host/contrib/unaccent').then((m) => m.unaccent),
  'uuid-ossp': () => import('pglite-postgis-host/contrib/uuid_ossp').then((m) => m.uuid_ossp),
};

/** Where a browser gets the host release's binaries and the PostGIS bundle (else each package finds its own files). */
export interface PostgisAssets {
  pgliteWasmModule: WebAssembly.Module;
  initdbWasmModule: WebAssembly.Module;
  fsBundle: Blob;
  /** The URL of `postgis.tar.gz`. */
  postgisBundle: URL;
}

/**
 * PostGIS as `@electric-sql/pglite-postgis` sets it up. Given `bundle` (a browser), the setup is
 * written out here with the bundle fetched from there: the package's own module reaches for Node's
 * `fs/promises`, which a browser bundle cannot resolve, and its `new URL(..., import.meta.url)` can
 * fail in a bundled worker (PGlite issue 792). In Node the package is imported as it is (the import is
 * hidden from bundlers).
 */
async function postgisExtension(bundle?: URL): Promise<Extension> {
  if (!bundle) {
    const pkg = '@electric-sql/pglite-postgis';
    const { postgis } = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ /* @vite-ignore */ pkg)) as { postgis: Extension };
    return postgis;
  }
  return {
    name: 'postgis',
    async setup(_pg, emscriptenOpts) {
      const env = (emscriptenOpts as { PGLITE_ENV: Record<string, string | number> }).PGLITE_ENV;
      env.POSTGIS_GDAL_ENABLED_DRIVERS = 'ENABLE_ALL';
      env.POSTGIS_ENABLE_OUTDB_RASTERS = 1;
      env.PROJ_DATA = '/pglite/share/proj';
      return { emscriptenOpts, bundlePath: bundle };
    },
  };
}

/**
 * A database on the PostGIS build with PostGIS and the other named extensions available
 * (`CREATE EXTENSION` still has to run), booted from `snapshot` (a data directory of this build's)
 * if given. Names neither build ships are returned as missing.
 */
export async function bootPostgisPg(names: string[] = ['postgis'], opts: { assets?: PostgisAssets; postgresqlconf?: string[]; snapshot?: Blob } = {}): Promise<PgRunner> {
  const wanted = [...names].map((n) => n.toLowerCase());
  const others = await loadExtensions([...wanted.filter((n) => !POSTGIS.has(n)), ...wanted.flatMap((n) => POSTGIS.get(n) ?? [])], HOST_LOADERS);
  const extensions = { ...others.extensions, postgis: await postgisExtension(opts.assets?.postgisBundle) };
  const missing = others.missing;
  const { PGlite: Host } = await import('pglite-postgis-host');
  const { postgisBundle: _, ...binaries } = opts.assets ?? ({} as Partial<PostgisAssets>);
  const db = (await Host.create({
    ...binaries,
    extensions: extensions as never,
    ...(opts.postgresqlconf ? { postgresqlconf: opts.postgresqlconf } : {}),
    ...(opts.snapshot ? { loadDataDir: opts.snapshot } : {}),
  })) as unknown as PGlite;
  return pgRunner(db, missing);
}
