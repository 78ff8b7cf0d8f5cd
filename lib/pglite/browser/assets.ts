/** PGlite's binaries for a browser or worker, fetched from the app's vendor route and compiled once. */
export interface PgliteAssets {
  pgliteWasmModule: WebAssembly.Module;
  initdbWasmModule: WebAssembly.Module;
  fsBundle: Blob;
}

let assets: Promise<PgliteAssets> | undefined;

export function loadPgliteAssets(base = '/vendor/pglite'): Promise<PgliteAssets> {
  assets ??= (async () => {
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
  assets.catch(() => (assets = undefined));
  return assets;
}
