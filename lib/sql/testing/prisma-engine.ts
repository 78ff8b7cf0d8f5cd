/**
 * Node-only test helper: Prisma's own migration SQL for a schema, computed offline with
 * `@prisma/schema-engine-wasm` (`migrate diff --from-empty --to-schema --script`) over a PGlite
 * driver adapter. Used as the oracle for the Prisma conformance tests.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PGlite } from '@electric-sql/pglite';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg';

interface Engine {
  diff(params: unknown): Promise<{ stdout?: string; exitCode?: number }>;
  introspect(params: unknown): Promise<{ schema: { files: { path: string; content: string }[] } }>;
  free(): void;
}

let ready: Promise<void> | undefined;

function init(): Promise<void> {
  ready ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasmPath = require.resolve('@prisma/schema-engine-wasm').replace(/schema_engine\.js$/, 'schema_engine_bg.wasm');
    const mod = await WebAssembly.compile(readFileSync(wasmPath));
    const inst = await WebAssembly.instantiate(mod, { './schema_engine_bg.js': bg as unknown as WebAssembly.ModuleImports });
    (bg as unknown as { __wbg_set_wasm(x: unknown): void }).__wbg_set_wasm(inst.exports);
    (inst.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  })();
  return ready;
}

/** Prisma Migrate's SQL to create `files` (a Prisma schema, possibly multi-file) from an empty database. */
export async function prismaMigrateSql(files: { path: string; content: string }[], db?: PGlite): Promise<string> {
  await init();
  const pg = db ?? new PGlite();
  const factory = bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(pg));
  const SchemaEngine = (bg as unknown as { SchemaEngine: { new: (...a: unknown[]) => Promise<Engine> } }).SchemaEngine;
  const engine = await SchemaEngine.new({ datamodels: files.map((f) => [f.path, f.content]) }, () => {}, factory);
  try {
    const r = await engine.diff({
      from: { tag: 'empty' },
      to: { tag: 'schemaDatamodel', files },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return r.stdout ?? '';
  } finally {
    engine.free();
    if (!db) await pg.close();
  }
}

/**
 * `prisma db pull` of a PostgreSQL database: the Prisma schema Prisma's own introspection gives for
 * `db` (after the script under test ran in it). The oracle for what the import derives for Prisma.
 */
export async function prismaIntrospect(db: PGlite, opts: { views?: boolean; schemas?: string[] } = {}): Promise<string> {
  await init();
  const factory = bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(db));
  const generator = opts.views ? 'generator client {\n  provider = "prisma-client-js"\n  previewFeatures = ["views"]\n}\n\n' : '';
  const schemas = opts.schemas ? `  schemas = ${JSON.stringify(opts.schemas)}\n` : '';
  const schema = `${generator}datasource db {\n  provider = "postgresql"\n${schemas}}\n`;
  const files = [{ path: 'schema.prisma', content: schema }];
  const SchemaEngine = (bg as unknown as { SchemaEngine: { new: (...a: unknown[]) => Promise<Engine> } }).SchemaEngine;
  const engine = await SchemaEngine.new({ datamodels: [['schema.prisma', schema]] }, () => {}, factory);
  try {
    const r = await engine.introspect({ schema: { files }, baseDirectoryPath: '/', force: false, compositeTypeDepth: 0, namespaces: null });
    return r.schema.files.map((f) => f.content).join('\n');
  } finally {
    engine.free();
  }
}
