import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Serves Prisma's schema engine (WASM build) to the browser so validation and formatting run
 * client-side: the user's schema never leaves the browser. Only the two package files are served.
 */
const FILES: Record<string, string> = {
  'prisma_schema_build.js': 'text/javascript; charset=utf-8',
  'prisma_schema_build_bg.wasm': 'application/wasm',
};

export async function GET(_req: Request, ctx: { params: Promise<{ file: string }> }) {
  const { file } = await ctx.params;
  const type = FILES[file];
  if (!type) return new Response(`unknown file "${file}": expected one of ${Object.keys(FILES).join(', ')}`, { status: 400 });
  const dir = path.join(process.cwd(), 'node_modules', '@prisma', 'prisma-schema-wasm', 'src');
  try {
    const body = await readFile(path.join(dir, file));
    return new Response(new Uint8Array(body), {
      headers: { 'content-type': type, 'cache-control': 'public, max-age=31536000, immutable' },
    });
  } catch {
    return new Response(`${file} is not installed on the server`, { status: 404 });
  }
}
