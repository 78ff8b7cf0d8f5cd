import { serveVendorFile } from '../../serve';

/** PGlite's WASM and file-system bundle, for the SQL-import worker (see ../../serve.ts). */
const dist = '@electric-sql/pglite/dist';
const FILES = {
  'pglite.wasm': { path: `${dist}/pglite.wasm`, type: 'application/wasm' },
  'initdb.wasm': { path: `${dist}/initdb.wasm`, type: 'application/wasm' },
  'pglite.data': { path: `${dist}/pglite.data`, type: 'application/octet-stream' },
};

export const GET = (_req: Request, ctx: { params: Promise<{ file: string }> }) => serveVendorFile(ctx, FILES);
