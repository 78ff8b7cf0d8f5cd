/**
 * Prisma's own validator (prisma-schema-wasm `lint`), mapped to located diagnostics.
 *
 * The wasm package is loaded lazily with a dynamic import, so it never lands in an initial
 * browser bundle. Note: the package is CommonJS and reads its `.wasm` file with
 * `require('fs').readFileSync(__dirname + '/prisma_schema_build_bg.wasm')`, so in a browser it
 * needs a bundler shim (or a worker that instantiates the wasm itself).
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

interface SchemaWasm {
  lint(input: string): string;
  format(schema: string, params: string): string;
}

let wasm: Promise<SchemaWasm> | undefined;

/** Loads @prisma/prisma-schema-wasm once. */
export function loadSchemaWasm(): Promise<SchemaWasm> {
  wasm ??= (async () => {
    const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(m: string): void } };
    g.PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message(m: string) {
        lastPanic = m;
      },
    };
    const mod = (await import('@prisma/prisma-schema-wasm')) as unknown as SchemaWasm & { default?: SchemaWasm };
    return typeof mod.lint === 'function' ? mod : mod.default!;
  })();
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
  const w = await loadSchemaWasm();
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
