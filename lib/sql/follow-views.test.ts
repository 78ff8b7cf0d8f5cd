/**
 * Views follow their tables as in PostgreSQL, which judges: the DDL after an edit on the canvas must
 * build what the original script, then the same ALTER TABLE / DROP ... CASCADE, builds, view
 * definitions included (pg_get_viewdef).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { expectDdlBuilds, importedCleanly } from './testing/edit-case';
import { applyPrismaEdit, exportPrismaSync } from '../prisma';
import { tableByName } from '../schema/document';
import type { SchemaDocument } from '../schema/types';
import { deleteColumn, deleteTable, deleteView, renameTable, updateColumn } from '../store/commands';
import { followQuery } from './follow-query';
import { loadPgQueryNode } from './preview/pg-query-node';
import { tableKey } from './raw-subjects';

beforeAll(() => loadPgQueryNode());

const SCRIPT = `CREATE TABLE author (id int PRIMARY KEY, name text NOT NULL, k int);
CREATE TABLE book (id int PRIMARY KEY, author_id int REFERENCES author, title text, k int);
CREATE VIEW author_names AS SELECT id, name FROM author WHERE name <> '';
CREATE VIEW books AS SELECT b.id, b.title, a.name AS author FROM book b JOIN author a ON a.id = b.author_id;
CREATE VIEW counts AS SELECT name, (SELECT count(*) FROM book WHERE book.author_id = author.id) AS n FROM author GROUP BY name, id ORDER BY name;
CREATE VIEW joined AS SELECT author.id, book.title FROM author JOIN book USING (k);
CREATE VIEW nested AS SELECT name FROM author_names;
CREATE VIEW with_cte AS WITH x AS (SELECT id, name FROM author) SELECT name FROM x UNION SELECT title FROM book;
CREATE VIEW plain AS SELECT title FROM book;
CREATE VIEW whole_rows AS SELECT author, row_to_json(author) AS j, (author).k FROM author;
CREATE MATERIALIZED VIEW author_stats AS SELECT a.name, count(*) FROM author a GROUP BY a.name;
CREATE INDEX author_stats_name ON author_stats (name);
CREATE FUNCTION noop() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
CREATE TRIGGER names_insert INSTEAD OF INSERT ON author_names FOR EACH ROW EXECUTE FUNCTION noop();
CREATE TRIGGER author_touch BEFORE UPDATE OF name, k ON author FOR EACH ROW WHEN (old.name IS DISTINCT FROM new.name) EXECUTE FUNCTION noop();
ALTER TABLE book ENABLE ROW LEVEL SECURITY;
CREATE POLICY readable ON book USING (title <> '' AND EXISTS (SELECT 1 FROM author a WHERE a.id = author_id AND a.name <> ''));
`;

const imported = () => importedCleanly(SCRIPT);
const column = (doc: SchemaDocument, table: string, name: string) => {
  const t = tableByName(doc, table)!;
  return { t: t.id, c: t.columns.find((c) => c.name === name)!.id };
};
const viewNamed = (doc: SchemaDocument, name: string) => Object.values(doc.views).find((v) => v.name === name)!;

describe('views follow their tables', () => {
  const cases: [string, (doc: SchemaDocument) => SchemaDocument, string][] = [
    ['a column renamed', (d) => { const { t, c } = column(d, 'author', 'name'); return updateColumn(t, c, { name: 'full_name' }).apply(d); }, 'ALTER TABLE author RENAME COLUMN name TO full_name;'],
    ['a column a USING join reads renamed', (d) => { const { t, c } = column(d, 'author', 'k'); return updateColumn(t, c, { name: 'kk' }).apply(d); }, 'ALTER TABLE author RENAME COLUMN k TO kk;'],
    ['a column renamed to a name that needs quotes', (d) => { const { t, c } = column(d, 'book', 'title'); return updateColumn(t, c, { name: 'Order' }).apply(d); }, 'ALTER TABLE book RENAME COLUMN title TO "Order";'],
    ['a table renamed', (d) => renameTable(tableByName(d, 'author')!.id, 'writer').apply(d), 'ALTER TABLE author RENAME TO writer; ALTER TABLE writer RENAME CONSTRAINT author_pkey TO writer_pkey;'],
    ['a column deleted', (d) => { const { t, c } = column(d, 'author', 'name'); return deleteColumn(t, c).apply(d); }, 'ALTER TABLE author DROP COLUMN name CASCADE;'],
    ['a column a policy reads renamed', (d) => { const { t, c } = column(d, 'book', 'author_id'); return updateColumn(t, c, { name: 'writer_id' }).apply(d); }, 'ALTER TABLE book RENAME COLUMN author_id TO writer_id; ALTER TABLE book RENAME CONSTRAINT book_author_id_fkey TO book_writer_id_fkey;'],
    ['a column a policy reads deleted', (d) => { const { t, c } = column(d, 'book', 'title'); return deleteColumn(t, c).apply(d); }, 'ALTER TABLE book DROP COLUMN title CASCADE;'],
    ['a column a trigger\'s UPDATE OF names deleted', (d) => { const { t, c } = column(d, 'author', 'k'); return deleteColumn(t, c).apply(d); }, 'ALTER TABLE author DROP COLUMN k CASCADE;'],
    ['a table deleted', (d) => deleteTable(tableByName(d, 'book')!.id).apply(d), 'DROP TABLE book CASCADE;'],
    ['a view deleted', (d) => deleteView(viewNamed(d, 'author_names').id).apply(d), 'DROP VIEW author_names CASCADE;'],
  ];
  it.for(cases)('%s', { timeout: 60_000 }, async ([, edit, sql]) => {
    await expectDdlBuilds(edit(await imported()), SCRIPT, sql);
  });

  it('in the Prisma text: a field mapped to a new column name, and a model removed', async () => {
    const doc = await imported();
    const files = exportPrismaSync(doc).files;
    const text = files[0].text.replace(/(\nmodel author \{[\s\S]*?\n  name +String)/, '$1 @map("full_name")').replace(/\nmodel book \{[\s\S]*?\n\}\n/, '\n');
    expect(text).toContain('@map("full_name")');
    expect(text).not.toContain('model book ');
    const next = applyPrismaEdit(doc, [{ ...files[0], text }]).document;
    await expectDdlBuilds(next, SCRIPT, 'ALTER TABLE author RENAME COLUMN name TO full_name; DROP TABLE book CASCADE;');
  }, 60_000);

  it('keeps the view\'s own column names and the rest of its text as written', async () => {
    const doc = await imported();
    const { t, c } = column(doc, 'author', 'name');
    const next = updateColumn(t, c, { name: 'full_name' }).apply(doc);
    expect(viewNamed(next, 'author_names').definition).toBe(viewNamed(doc, 'author_names').definition!.replace('SELECT id,\n    name', 'SELECT id,\n    full_name AS name').replace('WHERE name', 'WHERE full_name'));
    expect(viewNamed(next, 'plain')).toBe(viewNamed(doc, 'plain'));
  }, 60_000);
});

describe('followQuery', () => {
  const change = (renamed: [string, string][], extra: object = {}) =>
    new Map([[tableKey('public', 't'), { renamed: new Map(renamed), dropped: new Set<string>(), columns: ['id', 'b'], ...extra }]]);
  const columnsOf = new Map([[tableKey('public', 't'), ['id', 'a']], [tableKey('public', 'u'), ['id', 'a', 'x']]]);
  const follow = (sql: string, changes = change([['a', 'b']])) => followQuery(sql, { changes, columnsOf, searchPath: ['public'] })?.text;

  it('resolves names scope by scope, as PostgreSQL does', () => {
    // An alias hides the table's name; a subquery's own FROM comes first; an outer reference reaches out.
    expect(follow('SELECT x.a FROM t x')).toBe('SELECT x.b AS a FROM t x');
    expect(follow('SELECT id FROM u WHERE a IN (SELECT a FROM t)')).toBe('SELECT id FROM u WHERE a IN (SELECT b AS a FROM t)');
    expect(follow('SELECT id FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.x = a)')).toBe('SELECT id FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.x = a)');
    expect(follow('SELECT id FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.x = t.a)')).toBe('SELECT id FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.x = t.b)');
    expect(follow('SELECT s.a FROM (SELECT a FROM t) s')).toBe('SELECT s.a FROM (SELECT b AS a FROM t) s');
    expect(follow("SELECT 'a', \"a\" FROM t -- a\n")).toBe("SELECT 'a', b AS a FROM t -- a\n");
  });

  it('follows a whole row beside a function in FROM whose columns are known', () => {
    const renamed = change([], { columns: ['id', 'a'], to: { schema: 'public', name: 'w' } });
    expect(follow('SELECT row_to_json(t) FROM t, generate_series(1, 2) g', renamed)).toBe('SELECT row_to_json(w.*) FROM w, generate_series(1, 2) g');
    expect(follow("SELECT to_jsonb(t), e.key FROM t, jsonb_each('{}') e, unnest(ARRAY[1]) WITH ORDINALITY", renamed)).toBe("SELECT to_jsonb(w.*), e.key FROM w, jsonb_each('{}') e, unnest(ARRAY[1]) WITH ORDINALITY");
    expect(follow("SELECT to_jsonb(t) FROM t, jsonb_to_recordset('[]') AS r(x int)", renamed)).toBe("SELECT to_jsonb(w.*) FROM w, jsonb_to_recordset('[]') AS r(x int)");
    // A function's column named like the table is what the bare name reads; a function of the schema's own may have one.
    expect(follow('SELECT to_jsonb(t) FROM t, generate_series(1, 2) t2(t)', renamed)).toBe('SELECT to_jsonb(t) FROM w, generate_series(1, 2) t2(t)');
    expect(follow('SELECT to_jsonb(t) FROM t, my_rows() f', renamed)).toBe('SELECT to_jsonb(t) FROM w, my_rows() f');
    expect(follow("SELECT to_jsonb(t) FROM t, jsonb_each('{}') e(t)", renamed)).toBe("SELECT to_jsonb(t) FROM w, jsonb_each('{}') e(t)");
    // ROWS FROM one function names its column after the alias; unnest of a tsvector gives lexeme, positions, weights.
    expect(follow('SELECT to_jsonb(t) FROM t, ROWS FROM (generate_series(1, 2)) AS t2(x)', renamed)).toBe('SELECT to_jsonb(w.*) FROM w, ROWS FROM (generate_series(1, 2)) AS t2(x)');
    const weights = new Map([[tableKey('public', 'weights'), { renamed: new Map(), dropped: new Set<string>(), columns: ['id', 'tsv'], to: { schema: 'public', name: 'w' } }]]);
    const withWeights = new Map([[tableKey('public', 'weights'), ['id', 'tsv']]]);
    expect(followQuery('SELECT to_jsonb(weights) FROM weights, unnest(weights.tsv) u', { changes: weights, columnsOf: withWeights, searchPath: ['public'] })?.text).toBe('SELECT to_jsonb(weights) FROM w, unnest(w.tsv) u');
  });

  it('leaves a CTE named like the table alone, and text the parser refuses', () => {
    expect(follow('WITH t AS (SELECT 1 AS a) SELECT a FROM t')).toBe('WITH t AS (SELECT 1 AS a) SELECT a FROM t');
    expect(follow('SELECT a FROM t WHERE')).toBe('SELECT a FROM t WHERE');
  });

  it('is undefined for a query that reads something dropped', () => {
    const dropped = change([], { dropped: new Set(['a']) });
    expect(follow('SELECT id FROM t WHERE a > 0', dropped)).toBeUndefined();
    expect(follow('SELECT id FROM t', dropped)).toBe('SELECT id FROM t');
    expect(follow('SELECT id FROM t', change([], { gone: true }))).toBeUndefined();
  });
});

describe('followQuery, from a review', () => {
  const T = tableKey('public', 't');
  const columnsOf = new Map([[T, ['id', 'a', 'p']], [tableKey('public', 'u'), ['uid', 'x', 'q']], [tableKey('public', 'w'), ['a', 'z']]]);
  const follow = (sql: string, renamed: [string, string][] = [['a', 'b']], dropped: string[] = []) => {
    const columns = columnsOf.get(T)!.filter((c) => !dropped.includes(c)).map((c) => new Map(renamed).get(c) ?? c);
    const changes = new Map([[T, { renamed: new Map(renamed), dropped: new Set(dropped), columns }]]);
    return followQuery(sql, { changes, columnsOf, searchPath: ['public'] })?.text;
  };

  it('leaves names an alias column list gives', () => {
    expect(follow('SELECT x.id FROM t x(id, a)', [['id', 'ident']])).toBe('SELECT x.id FROM t x(id, a)');
    expect(follow('SELECT x.p FROM t x(i)', [['p', 'pp']])).toBe('SELECT x.pp AS p FROM t x(i)');
  });

  it('qualifies a new name another relation has', () => {
    expect(follow('SELECT a, x FROM t JOIN u ON t.id = u.uid', [['a', 'x']])).toBe('SELECT t.x AS a, u.x FROM t JOIN u ON t.id = u.uid');
    expect(follow('SELECT id FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.q = a)', [['a', 'q']])).toBe('SELECT id FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.q = t.q)');
    expect(follow('SELECT id FROM t WHERE EXISTS (SELECT 1 FROM u WHERE q = p)', [['p', 'q']])).toBe('SELECT id FROM t WHERE EXISTS (SELECT 1 FROM u WHERE q = t.q)');
  });

  it('keeps ORDER BY and DISTINCT ON names of output columns, and parentheses around a target', () => {
    expect(follow('SELECT id AS a FROM t ORDER BY a')).toBe('SELECT id AS a FROM t ORDER BY a');
    expect(follow('SELECT a, p FROM t ORDER BY a', [['a', 'p'], ['p', 'a']])).toBe('SELECT p AS a, a AS p FROM t ORDER BY a');
    expect(follow('SELECT (a) FROM t')).toBe('SELECT (b) AS a FROM t');
  });

  it('sees through functions in FROM, and FROM subqueries see their CTEs', () => {
    expect(follow('SELECT id FROM t WHERE EXISTS (SELECT 1 FROM generate_series(1, 3) g WHERE g = a)')).toBe('SELECT id FROM t WHERE EXISTS (SELECT 1 FROM generate_series(1, 3) g WHERE g = b)');
    expect(follow('WITH t AS (SELECT 1 AS a) SELECT s.a FROM (SELECT a FROM t) s')).toBe('WITH t AS (SELECT 1 AS a) SELECT s.a FROM (SELECT a FROM t) s');
  });

  it('drops a view whose NATURAL join loses a join column', () => {
    expect(follow('SELECT id, z FROM t NATURAL JOIN w', [], ['a'])).toBeUndefined();
    expect(follow('SELECT id, z FROM t NATURAL JOIN w', [], ['p'])).toBe('SELECT id, z FROM t NATURAL JOIN w');
  });
});

describe('followQuery: stars, casts and join aliases', () => {
  const T = tableKey('public', 't');
  const columnsOf = new Map([[T, ['id', 'a', 'p']], [tableKey('public', 'u'), ['uid', 'x']]]);
  const follow = (sql: string, renamed: [string, string][] = [['a', 'b']], dropped: string[] = []) => {
    const columns = columnsOf.get(T)!.filter((c) => !dropped.includes(c)).map((c) => new Map(renamed).get(c) ?? c);
    const changes = new Map([[T, { renamed: new Map(renamed), dropped: new Set(dropped), columns }]]);
    return followQuery(sql, { changes, columnsOf, searchPath: ['public'] })?.text;
  };

  it('writes out a star over a renamed column, and drops what a star reads when a column goes', () => {
    expect(follow('SELECT * FROM t')).toBe('SELECT t.id, t.b AS a, t.p FROM t');
    expect(follow('SELECT x.*, u.x FROM t x JOIN u ON u.uid = x.id')).toBe('SELECT x.id, x.b AS a, x.p, u.x FROM t x JOIN u ON u.uid = x.id');
    expect(follow('SELECT u.* FROM t JOIN u ON u.uid = t.id')).toBe('SELECT u.* FROM t JOIN u ON u.uid = t.id');
    expect(follow('SELECT * FROM t', [], ['p'])).toBeUndefined();
    expect(follow('SELECT u.* FROM t JOIN u ON u.uid = t.id', [], ['p'])).toBe('SELECT u.* FROM t JOIN u ON u.uid = t.id');
    expect(follow('SELECT * FROM t JOIN u ON true')).toBe('SELECT t.id, t.b AS a, t.p, u.uid, u.x FROM t JOIN u ON true');
    // A NATURAL join gives its columns once: the star stays, and the columns keep their names through an alias list.
    expect(follow('SELECT * FROM t NATURAL JOIN u')).toBe('SELECT * FROM t t(id, a, p) NATURAL JOIN u');
  });

  it('keeps the name a cast or collation of a renamed column gives its target', () => {
    expect(follow('SELECT a::text, id FROM t')).toBe('SELECT b::text AS a, id FROM t');
    expect(follow('SELECT CAST(a AS int) , (a)::numeric(10, 2) FROM t WHERE true')).toBe('SELECT CAST(b AS int) AS a , (b)::numeric(10, 2) AS a FROM t WHERE true');
    expect(follow('SELECT a::text AS z, lower(a) FROM t')).toBe('SELECT b::text AS z, lower(b) FROM t');
    expect(follow("SELECT a COLLATE \"C\" /* c */ FROM t")).toBe("SELECT b COLLATE \"C\" AS a /* c */ FROM t");
  });

  it('follows a column read through a join\'s alias', () => {
    expect(follow('SELECT j.a, j.x FROM (t JOIN u ON u.uid = t.id) AS j')).toBe('SELECT j.b AS a, j.x FROM (t JOIN u ON u.uid = t.id) AS j');
    expect(follow('SELECT j.a FROM (t JOIN u ON u.uid = t.id) AS j', [], ['a'])).toBeUndefined();
  });
});

describe('materialized views as typed follow their tables', () => {
  const TYPED = `CREATE TABLE author (id int PRIMARY KEY, name text NOT NULL);
CREATE TABLE book (id int PRIMARY KEY, author_id int REFERENCES author, title text);
CREATE MATERIALIZED VIEW everyone AS SELECT * FROM author;
CREATE MATERIALIZED VIEW titled AS SELECT name::text, j.title FROM (author JOIN book ON book.author_id = author.id) AS j;
CREATE MATERIALIZED VIEW rows_of AS SELECT row_to_json(author) AS r, book.title FROM author JOIN book ON book.author_id = author.id;
CREATE TABLE writer_names (writer text);
CREATE MATERIALIZED VIEW shadowed AS SELECT to_jsonb(author) AS j, writer FROM author, writer_names;
CREATE MATERIALIZED VIEW grouped AS SELECT upper(name) AS author, count(*) AS n FROM author GROUP BY author;
CREATE MATERIALIZED VIEW fields AS SELECT author, (author).name, ((author.*)).name AS n, (author).id FROM author;
CREATE MATERIALIZED VIEW with_functions AS SELECT to_jsonb(author) AS j, g, e.key, x.a, u.n FROM author, generate_series(1, 2) g, jsonb_each('{"k": 1}') e, jsonb_to_recordset('[{"a": 1}]') AS x(a int), unnest(ARRAY[1]) WITH ORDINALITY u(v, n);
CREATE MATERIALIZED VIEW rows_elsewhere AS SELECT author.*, (author), author::text AS t, coalesce(author, NULL) AS c FROM author WHERE author IS NOT NULL;
`;
  const cases: [string, (doc: SchemaDocument) => SchemaDocument, string][] = [
    ['a column a star and a cast read renamed', (d) => { const { t, c } = column(d, 'author', 'name'); return updateColumn(t, c, { name: 'full_name' }).apply(d); }, 'ALTER TABLE author RENAME COLUMN name TO full_name;'],
    ['a column read through a join\'s alias renamed', (d) => { const { t, c } = column(d, 'book', 'title'); return updateColumn(t, c, { name: 'heading' }).apply(d); }, 'ALTER TABLE book RENAME COLUMN title TO heading;'],
    ['a table read as a whole row renamed', (d) => renameTable(tableByName(d, 'author')!.id, 'writer').apply(d), 'ALTER TABLE author RENAME TO writer; ALTER TABLE writer RENAME CONSTRAINT author_pkey TO writer_pkey;'],
    ['a column a star reads deleted', (d) => { const { t, c } = column(d, 'author', 'name'); return deleteColumn(t, c).apply(d); }, 'ALTER TABLE author DROP COLUMN name CASCADE;'],
  ];
  it.for(cases)('%s', { timeout: 60_000 }, async ([, edit, sql]) => {
    await expectDdlBuilds(edit(await importedCleanly(TYPED)), TYPED, sql);
  });
});
