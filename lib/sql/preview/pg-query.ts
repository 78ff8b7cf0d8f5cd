/**
 * PostgreSQL's own parser (libpg_query, compiled to WebAssembly by the `libpg-query` package), for
 * the import preview. The WASM binary is handed in by the caller (fetched from the app's vendor
 * route in the browser, read from node_modules in Node) rather than located by the package, so a
 * bundled worker never has to resolve `import.meta.url` (the trap of PGlite issue 792).
 */
// @ts-expect-error: the Emscripten factory has no type declarations
import PgQueryModule from 'libpg-query/wasm/libpg-query.js';

interface PgQueryWasm {
  _wasm_parse_query_raw(ptr: number): number;
  _wasm_free_parse_result(ptr: number): void;
  _malloc(n: number): number;
  _free(ptr: number): void;
  getValue(ptr: number, type: 'i32'): number;
  lengthBytesUTF8(s: string): number;
  stringToUTF8(s: string, ptr: number, max: number): void;
  UTF8ToString(ptr: number): string;
}

/** A parse tree node: `{ NodeType: { ...fields } }`. */
export type PgNode = Record<string, unknown>;

export interface PgParseResult {
  version?: number;
  stmts: { stmt: PgNode; stmt_location?: number; stmt_len?: number }[];
}

export class PgSyntaxError extends Error {
  /** 0-based byte offset of the error in the parsed text. */
  constructor(message: string, readonly position: number) {
    super(message);
  }
}

let loading: Promise<PgQueryWasm> | undefined;
let wasm: PgQueryWasm | undefined;

/** Loads the parser once; `binary` gives the bytes of `libpg-query.wasm`. */
export function loadPgQuery(binary: () => Promise<ArrayBuffer | Uint8Array>): Promise<void> {
  loading ??= (async () => {
    const compiled = await WebAssembly.compile((await binary()) as BufferSource);
    // This Emscripten build ignores `wasmBinary`; `instantiateWasm` is how bytes are handed in.
    const instantiateWasm = (imports: WebAssembly.Imports, done: (instance: WebAssembly.Instance) => void) => {
      void WebAssembly.instantiate(compiled, imports).then(done);
      return {};
    };
    const mod = (await (PgQueryModule as (arg: object) => Promise<PgQueryWasm>)({ instantiateWasm })) as PgQueryWasm;
    wasm = mod;
    return mod;
  })();
  loading.catch(() => (loading = undefined));
  return loading.then(() => undefined);
}

export const pgQueryLoaded = () => !!wasm;

/** Parses SQL text into PostgreSQL's raw parse tree (locations are UTF-8 byte offsets). */
export function parsePg(sql: string): PgParseResult {
  const m = wasm;
  if (!m) throw new Error('the PostgreSQL parser is not loaded (call loadPgQuery first)');
  const len = m.lengthBytesUTF8(sql) + 1;
  const input = m._malloc(len);
  let result = 0;
  try {
    m.stringToUTF8(sql, input, len);
    result = m._wasm_parse_query_raw(input);
    const tree = m.getValue(result, 'i32');
    const error = m.getValue(result + 8, 'i32');
    if (error) {
      const message = m.UTF8ToString(m.getValue(error, 'i32'));
      const cursor = m.getValue(error + 16, 'i32');
      throw new PgSyntaxError(message, cursor > 0 ? cursor - 1 : 0);
    }
    return JSON.parse(m.UTF8ToString(tree)) as PgParseResult;
  } finally {
    m._free(input);
    if (result) m._wasm_free_parse_result(result);
  }
}

/** The character index in `src` of a UTF-8 byte offset (the parser's locations are byte offsets). */
export function charIndexer(src: string): (byte: number) => number {
  if (!/[^\x00-\x7f]/.test(src)) return (byte) => byte;
  const map = new Int32Array(new TextEncoder().encode(src).length + 1);
  let b = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src.codePointAt(i)!;
    const w = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    for (let k = 0; k < w; k++) map[b++] = i;
    if (c >= 0x10000) i++;
  }
  map[b] = src.length;
  return (byte) => map[byte] ?? src.length;
}
