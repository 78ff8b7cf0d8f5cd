/**
 * DDL of another database pasted into the PostgreSQL import: PostgreSQL refuses it, and the user is
 * told which dialect it looks like, once, besides each refused statement (on one line).
 */
import { describe, expect, it } from 'vitest';
import { importPostgres } from './postgres';

const run = async (text: string) => (await importPostgres([{ path: 'pasted.sql', text }])).diagnostics;

describe('DDL of another dialect', () => {
  it.each([
    ['MySQL', 'CREATE TABLE `users` (\n  `id` int unsigned NOT NULL AUTO_INCREMENT,\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB;', /MySQL or MariaDB/],
    ['SQL Server', 'CREATE TABLE [dbo].[users] ([id] int IDENTITY(1,1) NOT NULL);\nGO', /SQL Server/],
    ['SQLite', 'CREATE TABLE users (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT) WITHOUT ROWID;', /SQLite/],
  ])('%s is named as such', async (_, text, dialect) => {
    const d = await run(text);
    const hint = d.filter((x) => x.code === 'sql/dialect');
    expect(hint).toHaveLength(1);
    expect(hint[0]).toMatchObject({ severity: 'error', line: 1, column: 1 });
    expect(hint[0].message).toMatch(dialect);
    expect(d.some((x) => x.code === 'sql/failed' && x.severity === 'error')).toBe(true);
  });

  it('a PostgreSQL syntax error is only itself, on one line', async () => {
    const d = await run("CREATE TABLE ok (id int PRIMARY KEY);\nCREATE TABLE y (a text DEFAULT 'oops\n);\n");
    expect(d.map((x) => x.code)).toEqual(['sql/failed']);
    expect(d[0].message).not.toContain('\n');
    expect(d[0]).toMatchObject({ severity: 'error', line: 2 });
  });
});
