/**
 * Node-only test helper: a MariaDB (or MySQL) server to run generated MySQL DDL in.
 *
 * Connection, first match wins:
 * - `SCHEMATA_MYSQL_URL`, e.g. `mysql://schemata:secret@127.0.0.1:3306` (the database part is ignored);
 * - else the unix socket `SCHEMATA_MYSQL_SOCKET` (default `/run/mysqld/mysqld.sock`) as
 *   `SCHEMATA_MYSQL_USER` (default `root`, which Debian's MariaDB authenticates by the OS user).
 * Set `SCHEMATA_MYSQL=off` to skip the server tests. The user needs CREATE and DROP on databases
 * named `schemata_t_*`.
 */
import mysql, { type Connection, type RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll } from 'vitest';
import type { CatalogShape } from './catalog-shape';

export interface MariaDb {
  conn: Connection;
  version: string;
  /** Where it connected, for messages (no password). */
  where: string;
}

function options(): { opts: mysql.ConnectionOptions; where: string } {
  const url = process.env.SCHEMATA_MYSQL_URL;
  const common = { connectTimeout: 3000, multipleStatements: false, charset: 'utf8mb4' };
  if (url) {
    const u = new URL(url);
    const where = `${u.protocol}//${u.username ? `${decodeURIComponent(u.username)}@` : ''}${u.host}`;
    return {
      opts: { ...common, host: u.hostname, port: u.port ? Number(u.port) : 3306, user: decodeURIComponent(u.username || 'root'), password: decodeURIComponent(u.password) },
      where,
    };
  }
  const socketPath = process.env.SCHEMATA_MYSQL_SOCKET || '/run/mysqld/mysqld.sock';
  const user = process.env.SCHEMATA_MYSQL_USER || 'root';
  return { opts: { ...common, socketPath, user, password: process.env.SCHEMATA_MYSQL_PASSWORD }, where: `${user}@unix:${socketPath}` };
}

/** Connects, or explains why not (so the test can skip with the reason). */
export async function connectMariaDb(): Promise<MariaDb | { error: string }> {
  if (process.env.SCHEMATA_MYSQL === 'off') return { error: 'SCHEMATA_MYSQL=off' };
  const { opts, where } = options();
  try {
    const conn = await mysql.createConnection(opts);
    const [rows] = await conn.query<RowDataPacket[]>('SELECT VERSION() AS v');
    return { conn, version: String(rows[0].v), where };
  } catch (e) {
    return { error: `no MySQL/MariaDB server at ${where} (${(e as Error).message}); set SCHEMATA_MYSQL_URL or SCHEMATA_MYSQL_SOCKET` };
  }
}

/**
 * Connects before the tests of the enclosing `describe` and disconnects after them. The getter gives
 * the server, or why there is none (for `t.skip`).
 */
export function useMariaDb(): () => MariaDb | { error: string } {
  let db: MariaDb | { error: string } = { error: 'not connected yet' };
  beforeAll(async () => {
    db = await connectMariaDb();
  });
  afterAll(async () => {
    if ('conn' in db) await db.conn.end();
  });
  return () => db;
}

let counter = 0;

/** Runs `fn` in a new, empty database (utf8mb4) that is dropped afterwards. */
export async function withDatabase<T>(db: MariaDb, fn: (name: string) => Promise<T>): Promise<T> {
  const name = `schemata_t_${process.pid}_${++counter}`;
  await db.conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  try {
    await db.conn.query(`USE \`${name}\``);
    return await fn(name);
  } finally {
    await db.conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
  }
}

/** Runs one statement; returns the server's error message, or undefined when it succeeded. */
export async function tryExec(db: MariaDb, sql: string): Promise<string | undefined> {
  try {
    await db.conn.query(sql);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/** Tables of `schema` with their columns, primary key columns and foreign key count. */
export async function mariaDbShape(db: MariaDb, schema: string): Promise<CatalogShape> {
  const out: CatalogShape = {};
  const [tables] = await db.conn.query<RowDataPacket[]>(
    `SELECT TABLE_NAME AS t FROM information_schema.tables WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME`,
    [schema],
  );
  for (const { t } of tables) out[t] = { columns: [], primaryKey: [], foreignKeys: 0 };
  const [cols] = await db.conn.query<RowDataPacket[]>(
    `SELECT TABLE_NAME AS t, COLUMN_NAME AS c FROM information_schema.columns WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION`,
    [schema],
  );
  for (const { t, c } of cols) out[t]?.columns.push(c);
  const [pks] = await db.conn.query<RowDataPacket[]>(
    `SELECT TABLE_NAME AS t, COLUMN_NAME AS c FROM information_schema.key_column_usage
     WHERE TABLE_SCHEMA = ? AND CONSTRAINT_NAME = 'PRIMARY' ORDER BY TABLE_NAME, ORDINAL_POSITION`,
    [schema],
  );
  for (const { t, c } of pks) out[t]?.primaryKey.push(c);
  const [fks] = await db.conn.query<RowDataPacket[]>(
    `SELECT TABLE_NAME AS t, COUNT(*) AS n FROM information_schema.referential_constraints WHERE CONSTRAINT_SCHEMA = ? GROUP BY TABLE_NAME`,
    [schema],
  );
  for (const { t, n } of fks) if (out[t]) out[t].foreignKeys = Number(n);
  return out;
}
