/**
 * Loads Prisma's schema WASM in a browser. The package is built for Node (it reads its .wasm file
 * with `fs`), so we fetch its glue script and the binary, compile the binary asynchronously, and
 * evaluate the glue with a tiny CommonJS shim. Installed lazily: nothing loads until the first
 * validation or format.
 */
import { setSchemaWasmLoader, type SchemaWasm } from './validate';

export function installBrowserSchemaWasm(base = '/vendor/prisma-schema-wasm'): void {
  setSchemaWasmLoader(async () => {
    const [glue, bytes] = await Promise.all([
      fetch(`${base}/prisma_schema_build.js`).then((r) => {
        if (!r.ok) throw new Error(`could not load Prisma's validator (${r.status})`);
        return r.text();
      }),
      fetch(`${base}/prisma_schema_build_bg.wasm`).then((r) => {
        if (!r.ok) throw new Error(`could not load Prisma's validator (${r.status})`);
        return r.arrayBuffer();
      }),
    ]);
    const compiled = await WebAssembly.compile(bytes);
    const wa = new Proxy(WebAssembly, {
      get: (target, key) => (key === 'Module' ? function Module() { return compiled; } : Reflect.get(target, key)),
    });
    const cjs = { exports: {} as Record<string, unknown> };
    const require = (name: string) => {
      if (name === 'fs') return { readFileSync: () => new Uint8Array(bytes) };
      throw new Error(`prisma-schema-wasm: unexpected require("${name}")`);
    };
    // `global` is where the glue reports panics (PRISMA_WASM_PANIC_REGISTRY).
    new Function('module', 'exports', 'require', '__dirname', 'WebAssembly', 'global', glue)(cjs, cjs.exports, require, '', wa, globalThis);
    return cjs.exports as unknown as SchemaWasm;
  });
}
