import { describe, expect, it } from 'vitest';
import { bootCachedPg } from '../../pglite/snapshot-node';
import { importPostgres } from './postgres';

describe('data statements', () => {
  it('are reported once per run, at the first one, not once per row', async () => {
    const rows = Array.from({ length: 500 }, (_, i) => `INSERT INTO a VALUES (${i});`).join('\n');
    const text = `CREATE TABLE a (id int PRIMARY KEY);\n${rows}\nCREATE TABLE b (id int);\nINSERT INTO b VALUES (1);\n`;
    const { document, diagnostics } = await importPostgres([{ path: 'd.sql', text }], { boot: (ext) => bootCachedPg({ extensions: ext }) });
    expect(Object.keys(document.tables)).toHaveLength(2);
    const data = diagnostics.filter((d) => d.message.startsWith('data, not imported'));
    expect(data.map((d) => [d.line, d.message])).toEqual([
      [2, 'data, not imported: 500 statements from INSERT INTO a VALUES (0)'],
      [503, 'data, not imported: INSERT INTO b VALUES (1)'],
    ]);
  });

  it("count psql's \\copy as data (info), while other meta-commands are warned about", async () => {
    const text = `CREATE TABLE a (id int);\n\\copy a FROM './a.csv' CSV;\n\\connect other\n`;
    const { diagnostics } = await importPostgres([{ path: 'm.sql', text }], { boot: (ext) => bootCachedPg({ extensions: ext }) });
    expect(diagnostics.map((d) => [d.line, d.severity, d.message])).toEqual([
      [2, 'info', "data, not imported: \\copy a FROM './a.csv' CSV;"],
      [3, 'warning', 'psql meta-command skipped: \\connect other'],
    ]);
  });
});
