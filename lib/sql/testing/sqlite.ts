/** Node-only test helper: runs generated SQLite DDL in sql.js and reads the catalog back. */
import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import type { CatalogShape } from './catalog-shape';

let sqlJs: Promise<SqlJsStatic> | undefined;

/** A fresh in-memory SQLite database (sql.js), with foreign keys enforced. */
export async function openSqlite(): Promise<Database> {
  sqlJs ??= initSqlJs();
  const db = new (await sqlJs).Database();
  db.exec('PRAGMA foreign_keys = ON');
  return db;
}

function rows(db: Database, sql: string): Record<string, unknown>[] {
  const res = db.exec(sql);
  if (!res.length) return [];
  const { columns, values } = res[0];
  return values.map((v) => Object.fromEntries(columns.map((c, i) => [c, v[i]])));
}

/** Tables (not sqlite_* ones) with their columns, primary key columns and foreign key count. */
export function sqliteShape(db: Database): CatalogShape {
  const out: CatalogShape = {};
  const tables = rows(db, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid`);
  for (const { name } of tables) {
    const q = `"${String(name).replace(/"/g, '""')}"`;
    // table_xinfo also lists generated columns (hidden 2 and 3); 1 would be a virtual table's hidden column.
    const info = rows(db, `PRAGMA table_xinfo(${q})`).filter((c) => Number(c.hidden) !== 1);
    const pk = info.filter((c) => Number(c.pk) > 0).sort((a, b) => Number(a.pk) - Number(b.pk));
    const fks = new Set(rows(db, `PRAGMA foreign_key_list(${q})`).map((f) => f.id));
    out[String(name)] = { columns: info.map((c) => String(c.name)), primaryKey: pk.map((c) => String(c.name)), foreignKeys: fks.size };
  }
  return out;
}
