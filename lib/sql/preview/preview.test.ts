import { beforeAll, describe, expect, it } from 'vitest';
import type { SchemaDocument } from '../../schema/types';
import { generatedDdl } from '../../bench/generate-ddl';
import { bootCachedPg } from '../../pglite/snapshot-node';
import { importPostgres } from '../import/postgres';
import { corpusSqlFiles, hasCorpus, readCorpusSql } from '../testing/corpus';
import { importFixture } from '../testing/import-cache';
import { loadPgQueryNode } from './pg-query-node';
import { objectName } from './ast-catalog';
import { previewPostgres } from './preview';
import { splitStatements } from '../split';

beforeAll(() => loadPgQueryNode());

/** The document without ids: tables (columns, keys, indexes, checks) and relations, by name. */
function shape(doc: SchemaDocument) {
  const tables = Object.values(doc.tables).map((t) => {
    const col = (id: string) => t.columns.find((c) => c.id === id)?.name;
    return {
      name: t.name, dbName: t.dbName, ignored: t.ignored,
      columns: t.columns.map(({ id: _id, ...c }) => c),
      primaryKey: t.primaryKey && { ...t.primaryKey, columns: t.primaryKey.columns.map((c) => col(c.column!)) },
      indexes: t.indexes.map(({ id: _id, ...ix }) => ({ ...ix, columns: ix.columns.map((c) => ({ ...c, column: c.column && col(c.column) })) })),
      checks: t.checks.map(({ id: _id, ...c }) => c),
    };
  });
  const tname = (id: string) => doc.tables[id].name;
  const relations = Object.values(doc.relations).map((r) =>
    r.kind === 'foreign-key' ? { ...r, id: undefined, from: { ...r.from, table: tname(r.from.table), columns: r.from.columns.length }, to: { ...r.to, table: tname(r.to.table), columns: r.to.columns.length } } : r,
  );
  const enums = Object.values(doc.enums).map((e) => ({ name: e.name, values: e.values.map((v) => v.name) }));
  return JSON.parse(JSON.stringify({ tables, relations, enums }).replace(/"(col|idx|chk|rel|val|enum)_[A-Za-z0-9_-]+"/g, '"<id>"'));
}

const realImport = async (text: string) => (await importPostgres([{ path: 'x.sql', text }], { boot: (ext) => bootCachedPg({ extensions: ext }) })).document;

describe('import preview from PostgreSQL\'s parser', () => {
  it('names objects like PostgreSQL (63-byte limit)', () => {
    expect(objectName('orders', 'customer_id', 'fkey')).toBe('orders_customer_id_fkey');
    const long = objectName('a'.repeat(40), 'b'.repeat(40), 'key');
    expect(long).toBe(`${'a'.repeat(29)}_${'b'.repeat(29)}_key`);
    expect(long.length).toBe(63);
  });

  it('gives the document PostgreSQL\'s catalog gives, for the benchmark schema', async () => {
    const ddl = generatedDdl(40);
    expect(shape(previewPostgres([{ path: 'g.sql', text: ddl }])!)).toEqual(shape(await realImport(ddl)));
  });

  it('follows enums, domains (and ALTER DOMAIN ... NOT NULL), schemas, inline and table constraints (DEFERRABLE, INITIALLY DEFERRED), ALTER TABLE keys, indexes and comments', async () => {
    const ddl = `CREATE SCHEMA shop;
CREATE TYPE shop.status AS ENUM ('new', 'paid', 'shipped');
CREATE TABLE shop.customers (id bigserial PRIMARY KEY, email varchar(255) NOT NULL UNIQUE, name text, score numeric(5,2) DEFAULT 0, created timestamp(3) with time zone NOT NULL DEFAULT now());
CREATE TABLE shop.orders (
  id integer GENERATED ALWAYS AS IDENTITY,
  customer_id bigint NOT NULL,
  status shop.status NOT NULL DEFAULT 'new',
  total numeric(12,2) NOT NULL CHECK (total >= 0),
  tags text[],
  note text DEFAULT 'it''s',
  CONSTRAINT orders_pk PRIMARY KEY (id)
);
ALTER TABLE ONLY shop.orders ADD CONSTRAINT orders_customer FOREIGN KEY (customer_id) REFERENCES shop.customers(id) ON DELETE CASCADE;
CREATE INDEX ON shop.orders (customer_id, status DESC);
CREATE UNIQUE INDEX orders_note ON shop.orders (note) WHERE note IS NOT NULL;
COMMENT ON TABLE shop.orders IS 'Orders placed';
COMMENT ON COLUMN shop.orders.total IS 'with tax';
CREATE TABLE "Line Items" (order_id int REFERENCES shop.orders, qty int NOT NULL DEFAULT 1, "ünïcode" text, PRIMARY KEY (order_id, qty));
CREATE TABLE shop.codes (id int PRIMARY KEY, code text NOT NULL, CONSTRAINT codes_code_key UNIQUE (code) INCLUDE (id));
CREATE DOMAIN shop.email AS varchar(255) CHECK (VALUE LIKE '%@%');
CREATE DOMAIN "Flag" AS boolean NOT NULL DEFAULT false;
CREATE DOMAIN shop.state AS shop.status;
CREATE TABLE shop.contacts (id int PRIMARY KEY, email shop.email, emails shop.email[], ok "Flag", st shop.state);
CREATE TEMP TABLE scratch (a int);
CREATE TABLE pg_temp.scratch2 (a int);
CREATE DOMAIN money AS numeric(10,2);
CREATE TABLE shop.prices (id int PRIMARY KEY, p money, e shop.email DEFAULT 'x@y', s shop.state DEFAULT 'paid');
SET search_path = shop, pg_catalog;
CREATE DOMAIN shop.text AS varchar(3);
CREATE TABLE shop.short (id int PRIMARY KEY, a text);
CREATE UNLOGGED TABLE shop.cache (k text PRIMARY KEY, v jsonb);
CREATE DOMAIN shop.handle AS text;
CREATE TABLE shop.notes (id int PRIMARY KEY, order_id int REFERENCES shop.orders DEFERRABLE INITIALLY DEFERRED, code_id int, flag public."Flag", mail shop.handle NOT NULL,
  CONSTRAINT notes_code FOREIGN KEY (code_id) REFERENCES shop.codes ON DELETE SET NULL DEFERRABLE, CONSTRAINT notes_mail UNIQUE (mail) DEFERRABLE INITIALLY DEFERRED);
ALTER DOMAIN public."Flag" DROP NOT NULL;
ALTER DOMAIN shop.handle SET NOT NULL;
CREATE TABLE shop.flags (id int PRIMARY KEY, f public."Flag", e shop.handle);`;
    // Check expressions are shown as written until PostgreSQL has normalised them.
    const noCheckText = (x: ReturnType<typeof shape>) => ({ ...x, tables: x.tables.map((t: { checks: { dbName: string }[] }) => ({ ...t, checks: t.checks.map((c) => c.dbName) })) });
    const preview = previewPostgres([{ path: 'x.sql', text: ddl }])!;
    expect(noCheckText(shape(preview))).toEqual(noCheckText(shape(await realImport(ddl))));
  });

  it('leaves out what the grammar rejects, keeps the rest', () => {
    const doc = previewPostgres([{ path: 'x.sql', text: 'CREATE TABLE a (id int PRIMARY KEY);\nCREATE TABEL oops (x int);\nCREATE TABLE b (a_id int REFERENCES a);' }])!;
    expect(Object.values(doc.tables).map((t) => t.name).sort()).toEqual(['a', 'b']);
    expect(Object.keys(doc.relations)).toHaveLength(1);
  });

  it('preview and import read statements the caller split once (as the import worker does)', async () => {
    const text = 'CREATE TABLE a (id int PRIMARY KEY);\nCREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a);\nINSERT INTO a VALUES (1);';
    const statements = [splitStatements(text)];
    // The text given alongside is not split again: an empty one changes nothing.
    const files = [{ path: 'x.sql', text: '' }];
    const preview = previewPostgres(files, { statements })!;
    const { document, diagnostics } = await importPostgres(files, { statements, boot: (ext) => bootCachedPg({ extensions: ext }) });
    expect(shape(preview)).toEqual(shape(await realImport(text)));
    expect(shape(document)).toEqual(shape(await realImport(text)));
    expect(diagnostics.map((d) => [d.line, d.message])).toEqual([[3, 'data, not imported: INSERT INTO a VALUES (1)']]);
  });

  // Every corpus dump: the preview shows every table the real import has, with the same columns
  // (or leaves a table out, never invents one).
  const dumps = hasCorpus ? corpusSqlFiles() : [];
  it.skipIf(!dumps.length).for(dumps.map((p) => [p.replace(/^.*\//, ''), p] as const))('corpus dump %s: same tables and columns', async ([, path]) => {
    const file = readCorpusSql(path);
    const preview = previewPostgres([file])!;
    const { document: real, diagnostics } = (await importFixture(file)).result;
    const key = (d: SchemaDocument, t: SchemaDocument['tables'][string]) => `${t.namespace ? d.namespaces[t.namespace].name : 'public'}.${t.dbName ?? t.name}`;
    const cols = (d: SchemaDocument) => new Map(Object.values(d.tables).map((t) => [key(d, t), t.columns.map((c) => c.dbName ?? c.name)]));
    const want = cols(real);
    const got = cols(preview);
    // A table PostgreSQL refused (a type from an extension PGlite lacks, ...) is shown until then.
    const failed = diagnostics.filter((d) => d.code === 'sql/failed').map((d) => d.message.toLowerCase()).join('\n');
    for (const name of got.keys()) {
      if (!want.has(name)) expect(failed, `preview invents ${name}`).toMatch(new RegExp(`create table [^\\n]*\\b${name.split('.').pop()}\\b`));
    }
    const missing = [...want.keys()].filter((k) => !got.has(k));
    expect(missing.length, `tables missing from the preview: ${missing.join(', ')}`).toBeLessThanOrEqual(Math.floor(want.size * 0.05));
    for (const [name, c] of got) if (c.length && want.has(name)) expect(c, name).toEqual(want.get(name));
  });
});
