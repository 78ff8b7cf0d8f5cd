import { serveVendorFile } from '../../serve';

/**
 * Prisma's schema engine (WASM build), so validation and formatting run in the browser: the
 * user's schema never leaves it. Only the two package files are served (see ../../serve.ts).
 */
const src = '@prisma/prisma-schema-wasm/src';
const FILES = {
  'prisma_schema_build.js': { path: `${src}/prisma_schema_build.js`, type: 'text/javascript; charset=utf-8' },
  'prisma_schema_build_bg.wasm': { path: `${src}/prisma_schema_build_bg.wasm`, type: 'application/wasm' },
};

export const GET = (_req: Request, ctx: { params: Promise<{ file: string }> }) => serveVendorFile(ctx, FILES);
