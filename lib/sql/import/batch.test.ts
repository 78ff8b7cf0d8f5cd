import { describe, expect, it } from 'vitest';
import { bootCachedPg } from '../../pglite/snapshot-node';
import { importPostgres } from './postgres';

const run = (text: string) => importPostgres([{ path: 'x.sql', text }], { boot: (ext) => bootCachedPg({ extensions: ext }) });

describe('statements run in batches', () => {
  it('a failing statement inside a batch is reported at its own line and column; the rest imports', async () => {
    const text = [
      'CREATE TABLE a (id int PRIMARY KEY);',
      'GRANT SELECT ON a TO nobody;',
      'CREATE TABLE b (id int PRIMARY KEY,',
      '  a_id int REFERENCES missing(id));',
      'CREATE TABLE c (id int PRIMARY KEY, a_id int REFERENCES a);',
      'CREATE TABLE e (id int,',
      '  x nosuchtype);',
      "CREATE TYPE mood AS ENUM ('a'); ALTER TYPE mood ADD VALUE 'b'; CREATE TABLE d (m mood DEFAULT 'b');",
    ].join('\n');
    const { document, diagnostics } = await run(text);
    expect(Object.values(document.tables).map((t) => t.name).sort()).toEqual(['a', 'c', 'd']);
    const failed = diagnostics.filter((d) => d.code === 'sql/failed');
    expect(failed).toHaveLength(2);
    expect(failed[0]).toMatchObject({ line: 3, column: 1 });
    expect(failed[0].message).toContain('relation "missing" does not exist');
    // PostgreSQL's error position, mapped back into the script.
    expect(failed[1]).toMatchObject({ line: 7, column: 5 });
    expect(failed[1].message).toContain('type "nosuchtype" does not exist');
    // Reported in script order, although the GRANT was skipped while its neighbours waited to run (and
    // the failed ones ran again at the end); a table not made is an error.
    expect(diagnostics.filter((d) => d.severity !== 'info').map((d) => [d.severity, d.line])).toEqual([['warning', 2], ['error', 3], ['error', 7]]);
    // The enum value added and used in one script still arrives (ADD VALUE cannot be used in the same transaction).
    expect(Object.values(document.enums)[0].values.map((v) => v.name)).toEqual(['a', 'b']);
  });
});
