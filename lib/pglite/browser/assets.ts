/** PGlite's binaries for a browser or worker, fetched from the app's vendor routes and compiled once. */
import type { PostgisAssets } from '../postgis';

export interface PgliteAssets {
  pgliteWasmModule: WebAssembly.Module;
  initdbWasmModule: WebAssembly.Module;
  fsBundle: Blob;
}

const loaded = new Map<string, Promise<PgliteAssets>>();

/** A PGlite release's binaries under `base` (the main release's by default). */
export function loadPgliteAssets(base = '/vendor/pglite'): Promise<PgliteAssets> {
  let assets = loaded.get(base);
  if (assets) return assets;
  assets = (async () => {
    const get = async (name: string) => {
      const r = await fetch(`${base}/${name}`);
      if (!r.ok) throw new Error(`could not load ${name} (${r.status})`);
      return r;
    };
    const [pglite, initdb, data] = await Promise.all([get('pglite.wasm'), get('initdb.wasm'), get('pglite.data')]);
    const [pgliteWasmModule, initdbWasmModule, fsBundle] = await Promise.all([
      WebAssembly.compile(await pglite.arrayBuffer()),
      WebAssembly.compile(await initdb.arrayBuffer()),
      data.blob(),
    ]);
    return { pgliteWasmModule, initdbWasmModule, fsBundle };
  })();
  loaded.set(base, assets);
  assets.catch(() => loaded.delete(base));
  return assets;
}

/** The PostGIS build's binaries and the URL of its PostGIS bundle (lib/pglite/postgis.ts). */
export async function loadPostgisAssets(base = '/vendor/pglite-postgis'): Promise<PostgisAssets> {
  return { ...(await loadPgliteAssets(base)), postgisBundle: new URL(`${base}/postgis.tar.gz`, self.location.origin) };
}
