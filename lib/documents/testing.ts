/** Test helpers for lib/documents (not used by the app). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDocument } from '../schema/serialize';
import type { SchemaDocument } from '../schema/types';
import { openDocumentRepository, type RepositoryOptions } from './repository';

let dbCounter = 0;

/** A repository over a fresh, uniquely named database (needs `fake-indexeddb/auto` in Node). */
export function freshRepository(opts: RepositoryOptions = {}) {
  const dbName = `schemata-test-${++dbCounter}-${Math.random().toString(36).slice(2)}`;
  return openDocumentRepository({ dbName, ...opts }).then((repo) => ({ repo, dbName }));
}

export function blogDocument(): SchemaDocument {
  const path = fileURLToPath(new URL('../../prisma/blog.schemata.json', import.meta.url));
  return parseDocument(readFileSync(path, 'utf8'), 'prisma/blog.schemata.json');
}

export { V1_DOCUMENT } from '../schema/fixtures';

/** A controllable clock. */
export function manualClock(start = 1_000) {
  let t = start;
  return { now: () => t, advance: (ms = 1) => (t += ms) };
}
