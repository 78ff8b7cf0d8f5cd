import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Serves PGlite's WASM and file-system bundle to the browser. The SQL-import worker fetches them
 * from here and hands them to PGlite itself, instead of relying on `new URL(..., import.meta.url)`
 * inside a bundled worker (which can fail under Turbopack: PGlite issue 792).
 */
const FILES: Record<string, string> = {
  'pglite.wasm': 'application/wasm',
  'initdb.wasm': 'application/wasm',
  'pglite.data': 'application/octet-stream',
};

export async function GET(_req: Request, ctx: { params: Promise<{ file: string }> }) {
  const { file } = await ctx.params;
  const type = FILES[file];
  if (!type) return new Response(`unknown file "${file}": expected one of ${Object.keys(FILES).join(', ')}`, { status: 400 });
  try {
    const body = await readFile(path.join(process.cwd(), 'node_modules', '@electric-sql', 'pglite', 'dist', file));
    return new Response(new Uint8Array(body), { headers: { 'content-type': type, 'cache-control': 'public, max-age=31536000, immutable' } });
  } catch {
    return new Response(`${file} is not installed on the server`, { status: 404 });
  }
}
