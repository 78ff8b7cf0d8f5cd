import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Serves a file of an installed package to the browser (WASM and data bundles that workers fetch
 * and hand to their library, instead of the library resolving `new URL(..., import.meta.url)`
 * inside a bundled worker, which can fail under Turbopack: PGlite issue 792).
 * `files` maps each served name to its path under node_modules and its content type.
 */
export async function serveVendorFile(ctx: { params: Promise<{ file: string }> }, files: Record<string, { path: string; type: string }>): Promise<Response> {
  const { file } = await ctx.params;
  const entry = files[file];
  if (!entry) return new Response(`unknown file "${file}": expected one of ${Object.keys(files).join(', ')}`, { status: 400 });
  try {
    const body = await readFile(path.join(process.cwd(), 'node_modules', entry.path));
    return new Response(new Uint8Array(body), { headers: { 'content-type': entry.type, 'cache-control': 'public, max-age=31536000, immutable' } });
  } catch {
    return new Response(`${file} is not installed on the server`, { status: 404 });
  }
}
