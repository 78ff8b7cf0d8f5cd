/**
 * Every corpus dump with enums: each enum and each of its values renamed on the canvas. PostgreSQL
 * judges: the edited document's DDL, applied in a fresh PGlite, builds the catalog the original
 * script builds followed by the same ALTER TYPE ... RENAME VALUE / RENAME TO.
 */
import { describe, expect, it } from 'vitest';
import { diffCatalogs, readCatalogSnapshot } from '../pglite/catalog';
import type { SchemaDocument } from '../schema/types';
import { updateEnum } from '../store/commands';
import { buildDdl, type PostgresSqlSources } from './ddl/builder';
import { postgresDialect } from './ddl/postgres';
import { enumKeys } from './follow-enums';
import { quoteIdent } from './follow-query';
import { loadPgQueryNode } from './preview/pg-query-node';
import { corpusSqlFiles, hasCorpus, readCorpusSql } from './testing/corpus';
import { importFixture } from './testing/import-cache';
import { applyStatements } from './testing/setup-cache';

const withEnums = corpusSqlFiles().filter((name) => /\bas\s+enum\b/i.test(readCorpusSql(name).text));

/** Every enum and value of `doc` renamed (`_x`), and the same in SQL. */
function renameAll(doc: SchemaDocument): { doc: SchemaDocument; sql: string } {
  const sql: string[] = [];
  const keys = enumKeys(doc);
  let out = doc;
  for (const en of Object.values(doc.enums)) {
    const [schema, name] = keys.get(en.id)!.split('\u0000');
    const type = `${quoteIdent(schema)}.${quoteIdent(name)}`;
    for (const v of en.values) sql.push(`ALTER TYPE ${type} RENAME VALUE '${(v.dbName ?? v.name).replace(/'/g, "''")}' TO '${`${v.dbName ?? v.name}_x`.replace(/'/g, "''")}';`);
    sql.push(`ALTER TYPE ${type} RENAME TO ${quoteIdent(`${name}_x`)};`);
    const values = en.values.map((v) => ({ ...v, name: `${v.name}_x`, ...(v.dbName ? { dbName: `${v.dbName}_x` } : {}) }));
    out = updateEnum(en.id, { name: `${en.name}_x`, ...(en.dbName ? { dbName: `${en.dbName}_x` } : {}), values }).apply(out);
  }
  return { doc: out, sql: sql.join('\n') };
}

describe.skipIf(!hasCorpus || !withEnums.length)('corpus: enums renamed on the canvas follow into the SQL kept', () => {
  it.for(withEnums)('%s', { timeout: 120_000 }, async (name) => {
    await loadPgQueryNode();
    const imported = await importFixture(readCorpusSql(name));
    const { doc, sql } = renameAll(imported.result.document);
    // The database the import's script built, renamed as the canvas renames.
    const original = await imported.openDb();
    await original.exec(sql);
    const expected = await readCatalogSnapshot(original);
    await original.close();

    const statements = buildDdl(doc, postgresDialect).statements.map((s) => s.sql);
    // The leading schemas and extensions may come from a kept data directory (see setup-cache.ts).
    const { db: target, failed: failures } = await applyStatements(statements, { extensions: expected.extensions, expects: doc.sources.sql as PostgresSqlSources });
    await target.exec('RESET ALL');
    const actual = await readCatalogSnapshot(target);
    await target.close();
    expect([...failures, ...diffCatalogs(expected, actual)]).toEqual([]);
  });
});
