/**
 * MySQL and SQLite export against real engines, for every corpus schema: each Prisma schema (all
 * providers, single files and multi-file folders) and each PostgreSQL dump is turned into SQLite DDL
 * (run in sql.js, a fresh in-memory database each) and MySQL DDL (run in MariaDB, a fresh database
 * each, dropped after). Then the catalog must match the document: tables, columns, primary keys and
 * the number of foreign keys.
 *
 * Every statement that fails and every catalog difference is listed; the list must equal KNOWN below,
 * so a new failure and a fixed one both change the test. The MariaDB half skips (with the reason)
 * when no server is reachable: see lib/sql/testing/mariadb.ts for the connection settings.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportResult } from '../formats/types';
import type { SchemaDocument } from '../schema/types';
import { buildDdl } from './ddl/builder';
import { mysqlDialect } from './ddl/mysql';
import { sqliteDialect } from './ddl/sqlite';
import { importFixture } from './testing/import-cache';
import { diffShapes, expectedShape } from './testing/catalog-shape';
import { corpusPrismaSchemas, corpusSqlFiles, hasCorpus, loadImportPrisma, readCorpusSql } from './testing/corpus';
import { connectMariaDb, mariaDbShape, tryExec, withDatabase } from './testing/mariadb';
import { openSqlite, sqliteShape } from './testing/sqlite';

/**
 * Known problems: why each cannot be fixed in the exporter → the problems, `<engine> <schema>: <problem>`
 * (a failed statement is named by its first 60 characters). Keep this in step with the output: the
 * test fails when one disappears or a new one appears. The exporter warns about each of them.
 */
const KNOWN_BY_REASON: Record<string, string[]> = {
  'PostgreSQL allows tables without columns; MySQL and SQLite do not (the exporter skips them with a warning)': [
    'sqlite sql/postgrest-spec-fixtures-schema.sql: ov_json: table missing',
    'sqlite sql/postgrest-spec-fixtures-schema.sql: private_table: table missing',
    'sqlite sql/postgrest-spec-fixtures-schema.sql: rollen: table missing',
    'mariadb sql/postgrest-spec-fixtures-schema.sql: ov_json: table missing',
    'mariadb sql/postgrest-spec-fixtures-schema.sql: private_table: table missing',
    'mariadb sql/postgrest-spec-fixtures-schema.sql: rollen: table missing',
  ],
  'MariaDB/MySQL names cannot end with a space: the column "  col  w  space  " is written without it, with a warning': [
    'mariadb sql/postgrest-spec-fixtures-schema.sql: pgrst_reserved_chars: columns [*id*, :arr->ow::cast, (inside,parens), a.dotted.column,   col  w  space  ] != [*id*, :arr->ow::cast, (inside,parens), a.dotted.column,   col  w  space]',
  ],
};
const KNOWN: Record<string, string> = Object.fromEntries(Object.entries(KNOWN_BY_REASON).flatMap(([why, keys]) => keys.map((k) => [k, why])));

const importPrisma = await loadImportPrisma();
const maria = hasCorpus ? await connectMariaDb() : { error: 'corpus missing' };
const server = 'conn' in maria ? maria : undefined;
afterAll(async () => {
  await server?.conn.end();
});

type Case = { name: string; load: () => Promise<SchemaDocument> };
const cases: Case[] = [];
if (hasCorpus) {
  const seen = new Set<string>();
  for (const provider of ['postgresql', 'mysql', 'sqlite', 'cockroachdb']) {
    for (const s of corpusPrismaSchemas(provider)) {
      if (seen.has(s.name)) continue;
      seen.add(s.name);
      cases.push({ name: `prisma/${s.name}`, load: async () => (await importPrisma!(s.files, { skipValidation: true })).document });
    }
  }
  for (const f of corpusSqlFiles()) {
    cases.push({
      name: `sql/${f}`,
      load: async () => {
        const r: ImportResult = (await importFixture(readCorpusSql(f))).result;
        return r.document;
      },
    });
  }
}
const docs = new Map<string, Promise<SchemaDocument>>();
const load = (c: Case) => {
  if (!docs.has(c.name)) docs.set(c.name, c.load());
  return docs.get(c.name)!;
};

const found: string[] = [];
const short = (sql: string) => sql.replace(/\s+/g, ' ').slice(0, 60);
/** A failed statement: the key names the statement; the server's message is printed beside it. */
const failed = (sql: string, error: string) => ({ key: `failed: ${short(sql)}`, detail: error.replace(/schemata_t_\d+_\d+/g, 'db') });
type Problem = { key: string; detail?: string };

function check(engine: string, c: Case, problems: Problem[]) {
  const keys = problems.map((p) => `${engine} ${c.name}: ${p.key}`);
  found.push(...keys);
  const known = Object.keys(KNOWN).filter((k) => k.startsWith(`${engine} ${c.name}: `));
  if (keys.length) console.log(problems.map((p, i) => `  ${keys[i]}${p.detail ? ` (${p.detail})` : ''}${KNOWN[keys[i]] ? `\n    known: ${KNOWN[keys[i]]}` : ''}`).join('\n'));
  expect(keys.sort()).toEqual(known.sort());
}

const skip = !hasCorpus ? 'corpus missing (../shared/corpus)' : !importPrisma ? 'lib/prisma importPrisma not available' : '';

describe.skipIf(!!skip)(`SQLite DDL for the corpus runs in sql.js${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it.for(cases.map((c) => [c.name, c] as const))('%s', async ([, c]) => {
    const doc = await load(c);
    const ddl = buildDdl(doc, sqliteDialect);
    const db = await openSqlite();
    const problems: Problem[] = [];
    for (const st of ddl.statements) {
      try {
        db.exec(st.sql);
      } catch (e) {
        problems.push(failed(st.sql, (e as Error).message));
      }
    }
    problems.push(...diffShapes(expectedShape(doc), sqliteShape(db), { caseInsensitive: true }).map((key) => ({ key })));
    db.close();
    check('sqlite', c, problems);
  });
});

const mSkip = skip || (server ? '' : (maria as { error: string }).error);
describe.skipIf(!!mSkip)(`MySQL DDL for the corpus runs in MariaDB${mSkip ? ` (skipped: ${mSkip})` : ` (${server?.version})`}`, () => {
  it.for(cases.map((c) => [c.name, c] as const))('%s', async ([, c]) => {
    const doc = await load(c);
    const ddl = buildDdl(doc, mysqlDialect);
    const problems: Problem[] = [];
    await withDatabase(server!, async (name) => {
      for (const st of ddl.statements) {
        const err = await tryExec(server!, st.sql);
        if (err) problems.push(failed(st.sql, err));
      }
      problems.push(...diffShapes(expectedShape(doc), await mariaDbShape(server!, name), { caseInsensitive: true }).map((key) => ({ key })));
    });
    check('mariadb', c, problems);
  });
});

describe.skipIf(!!skip)('known exceptions', () => {
  it('lists every problem found', () => {
    const engines = mSkip ? 'sqlite' : 'sqlite + mariadb';
    console.log(`dialect corpus (${engines}): ${cases.length} schemas; ${found.length} problems, all known${found.length ? `:\n${found.map((f) => `  ${f}\n    ${KNOWN[f] ?? 'NEW'}`).join('\n')}` : ''}`);
    const expected = Object.keys(KNOWN).filter((k) => !mSkip || k.startsWith('sqlite '));
    expect(found.sort()).toEqual(expected.sort());
  });
});
