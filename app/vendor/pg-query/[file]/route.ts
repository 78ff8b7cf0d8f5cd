import { serveVendorFile } from '../../serve';

/** PostgreSQL's parser (libpg_query) as WASM, for the SQL-import worker's preview (see ../../serve.ts). */
const FILES = { 'libpg-query.wasm': { path: 'libpg-query/wasm/libpg-query.wasm', type: 'application/wasm' } };

export const GET = (_req: Request, ctx: { params: Promise<{ file: string }> }) => serveVendorFile(ctx, FILES);
