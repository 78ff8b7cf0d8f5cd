/**
 * Prisma's own validator (prisma-schema-wasm `lint`), mapped to located diagnostics.
 *
 * The wasm package is loaded lazily with a dynamic import whose specifier bundlers ignore, so it
 * never lands in a browser bundle. The package is CommonJS and reads its `.wasm` file with
 * `require('fs').readFileSync(__dirname + '/prisma_schema_build_bg.wasm')`: it loads in Node
 * (CLI, tests). A browser needs `setSchemaWasmLoader()` (e.g. a worker or server route);
 * without one, validation reports an info diagnostic instead of failing.
 */
import type { Diagnostic } from '../schema/diagnostics';
import type { SourceFile } from '../formats/types';

interface LintError {
  file_name: string;
  start: number;
  end: number;
  text: string;
  is_warning: boolean;
}

export interface SchemaWasm {
  lint(input: string): string;
  format(schema: string, params: string): string;
}

let wasm: Promise<SchemaWasm> | undefined;
let loader: (() => Promise<SchemaWasm>) | undefined;

/**
 * Overrides how the wasm module is loaded, e.g. in a browser where the package's own loader
 * (which reads the .wasm file with `fs`) cannot run. Call before the first validation.
 */
export function setSchemaWasmLoader(load: () => Promise<SchemaWasm>): void {
  loader = load;
  wasm = undefined;
}

/** Loads @prisma/prisma-schema-wasm once (hidden from bundlers: it needs Node's `fs`). */
export function loadSchemaWasm(): Promise<SchemaWasm> {
  wasm ??= (async () => {
    const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(m: string): void } };
    g.PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message(m: string) {
        lastPanic = m;
      },
    };
    if (loader) return loader();
    const specifier = '@prisma/prisma-schema-wasm';
    const mod = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ /* @vite-ignore */ specifier)) as SchemaWasm & {
      default?: SchemaWasm;
    };
    return typeof mod.lint === 'function' ? mod : mod.default!;
  })();
  wasm.catch(() => (wasm = undefined));
  return wasm;
}

let lastPanic = '';

/**
 * Errors that only mean "written for an older Prisma": connection URLs in the datasource (moved
 * to prisma.config.ts in Prisma 7) and preview features Prisma no longer knows. Reported as warnings.
 */
const LEGACY = [/no longer supported in schema files/, /The preview feature "[^"]*" is not known/];

function locate(text: string, byteOffset: number): { line: number; column: number } {
  const bytes = new TextEncoder().encode(text);
  const before = new TextDecoder().decode(bytes.slice(0, Math.max(0, Math.min(byteOffset, bytes.length))));
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

export async function validatePrisma(files: SourceFile[]): Promise<Diagnostic[]> {
  let w: SchemaWasm;
  try {
    w = await loadSchemaWasm();
  } catch (e) {
    return [{ severity: 'info', code: 'prisma/validator-unavailable', message: `Prisma's validator could not be loaded here: ${(e as Error).message}` }];
  }
  let raw: string;
  try {
    raw = w.lint(JSON.stringify(files.map((f) => [f.path, f.text])));
  } catch (e) {
    return [{ severity: 'error', code: 'prisma/validator-crash', message: `Prisma validator failed: ${lastPanic || (e as Error).message}` }];
  }
  const byPath = new Map(files.map((f) => [f.path, f.text]));
  return (JSON.parse(raw) as LintError[]).map((e) => {
    const legacy = !e.is_warning && LEGACY.some((re) => re.test(e.text));
    const text = byPath.get(e.file_name);
    return {
      severity: e.is_warning || legacy ? 'warning' : 'error',
      code: legacy ? 'prisma/legacy' : 'prisma/validate',
      message: legacy ? `${e.text} (accepted: written for an older Prisma version)` : e.text,
      file: e.file_name,
      ...(text === undefined ? {} : locate(text, e.start)),
    };
  });
}

/** `prisma format` of a set of files (used by tests and for printing new schemas). */
export async function formatPrisma(files: SourceFile[]): Promise<SourceFile[]> {
  const w = await loadSchemaWasm();
  const out = w.format(
    JSON.stringify(files.map((f) => [f.path, f.text])),
    JSON.stringify({ textDocument: { uri: 'file:/schema.prisma' }, options: { tabSize: 2, insertSpaces: true } }),
  );
  return (JSON.parse(out) as [string, string][]).map(([path, text]) => ({ path, text }));
}
