/**
 * Long text in MySQL keys: InnoDB indexes at most 3072 bytes (768 utf8mb4 characters) per key. Keys a
 * one-column foreign key needs whole are shortened to VARCHAR(768); other keys index prefixes, and a
 * unique key on a prefix says so. Every shape must run in a real MariaDB.
 */
import { describe, expect, it } from 'vitest';
import { createColumn, createDocument, createTable, sequentialIds } from '../../schema';
import type { SchemaDocument } from '../../schema/types';
import { buildDdl, renderDdl } from './builder';
import { mysqlDialect } from './mysql';
import { tryExec, useMariaDb, withDatabase } from '../testing/mariadb';

const varchar = (n: number) => ({ kind: 'String' as const, native: { name: 'VarChar', args: [String(n)] } });

function keysDocument(): SchemaDocument {
  const ids = sequentialIds();
  const doc = createDocument({ name: 'keys', provider: 'postgresql' });
  const add = (t: ReturnType<typeof createTable>) => (doc.tables[t.id] = t);
  // A composite primary key with a long VARCHAR: a prefix.
  const page = createTable('page', ids);
  const tenant = createColumn('tenant', 'Int', ids);
  const slug = createColumn('slug', varchar(1500), ids);
  page.columns.push(tenant, slug);
  page.primaryKey = { columns: [{ column: tenant.id }, { column: slug.id }] };
  add(page);
  // A unique long VARCHAR, and a plain index of it with an Int.
  const account = createTable('account', ids);
  const aid = createColumn('id', 'Int', ids);
  const handle = createColumn('handle', varchar(1500), ids);
  const owner = createColumn('owner', 'Int', ids);
  account.columns.push(aid, handle, owner);
  account.primaryKey = { columns: [{ column: aid.id }] };
  account.indexes.push({ id: 'ix_h', unique: true, columns: [{ column: handle.id }] });
  account.indexes.push({ id: 'ix_ho', unique: false, dbName: 'account_handle_owner', columns: [{ column: handle.id }, { column: owner.id }] });
  add(account);
  // A composite unique key of two long VARCHARs.
  const pair = createTable('pair', ids);
  const pid = createColumn('id', 'Int', ids);
  const a = createColumn('a', varchar(1500), ids);
  const b = createColumn('b', varchar(1000), ids);
  pair.columns.push(pid, a, b);
  pair.primaryKey = { columns: [{ column: pid.id }] };
  pair.indexes.push({ id: 'ix_ab', unique: true, dbName: 'pair_a_b', columns: [{ column: a.id }, { column: b.id }] });
  add(pair);
  // A unique key of five VARCHAR(300): 191-character prefixes would still be too long together.
  const wide = createTable('wide', ids);
  const wid = createColumn('id', 'Int', ids);
  const parts = ['p1', 'p2', 'p3', 'p4', 'p5'].map((n) => createColumn(n, varchar(300), ids));
  wide.columns.push(wid, ...parts);
  wide.primaryKey = { columns: [{ column: wid.id }] };
  wide.indexes.push({ id: 'ix_w', unique: true, dbName: 'wide_parts', columns: parts.map((c) => ({ column: c.id })) });
  add(wide);
  // A one-column foreign key to a long VARCHAR primary key, and a plain index over it and another.
  const store = createTable('store', ids);
  const key = createColumn('key', varchar(1500), ids);
  store.columns.push(key);
  store.primaryKey = { columns: [{ column: key.id }] };
  const entry = createTable('entry', ids);
  const eid = createColumn('id', 'Int', ids);
  const storeKey = createColumn('storeKey', varchar(1500), ids);
  const label = createColumn('label', varchar(1500), ids);
  entry.columns.push(eid, storeKey, label);
  entry.primaryKey = { columns: [{ column: eid.id }] };
  entry.indexes.push({ id: 'ix_ls', unique: false, dbName: 'entry_label_store', columns: [{ column: label.id }, { column: storeKey.id }] });
  add(store);
  add(entry);
  doc.relations.r1 = { id: 'r1', kind: 'foreign-key', from: { table: entry.id, columns: [storeKey.id] }, to: { table: store.id, columns: [key.id] } };
  return doc;
}

describe('MySQL keys of long text', () => {
  const r = buildDdl(keysDocument(), mysqlDialect);
  const sql = renderDdl(r);
  const warnings = r.diagnostics.map((d) => d.message).join('\n');

  it('index prefixes where a key may, whole columns where a foreign key needs them, and say so', () => {
    expect(sql).toContain('PRIMARY KEY (`tenant`, `slug`(191))');
    expect(sql).toContain('`handle` VARCHAR(1500)');
    expect(sql).toContain('CREATE UNIQUE INDEX `account_handle_key` ON `account`(`handle`(191));');
    expect(sql).toContain('CREATE INDEX `account_handle_owner` ON `account`(`handle`(191), `owner`);');
    expect(sql).toContain('CREATE UNIQUE INDEX `pair_a_b` ON `pair`(`a`(191), `b`(191));');
    expect(sql).toContain('`key` VARCHAR(768) NOT NULL');
    expect(sql).toContain('`storeKey` VARCHAR(768) NOT NULL');
    expect(sql).toContain('PRIMARY KEY (`key`)');
    expect(sql).toContain('CREATE INDEX `entry_label_store` ON `entry`(`label`(191), `storeKey`(191));');
    expect(sql).toContain('CREATE UNIQUE INDEX `wide_parts` ON `wide`(`p1`(153), `p2`(153), `p3`(153), `p4`(153), `p5`(153));');
    expect(warnings).toMatch(/wide: unique key on p1 holds only its first 153 characters/);
    expect(warnings).toMatch(/page: unique key on slug holds only its first 191 characters/);
    expect(warnings).toMatch(/account: unique key on handle holds only its first 191 characters/);
    expect(warnings).toMatch(/\.storeKey: VARCHAR\(1500\) in a foreign key is longer than InnoDB can index whole/);
  });

  const maria = useMariaDb();

  it('runs in MariaDB, foreign key included', async (t) => {
    const db = maria();
    if (!('conn' in db)) return t.skip(db.error);
    const server = db;
    await withDatabase(server, async () => {
      for (const st of r.statements) expect([st.sql.slice(0, 60), await tryExec(server, st.sql)]).toEqual([st.sql.slice(0, 60), undefined]);
      const [rows] = await server.conn.query('SELECT COUNT(*) AS n FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()');
      expect(Number((rows as { n: number }[])[0].n)).toBe(1);
    });
  });
});
