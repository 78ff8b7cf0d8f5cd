/** Node-only: loads the PostgreSQL parser's WASM from node_modules (tests, CLI, benchmarks). */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { loadPgQuery } from './pg-query';

export function loadPgQueryNode(): Promise<void> {
  const require = createRequire(import.meta.url);
  return loadPgQuery(() => readFile(require.resolve('libpg-query/wasm/libpg-query.wasm')));
}
