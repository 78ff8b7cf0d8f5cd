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

/** A document as Schemata format 1 saved it: positions and colours lived on tables. */
export const V1_DOCUMENT = {
  format: 'schemata',
  version: 1,
  id: 'doc_old',
  name: 'Old',
  settings: { provider: 'postgresql' },
  namespaces: {},
  tables: {
    tbl_a: {
      id: 'tbl_a',
      name: 'Account',
      position: { x: 10, y: 20 },
      color: '#ff0000',
      columns: [{ id: 'col_a', name: 'id', type: { kind: 'Int' }, nullable: false }],
      primaryKey: { columns: [{ column: 'col_a' }] },
      indexes: [],
      checks: [],
    },
  },
  enums: {},
  relations: {},
  layout: { nodes: {} },
};

/** A controllable clock. */
export function manualClock(start = 1_000) {
  let t = start;
  return { now: () => t, advance: (ms = 1) => (t += ms) };
}
