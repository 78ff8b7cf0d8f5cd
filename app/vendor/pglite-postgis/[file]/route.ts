import { serveVendorFile } from '../../serve';

/**
 * The PostGIS build for the SQL-import worker, fetched only for a script that creates PostGIS
 * (lib/pglite/postgis.ts): PGlite 0.5.8's WASM and file-system bundle, and the PostGIS bundle.
 */
const host = 'pglite-postgis-host/dist';
const FILES = {
  'pglite.wasm': { path: `${host}/pglite.wasm`, type: 'application/wasm' },
  'initdb.wasm': { path: `${host}/initdb.wasm`, type: 'application/wasm' },
  'pglite.data': { path: `${host}/pglite.data`, type: 'application/octet-stream' },
  'postgis.tar.gz': { path: '@electric-sql/pglite-postgis/dist/postgis.tar.gz', type: 'application/gzip' },
};

export const GET = (_req: Request, ctx: { params: Promise<{ file: string }> }) => serveVendorFile(ctx, FILES);
