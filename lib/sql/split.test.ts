import { describe, expect, it } from 'vitest';
import { splitStatements } from './split';

describe('splitStatements', () => {
  it('splits on ; outside quotes, comments and dollar quotes, with positions', () => {
    const src = `-- head\nSET a = 1;\nCREATE TABLE "x;y" (a text DEFAULT 'it''s; fine');\n/* c; /* nested; */ */ SELECT E'\\';';\nCREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;\n  \\connect db\nCOPY t (a) FROM stdin;\n1\n2\n\\.\nSELECT $$a;b$$`;
    const s = splitStatements(src);
    expect(s.map((x) => x.type)).toEqual(['sql', 'sql', 'sql', 'sql', 'meta', 'copy-data', 'sql']);
    expect(s[0]).toMatchObject({ text: 'SET a = 1', line: 2, column: 1 });
    expect(s[1].text).toContain("'it''s; fine'");
    expect(s[2].text).toBe("SELECT E'\\';'");
    expect(s[3].text).toContain('SELECT 1; $body$ LANGUAGE sql');
    expect(s[4]).toMatchObject({ text: '\\connect db', line: 6, column: 3 });
    expect(s[5].line).toBe(7);
    expect(s[6]).toMatchObject({ text: 'SELECT $$a;b$$', line: 11 });
  });

  it('keeps a BEGIN ATOMIC function or procedure body (pg_dump of PostgreSQL 14+) in one statement', () => {
    const src = `CREATE FUNCTION public.add(a integer, b integer) RETURNS integer
    LANGUAGE sql IMMUTABLE
    BEGIN ATOMIC
 SELECT (a + b);
END;
CREATE PROCEDURE public.ins(x integer)
    LANGUAGE sql
    BEGIN ATOMIC
 INSERT INTO public.t (id, n) VALUES (x, CASE WHEN x > 0 THEN 1 ELSE 0 END);
 UPDATE public.t SET n = 2 WHERE note = 'end;';
END;
SELECT 1;`;
    const s = splitStatements(src);
    expect(s.map((x) => x.line)).toEqual([1, 6, 12]);
    expect(s[0].text.endsWith('SELECT (a + b);\nEND')).toBe(true);
    expect(s[1].text.endsWith("WHERE note = 'end;';\nEND")).toBe(true);
  });

  it('keeps a rule whose actions in parentheses end with ; in one statement, as psql does', () => {
    const src = `CREATE RULE r AS ON UPDATE TO t DO ALSO (INSERT INTO log VALUES ('a);'); /* ( */ INSERT INTO log VALUES (E'\\')'));
CREATE OR REPLACE RULE "r(" AS ON DELETE TO t DO INSTEAD (DELETE FROM log; /* a /* ( */ ( */ NOTIFY t);
SELECT 1;`;
    const s = splitStatements(src);
    expect(s.map((x) => x.line)).toEqual([1, 2, 3]);
    expect(s[0].text.endsWith("VALUES (E'\\')'))")).toBe(true);
    expect(s[1].text.endsWith('NOTIFY t)')).toBe(true);
  });

  it('skips data rows with quotes, escapes, signs and slashes in them, and keeps line numbers after them', () => {
    const rows = Array.from({ length: 300 }, (_, i) => `  (${i}, -${i}, 'a;b''c', e'it\\'s; x', date'2020-01-0${i % 9}', 3/2, N'x--y', 'multi\nline;')`);
    const src = `INSERT INTO t VALUES\n${rows.join(',\n')};\nINSERT INTO t VALUES (1, 'x' -- note; here\n);\nCREATE TABLE "after" (a int);`;
    const s = splitStatements(src);
    expect(s.map((x) => x.text.slice(0, 20))).toEqual(['INSERT INTO t VALUES', 'INSERT INTO t VALUES', 'CREATE TABLE "after"']);
    expect(s[0].text.endsWith("'multi\nline;')")).toBe(true);
    expect(s[1]).toMatchObject({ line: 2 + 300 * 2, column: 1 });
    expect(s[2]).toMatchObject({ text: 'CREATE TABLE "after" (a int)', line: 2 + 300 * 2 + 2, column: 1 });
  });

  it('splits a single 30 MB INSERT (the skip regex does not overflow the stack)', () => {
    const row = `(1, 'abc', -2, 'x''y', 3/4)`;
    const src = `INSERT INTO t VALUES ${Array.from({ length: 1_000_000 }, () => row).join(', ')};\nSELECT 1;`;
    const s = splitStatements(src);
    expect(s).toHaveLength(2);
    expect(s[1]).toMatchObject({ text: 'SELECT 1', line: 2, column: 1 });
  });

  it('gives positions for many statements on one long line', () => {
    const src = `SELECT 0;\n${Array.from({ length: 5000 }, (_, i) => `INSERT INTO t VALUES (${i}, 'x');`).join(' ')}\nSELECT 1;`;
    const s = splitStatements(src);
    expect(s).toHaveLength(5002);
    expect(s[1]).toMatchObject({ line: 2, column: 1 });
    expect(s[2]).toMatchObject({ line: 2, column: s[1].text.length + 3 });
    expect(s[5001]).toMatchObject({ text: 'SELECT 1', line: 3, column: 1 });
  });
});
