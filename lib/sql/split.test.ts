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
});
