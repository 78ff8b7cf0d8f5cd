/**
 * Enum edits follow into the SQL a document keeps as PostgreSQL's ALTER TYPE follows, and PostgreSQL
 * judges: the DDL after an edit on the canvas must build what the original script, then the same
 * ALTER TYPE, builds (defaults, checks, index predicates, generated columns, views, a materialized
 * view, a policy, a trigger, a function's signature, a domain and a composite type).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { expectDdlBuilds, importedCleanly } from './testing/edit-case';
import { applyPrismaEdit, exportPrismaSync } from '../prisma';
import { importPrismaSync as importPrisma } from '../prisma/import';
import { tableByName } from '../schema/document';
import type { Enum, SchemaDocument } from '../schema/types';
import { CommandError } from '../store/command';
import { deleteEnum, updateEnum } from '../store/commands';
import { enumKeys, scanEnumRefs } from './follow-enums';
import { loadPgQueryNode } from './preview/pg-query-node';
import { tableKey } from './raw-subjects';
import { buildDdl } from './ddl/builder';
import { postgresDialect } from './ddl/postgres';

beforeAll(() => loadPgQueryNode());

const SCRIPT = `CREATE SCHEMA other;
CREATE TYPE mood AS ENUM ('happy', 'sad', 'so so');
CREATE DOMAIN cheerful AS mood CHECK (VALUE <> 'sad');
CREATE TYPE pair AS (a mood, b int);
CREATE TABLE person (
  id int PRIMARY KEY,
  m mood NOT NULL DEFAULT 'happy',
  ms mood[] DEFAULT '{sad,"so so"}',
  is_sad boolean GENERATED ALWAYS AS (m = 'sad') STORED,
  CHECK (m <> 'sad' OR id > 0)
);
CREATE INDEX person_sad ON person (id) WHERE m IN ('sad', 'so so');
CREATE VIEW sad_people AS SELECT id, m, ARRAY['happy'::mood] AS a FROM person WHERE m = 'sad'::mood;
CREATE MATERIALIZED VIEW happy AS SELECT p.id FROM person p WHERE p.m = 'sad' OR 'happy' = p.m;
CREATE FUNCTION mood_of(x mood) RETURNS mood[] LANGUAGE sql AS $$ SELECT ARRAY[x] $$;
COMMENT ON FUNCTION mood_of(mood) IS 'moods';
CREATE FUNCTION noop() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
CREATE TRIGGER person_sad BEFORE UPDATE ON person FOR EACH ROW WHEN (new.m = 'sad' AND old.m IS DISTINCT FROM new.m) EXECUTE FUNCTION noop();
ALTER TABLE person ENABLE ROW LEVEL SECURITY;
CREATE POLICY not_sad ON person USING (m <> 'sad' AND id > 0);
`;

/** The script as it would read had mood been text all along. */
const AS_TEXT = SCRIPT.replace(`CREATE TYPE mood AS ENUM ('happy', 'sad', 'so so');\n`, '')
  .replace(/\bmood\b(?!_)/g, 'text');

const imported = () => importedCleanly(SCRIPT);
const mood = (doc: SchemaDocument) => Object.values(doc.enums).find((e) => e.name === 'mood')!;
const renameValue = (en: Enum, from: string, to: string) => updateEnum(en.id, { values: en.values.map((v) => (v.name === from ? { ...v, name: to } : v)) });
/** A value's database name changed (names are Prisma identifiers; any other text is a database name, `@map`). */
const renameDbValue = (en: Enum, from: string, to: string) => updateEnum(en.id, { values: en.values.map((v) => (v.name === from ? { ...v, dbName: to } : v)) });

describe('enum edits follow into the SQL kept', () => {
  const cases: [string, (doc: SchemaDocument) => SchemaDocument, string][] = [
    ['the type renamed', (d) => updateEnum(mood(d).id, { name: 'feeling' }).apply(d), 'ALTER TYPE mood RENAME TO feeling;'],
    ['the type renamed to a database name that needs quotes', (d) => updateEnum(mood(d).id, { dbName: 'Mood Type' }).apply(d), 'ALTER TYPE mood RENAME TO "Mood Type";'],
    ['the type moved to another schema', (d) => updateEnum(mood(d).id, { namespace: Object.values(d.namespaces).find((n) => n.name === 'other')!.id }).apply(d), 'ALTER TYPE mood SET SCHEMA other;'],
    ['a value renamed', (d) => renameValue(mood(d), 'sad', 'blue').apply(d), `ALTER TYPE mood RENAME VALUE 'sad' TO 'blue';`],
    ['a value renamed to a database name that needs quotes in an array', (d) => renameDbValue(mood(d), 'sad', `it's "blue", {really}`).apply(d), `ALTER TYPE mood RENAME VALUE 'sad' TO 'it''s "blue", {really}';`],
    ['the default\'s value renamed', (d) => renameValue(mood(d), 'happy', 'glad').apply(d), `ALTER TYPE mood RENAME VALUE 'happy' TO 'glad';`],
  ];
  it.for(cases)('%s', { timeout: 60_000 }, async ([, edit, sql]) => {
    await expectDdlBuilds(edit(await imported()), SCRIPT, sql);
  });

  it('the enum deleted: its columns and every use of its type are text', async () => {
    const was = await imported();
    const doc = deleteEnum(mood(was).id).apply(was);
    expect(AS_TEXT).not.toMatch(/\bmood\b(?!_)/);
    await expectDdlBuilds(doc, AS_TEXT, '');
  }, 60_000);

  it('a value in use cannot be removed; one not in use can', async () => {
    const doc = await imported();
    const en = mood(doc);
    expect(() => updateEnum(en.id, { values: en.values.filter((v) => v.name !== 'sad') }).apply(doc)).toThrow(CommandError);
    expect(() => updateEnum(en.id, { values: en.values.filter((v) => v.name !== 'sad') }).apply(doc)).toThrow(
      'sad is used by the default of person.ms, the generated column person.is_sad, the check person_check on person and 6 more: change those first',
    );
    const unused = updateEnum(en.id, { values: [...en.values, { id: 'val_new', name: 'meh' }] }).apply(doc);
    const next = updateEnum(en.id, { values: en.values }).apply(unused);
    expect(mood(next).values.map((v) => v.dbName ?? v.name)).toEqual(['happy', 'sad', 'so so']);
  }, 60_000);
});

describe('enum edits in a document from Prisma', () => {
  const PRISMA = `datasource db {\n  provider = "postgresql"\n}\n\nenum Role {\n  USER\n  ADMIN @map("admin")\n}\n\nmodel User {\n  id    Int    @id\n  role  Role   @default(ADMIN)\n  roles Role[] @default([USER, ADMIN])\n}\n`;

  it('a value renamed: defaults name it by its new name, the database label stays', async () => {
    const doc = importPrisma([{ path: 'schema.prisma', text: PRISMA }]).document;
    const role = Object.values(doc.enums)[0];
    const next = renameValue(role, 'ADMIN', 'OWNER').apply(doc);
    const user = tableByName(next, 'User')!;
    expect(user.columns.find((c) => c.name === 'role')!.default).toMatchObject({ kind: 'enum', value: 'OWNER' });
    expect(user.columns.find((c) => c.name === 'roles')!.default).toMatchObject({ kind: 'list', values: ['USER', 'OWNER'] });
    const text = exportPrismaSync(next).files[0].text;
    expect(text).toContain('@default(OWNER)');
    expect(text).toContain('OWNER @map("admin")');
    expect(buildDdl(next, postgresDialect).statements.map((s) => s.sql).join('\n')).toContain(`DEFAULT 'admin'`);
  });

  it('a value removed that a default uses is refused, naming the column', () => {
    const doc = importPrisma([{ path: 'schema.prisma', text: PRISMA }]).document;
    const role = Object.values(doc.enums)[0];
    expect(() => updateEnum(role.id, { values: role.values.filter((v) => v.name !== 'USER') }).apply(doc)).toThrow('USER is used by the default of User.roles: change that first');
  });

  it('the Prisma text renaming a value and its default at once keeps the default it gives', async () => {
    const doc = importPrisma([{ path: 'schema.prisma', text: PRISMA }]).document;
    const files = exportPrismaSync(doc).files;
    const text = files[0].text.replace('ADMIN @map', 'OWNER @map').replace('@default(ADMIN)', '@default(OWNER)').replace('[USER, ADMIN]', '[USER, OWNER]');
    const next = applyPrismaEdit(doc, [{ ...files[0], text }]).document;
    expect(tableByName(next, 'User')!.columns.find((c) => c.name === 'role')!.default).toMatchObject({ kind: 'enum', value: 'OWNER' });
  });
});

describe('scanEnumRefs', () => {
  const enums = new Map([[tableKey('public', 'mood'), 'e1']]);
  const columns = new Map([[tableKey('public', 'person'), new Map([['m', { enumId: 'e1', array: false }], ['ms', { enumId: 'e1', array: true }]])]]);
  const scan = (sql: string, prefix = '', own?: string) =>
    scanEnumRefs(sql, { enums, columns, searchPath: ['public'], own }, prefix).map((r) => (r.kind === 'type' ? `type ${sql.slice(r.start, r.end)}` : `value ${sql.slice(r.start, r.end)} ${JSON.stringify(r.labels)}`));

  it('finds the type where it is named, qualified or not, and not other types', () => {
    expect(scan(`SELECT 1::public.mood, 2::"mood"[], 3::pg_catalog.text, CAST(4 AS mood), 5::moods`)).toEqual(['type public.mood', 'type "mood"', 'type mood']);
  });
  it('finds constants of it: cast, in array literals and ARRAY[], compared or listed with a column of it', () => {
    expect(scan(`SELECT 'a'::mood, E'b\\'c'::mood, '{x,"y z"}'::mood[], ARRAY['p', 'q']::mood[] FROM person WHERE m = 'r' OR 's' <> person.m OR m IN ('t') OR id = 'u'`)).toEqual([
      `value 'a' ["a"]`, 'type mood',
      `value E'b\\'c' ["b'c"]`, 'type mood',
      `value '{x,"y z"}' ["x","y z"]`, 'type mood',
      `value 'p' ["p"]`, `value 'q' ["q"]`, 'type mood',
      `value 'r' ["r"]`, `value 's' ["s"]`, `value 't' ["t"]`,
    ]);
  });
  it('finds constants of it next to an expression of it: CASE, coalesce, greatest, nullif, ANY / ALL, array columns', () => {
    expect(scan(`SELECT CASE m WHEN 'a' THEN 'x' END, coalesce(m, 'b'), greatest('c', m), nullif(m, 'd') FROM person WHERE coalesce(m, 'e') <> 'f' OR m = ANY ('{g,h}') OR m <> ALL (ARRAY['i']) OR ms @> '{j}' OR ms = '{k}' OR id = ANY ('{l}')`)).toEqual([
      `value 'a' ["a"]`, `value 'b' ["b"]`, `value 'c' ["c"]`, `value 'd' ["d"]`,
      `value 'f' ["f"]`, `value 'e' ["e"]`, `value '{g,h}' ["g","h"]`, `value 'i' ["i"]`, `value '{j}' ["j"]`, `value '{k}' ["k"]`,
    ]);
  });
  it('finds BETWEEN bounds, an element compared with ANY of an array column and CASE results; not text next to it', () => {
    expect(scan(`SELECT CASE WHEN id > 0 THEN m ELSE 'a' END, coalesce(m, 'b') || 'x', m::text || 'y' FROM person WHERE m BETWEEN 'c' AND 'd' OR 'e' = ANY (ms) OR m ~ 'z'`)).toEqual([
      `value 'a' ["a"]`, `value 'b' ["b"]`, `value 'c' ["c"]`, `value 'd' ["d"]`, `value 'e' ["e"]`,
    ]);
  });
  it('reads an expression on its own table, and a trigger\'s OLD and NEW', () => {
    expect(scan(`m <> 'sad'`, 'SELECT ', tableKey('public', 'person'))).toEqual([`value 'sad' ["sad"]`]);
    expect(scan(`CREATE TRIGGER t BEFORE UPDATE ON person FOR EACH ROW WHEN (new.m = 'a') EXECUTE FUNCTION f()`)).toEqual([`value 'a' ["a"]`]);
  });
  it('leaves an array literal it cannot read, and text the parser refuses', () => {
    expect(scan(`SELECT '{{a}}'::mood[], '{a,NULL}'::mood[]`)).toEqual(['type mood', 'type mood']);
    expect(scan(`SELEC 'a'::mood`)).toEqual([]);
  });
  it('keys enums by schema and database name', async () => {
    const doc = await importedCleanly(`CREATE SCHEMA s; CREATE TYPE s."Mood" AS ENUM ('a');`);
    expect([...enumKeys(doc).values()]).toEqual([tableKey('s', 'Mood')]);
  }, 60_000);
});

describe('enum edits, from a review', () => {
  const BASE = `CREATE TYPE mood AS ENUM ('happy', 'it''s', 'sad');
CREATE TABLE person (id int PRIMARY KEY, m mood DEFAULT 'it''s', CHECK (m <> 'it''s'));
CREATE FUNCTION g(x mood DEFAULT 'sad') RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
CREATE TRIGGER t BEFORE UPDATE ON person FOR EACH ROW WHEN (new.m IS DISTINCT FROM 'sad') EXECUTE FUNCTION suppress_redundant_updates_trigger();
`;
  it.for([
    ['a label with a quote renamed', (d: SchemaDocument) => updateEnum(mood(d).id, { values: mood(d).values.map((v) => (v.dbName === "it's" ? { id: v.id, name: 'blue' } : v)) }).apply(d), `ALTER TYPE mood RENAME VALUE 'it''s' TO 'blue';`],
    ['a parameter\'s default, IS DISTINCT FROM', (d: SchemaDocument) => renameValue(mood(d), 'sad', 'blue').apply(d), `ALTER TYPE mood RENAME VALUE 'sad' TO 'blue';`],
    ['the type renamed to a keyword', (d: SchemaDocument) => updateEnum(mood(d).id, { name: 'time' }).apply(d), `ALTER TYPE mood RENAME TO "time";`],
    ['the type renamed to a column-name keyword', (d: SchemaDocument) => updateEnum(mood(d).id, { name: 'position' }).apply(d), `ALTER TYPE mood RENAME TO "position";`],
  ] as const)('%s', { timeout: 60_000 }, async ([, edit, sql]) => {
    await expectDdlBuilds(edit(await importedCleanly(BASE)), BASE, sql);
  });

  const MORE = `CREATE TYPE mood AS ENUM ('happy', 'sad', 'ok');
CREATE TABLE diary (id int, m mood NOT NULL, ms mood[], CHECK (coalesce(m, 'ok') <> 'sad' OR ms @> '{sad}'), CHECK (m <> ALL ('{sad}') OR id > 0)) PARTITION BY LIST (m);
CREATE TABLE diary_sad PARTITION OF diary FOR VALUES IN ('sad');
CREATE TABLE diary_rest PARTITION OF diary FOR VALUES IN ('happy', 'ok');
CREATE VIEW moods AS SELECT id, CASE m WHEN 'sad' THEN 1 ELSE 0 END AS s FROM diary WHERE m = ANY ('{sad,happy}') AND greatest(m, 'sad') <> 'ok';
CREATE DOMAIN sadness AS mood DEFAULT 'sad';
CREATE MATERIALIZED VIEW sad_days AS SELECT id, CASE WHEN id > 0 THEN m ELSE 'sad' END AS c, m::text || 'sad' AS t FROM diary WHERE m BETWEEN 'happy' AND 'sad' OR 'sad' = ANY (ms);
`;
  it('a value renamed in partition bounds, CASE, coalesce, greatest, ANY / ALL, array operators and a domain default (the catalog reads it as pg_dump does)', async () => {
    const doc = await importedCleanly(MORE);
    await expectDdlBuilds(renameValue(mood(doc), 'sad', 'blue').apply(doc), MORE, `ALTER TYPE mood RENAME VALUE 'sad' TO 'blue';`);
  }, 60_000);

  it('a value a partition bound uses is not removed', async () => {
    const doc = await importedCleanly(`CREATE TYPE mood AS ENUM ('happy', 'sad'); CREATE TABLE diary (m mood) PARTITION BY LIST (m); CREATE TABLE diary_sad PARTITION OF diary FOR VALUES IN ('sad');`);
    const en = mood(doc);
    expect(() => updateEnum(en.id, { values: en.values.filter((v) => v.name !== 'sad') }).apply(doc)).toThrow('sad is used by the partition bound of diary_sad: change that first');
  }, 60_000);

  it('deleting an enum writes its default by database label', async () => {
    const doc = await importedCleanly(`CREATE TYPE mood AS ENUM ('so so'); CREATE TABLE person (id int PRIMARY KEY, m mood DEFAULT 'so so');`);
    const next = deleteEnum(mood(doc).id).apply(doc);
    expect(tableByName(next, 'person')!.columns[1].default).toEqual({ kind: 'literal', value: 'so so' });
  }, 60_000);
});
