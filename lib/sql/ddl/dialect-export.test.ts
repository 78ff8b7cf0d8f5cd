/** MySQL and SQLite export: expression translation and the fixes the corpus needed (see dialects-corpus.test.ts). */
import { describe, expect, it } from 'vitest';
import { createColumn, createDocument, createTable } from '../../schema/document';
import { sequentialIds } from '../../schema/ids';
import type { SchemaDocument } from '../../schema/types';
import { openSqlite, sqliteShape } from '../testing/sqlite';
import { buildDdl, renderDdl } from './builder';
import { inUtc, translateExpression } from './expr';
import { mysqlDialect } from './mysql';
import { sqliteDialect } from './sqlite';

const my = (e: string, det = false) => translateExpression(e, 'mysql', mysqlDialect.quote, mysqlDialect.stringLiteral, det);
const lite = (e: string, det = false) => translateExpression(e, 'sqlite', sqliteDialect.quote, sqliteDialect.stringLiteral, det);

describe('expression translation', () => {
  it('drops casts, maps functions, re-quotes identifiers and strings', () => {
    expect(my("'active'::character varying").sql).toBe("'active'");
    expect(my("'{}'::jsonb").approximations).toEqual(['casts dropped']);
    expect(my('now()').sql).toBe('CURRENT_TIMESTAMP');
    expect(my('gen_random_uuid()').sql).toBe('uuid()');
    expect(my('public.uuid_generate_v1()').sql).toBe('uuid()');
    expect(my('public.uuid_generate_v1()').approximations[0]).toMatch(/version 4/);
    expect(my(`char_length("Name") > 3`).sql).toBe('char_length(`Name`) > 3');
    expect(my(`'a\\b'`).sql).toBe(`'a\\\\b'`);
    expect(lite(`char_length(name) > 0 AND "x" = 'it''s'`).sql).toBe(`length("name") > 0 AND "x" = 'it''s'`);
    // Bare column names are quoted (PostgreSQL leaves keywords such as key unquoted); syntax words are not.
    expect(my(`key > 0 AND index IS NOT NULL AND "substring"(c, 1, 2) <> 'x'`).sql).toBe("`key` > 0 AND `index` IS NOT NULL AND substring(`c`, 1, 2) <> 'x'");
    expect(lite(`TRIM(BOTH FROM c) <> ''`).reason).toMatch(/BOTH/);
    expect(my('CURRENT_USER').reason).toBe('CURRENT_USER');
    // PostgreSQL's deparsed forms: AND/NOT/WHEN before a parenthesis are syntax, not calls; IN lists come
    // back from = ANY (ARRAY[...]); a negative number is a number; typed literals and IS JSON are refused.
    expect(lite('((a > 0) AND (NOT (b IS NULL)))').sql).toBe('(("a" > 0) AND (NOT ("b" IS NULL)))');
    expect(my('CASE WHEN (a > 0) THEN 1 ELSE 0 END').sql).toBe('CASE WHEN (`a` > 0) THEN 1 ELSE 0 END');
    expect(my("((status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))").sql).toBe("((`status`) IN ('a', 'b'))");
    expect(lite("(kind <> ALL (ARRAY['x'::text]))").sql).toBe(`("kind" NOT IN ('x'))`);
    expect(lite("((a + b) > '-1'::integer)").sql).toBe('(("a" + "b") > -1)');
    expect(lite("interval '7 days'").reason).toMatch(/typed literal/);
    expect(my('(t IS JSON)').reason).toBe('IS JSON');
    expect(my('(x IS NOT UNKNOWN)').sql).toBe('(`x` IS NOT UNKNOWN)');
    expect(my('(|/ f) > 1').reason).toMatch(/operator \|/);
    expect(my('div > 0 AND first = 1').sql).toBe('`div` > 0 AND `first` = 1');
    expect(my("concat(a, b) <> ''").sql).toBe("concat_ws('', `a`, `b`) <> ''");
    expect(lite('gen_random_uuid()').sql).toContain('randomblob(16)'.slice(0, 9));
    expect(lite('(0)::numeric(10,2)').sql).toBe('(0)');
    expect(lite('ts::timestamp with time zone > x').sql).toBe('"ts" > "x"');
  });

  it('writes a time with a time zone as the same instant in UTC, without the offset DATETIME and TIME refuse', () => {
    expect(inUtc('2017-12-14 01:02:30+00')).toBe('2017-12-14 01:02:30');
    expect(inUtc('2017-12-14 01:02:30.25+05:30')).toBe('2017-12-13 19:32:30.25');
    expect(inUtc('2000-01-01 00:00:00-08')).toBe('2000-01-01 08:00:00');
    expect(inUtc('01:00:00-03')).toBe('04:00:00');
    expect(inUtc('23:30:00+00:45')).toBe('22:45:00');
    expect(inUtc('2018-01-01')).toBe('2018-01-01');
    expect(inUtc('infinity')).toBe('infinity');
    expect(inUtc('0050-06-01 00:30:00+01')).toBe('0050-05-31 23:30:00');
    expect(inUtc('2020-01-01T00:00:00Z')).toBe('2020-01-01 00:00:00');
    expect(inUtc('2020-01-01 00:00:00 +02')).toBe('2019-12-31 22:00:00');
    expect(inUtc('2017-02-30 00:00:00+00')).toBe('2017-02-30 00:00:00+00');
    expect(my("'2017-12-14 01:02:30+02'::timestamp(3) with time zone").sql).toBe("'2017-12-13 23:02:30'");
    const r = my("'2017-12-14 01:02:30+02'::timestamp with time zone");
    expect(r.sql).toBe("'2017-12-13 23:02:30'");
    expect(r.approximations).toEqual(['time zone offset converted to UTC', 'casts dropped']);
    expect(lite("'10:00:00+01'::timetz").sql).toBe("'09:00:00'");
    // Only literals of a type with a time zone: a plain timestamp or text is kept as written.
    expect(my("'2017-12-14 01:02:30+02'::text").sql).toBe("'2017-12-14 01:02:30+02'");
  });

  it('refuses what has no equivalent', () => {
    expect(my("ARRAY['a']").reason).toBe('ARRAY');
    expect(my('name ~* \'^a\'').reason).toBe('operator ~');
    expect(my("a || 'b'").reason).toMatch(/\|\|/);
    expect(lite("a || 'b'").sql).toBe("\"a\" || 'b'");
    expect(my('lower(NORMALIZE(x, NFKC))').reason).toBe('function NORMALIZE()');
    expect(my("(now() AT TIME ZONE 'utc')").reason).toBe('AT');
    expect(my("nextval('s'::regclass)").reason).toBe('function nextval()');
    expect(my("E'x'").reason).toMatch(/escape-string/);
    expect(my('$$x$$').reason).toMatch(/dollar/);
    expect(my('birthdate <= now()', true).reason).toMatch(/non-deterministic/);
    expect(lite('CURRENT_TIMESTAMP', true).reason).toMatch(/non-deterministic/);
  });
});

function pgDocument(): SchemaDocument {
  const ids = sequentialIds();
  const doc = createDocument({ name: 'pg', id: 'doc_1' });
  doc.namespaces.ns_a = { id: 'ns_a', name: 'a' };
  doc.namespaces.ns_b = { id: 'ns_b', name: 'b' };
  const person = createTable('person', ids, { namespace: 'ns_a' });
  const pid = createColumn('id', { kind: 'String', native: { name: 'Text', args: [] } }, ids, { default: { kind: 'sql', expression: 'gen_random_uuid()' } });
  const code = createColumn('code', 'Int', ids);
  const bio = createColumn('bio', { kind: 'String', native: { name: 'Text', args: [] } }, ids, { nullable: true, default: { kind: 'sql', expression: "'none'::text" } });
  const nick = createColumn('nick', { kind: 'String', native: { name: 'VarChar', args: [] } }, ids, { nullable: true });
  const rate = createColumn('rate', { kind: 'Decimal', native: { name: 'Decimal', args: [] } }, ids, { nullable: true });
  const price = createColumn('price', { kind: 'Decimal', native: { name: 'Decimal', args: ['10', '2'] } }, ids, { nullable: true });
  const seq = createColumn('seq', 'Int', ids, { default: { kind: 'function', name: 'autoincrement', args: [] } });
  person.columns.push(pid, code, bio, nick, rate, price, seq);
  person.primaryKey = { columns: [{ column: code.id }, { column: seq.id }] };
  person.indexes.push({ id: 'idx_u', unique: true, columns: [{ column: pid.id }] });
  person.indexes.push({ id: 'idx_e', unique: false, dbName: 'person_lower', columns: [{ expression: 'lower(nick)' }] });
  person.indexes.push({ id: 'idx_p', unique: false, dbName: 'person_partial', columns: [{ column: code.id }], where: "nick <> ''::text" });
  person.checks.push({ id: 'chk', dbName: 'code_pos', expression: 'code > 0' });
  person.checks.push({ id: 'chk2', dbName: 'recent', expression: 'code < EXTRACT(year FROM now())' });
  const msg = createTable('message', ids, { namespace: 'ns_a' });
  const mid = createColumn('id', 'Int', ids);
  const sender = createColumn('sender', 'BigInt', ids);
  const owner = createColumn('owner', 'String', ids);
  const s2 = createColumn('seq', 'Int', ids);
  msg.columns.push(mid, sender, owner, s2);
  msg.primaryKey = { columns: [{ column: mid.id }] };
  msg.indexes.push({ id: 'idx_m', unique: false, dbName: 'person_lower', columns: [{ column: owner.id }] });
  const empty = createTable('empty', ids, { namespace: 'ns_a' });
  const dup = createTable('person', ids, { namespace: 'ns_b' });
  const did = createColumn('id', 'Int', ids);
  dup.columns.push(did);
  dup.primaryKey = { columns: [{ column: did.id }] };
  for (const t of [person, msg, empty, dup]) doc.tables[t.id] = t;
  doc.relations.r1 = { id: 'r1', kind: 'foreign-key', dbName: 'fk', from: { table: msg.id, columns: [owner.id] }, to: { table: person.id, columns: [pid.id] } };
  doc.relations.r2 = { id: 'r2', kind: 'foreign-key', dbName: 'fk', from: { table: msg.id, columns: [s2.id, sender.id] }, to: { table: person.id, columns: [seq.id, code.id] } };
  return doc;
}

describe('MySQL export of a PostgreSQL document', () => {
  const r = buildDdl(pgDocument(), mysqlDialect);
  const sql = renderDdl(r);
  const warnings = r.diagnostics.map((d) => d.message).join('\n');

  it('maps types: keyed text becomes VARCHAR(191), unbounded varchar LONGTEXT, FK columns follow the referenced type', () => {
    expect(sql).toContain('`id` VARCHAR(191) NOT NULL DEFAULT (uuid())');
    expect(sql).toContain("`bio` LONGTEXT DEFAULT ('none')");
    expect(sql).toContain('`nick` LONGTEXT');
    expect(sql).toContain('`sender` INTEGER NOT NULL');
    expect(sql).toContain('`owner` VARCHAR(191) NOT NULL');
    expect(warnings).toMatch(/person\.id: unbounded text in a key written as VARCHAR\(191\)/);
    expect(warnings).toMatch(/message\.sender: foreign key column takes the referenced column's type/);
  });

  it('keeps microseconds and warns that a time zone is not kept; now() follows the column precision', () => {
    const ids = sequentialIds();
    const doc = createDocument({ name: 'ts', id: 'doc_1' });
    const t = createTable('event', ids);
    const at = createColumn('at', { kind: 'DateTime', native: { name: 'Timestamptz', args: [] } }, ids, { default: { kind: 'sql', expression: 'now()' } });
    const ms = createColumn('ms', { kind: 'DateTime', native: { name: 'Timestamptz', args: ['3'] } }, ids, { default: { kind: 'sql', expression: 'now()' } });
    const plain = createColumn('plain', { kind: 'DateTime', native: { name: 'Timestamp', args: [] } }, ids, { nullable: true });
    const text = createColumn('text', { kind: 'String', native: { name: 'VarChar', args: ['8'] } }, ids, { default: { kind: 'sql', expression: 'now()' } });
    t.columns.push(at, ms, plain, text);
    doc.tables[t.id] = t;
    const r = buildDdl(doc, mysqlDialect);
    const out = renderDdl(r);
    expect(out).toContain('`at` DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)');
    expect(out).toContain('`ms` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)');
    expect(out).toContain('`plain` DATETIME(6)');
    // Only a time type's argument is a precision.
    expect(out).toMatch(/`text` VARCHAR\(8\) NOT NULL DEFAULT CURRENT_TIMESTAMP\n/);
    const w = r.diagnostics.map((d) => d.message).join('\n');
    expect(w).toMatch(/event\.at: timestamp with time zone written as DATETIME\(6\), which keeps no time zone/);
    expect(w).not.toMatch(/column plain/);
  });

  it('writes a name MySQL refuses whatever the quoting (one ending in a space) without the space, and says so', () => {
    const ids = sequentialIds();
    const doc = createDocument({ name: 'names', id: 'doc_1' });
    const t = createTable('odd', ids);
    t.columns.push(createColumn('fine', 'Int', ids), createColumn('  spaced  ', 'Int', ids));
    doc.tables[t.id] = t;
    const w = buildDdl(doc, mysqlDialect).diagnostics.map((d) => d.message);
    expect(w).toContain('mysql: odd: "  spaced  " written as "  spaced" (MySQL names cannot end with a space)');
    expect(renderDdl(buildDdl(doc, mysqlDialect))).toContain('`  spaced` INTEGER');
    // Only spaces: nothing is left to take, and the table fails; a column that is another once trimmed too.
    t.columns.push(createColumn('   ', 'Int', ids), createColumn('FINE ', 'Int', ids));
    const w2 = buildDdl(doc, mysqlDialect).diagnostics.map((d) => d.message);
    expect(w2).toContain('mysql: odd: "   ": MySQL names cannot end with a space; the table will fail to create');
    expect(w2).toContain('mysql: odd: columns "fine" and "FINE " are one name to mysql (it compares names without case or trailing spaces); the table will fail to create');
    expect(buildDdl(doc, sqliteDialect).diagnostics).toEqual([]);
  });

  it('keeps the fraction of an unbounded numeric (bare DECIMAL is DECIMAL(10,0)), with a warning', () => {
    expect(sql).toContain('`rate` DECIMAL(65,30)');
    expect(sql).toContain('`price` DECIMAL(10,2)');
    expect(warnings).toMatch(/\.rate: numeric without a precision is unbounded; written as DECIMAL\(65,30\)/);
    expect(warnings).not.toMatch(/column price/);
  });

  it('keeps AUTO_INCREMENT valid, indexes FK targets, renames duplicate names and flattened tables', () => {
    expect(sql).toContain('KEY `person_seq_idx` (`seq`)');
    expect(sql).toContain('CREATE INDEX `person_seq_code_idx` ON `person`(`seq`, `code`)');
    expect(sql).toContain('ADD CONSTRAINT `fk_2` FOREIGN KEY');
    expect(sql).toContain('CREATE TABLE `b_person`');
    expect(sql).not.toContain('CREATE TABLE `empty`');
    expect(warnings).toMatch(/empty: a table without columns cannot be created in mysql; skipped/);
    expect(warnings).toMatch(/b\.person: another schema has a table of that name; written as b_person/);
  });

  it('drops what MariaDB cannot run, with a warning naming the table', () => {
    expect(sql).not.toContain('person_lower` ON `person`');
    expect(warnings).toMatch(/person: index person_lower cannot be written for mysql; skipped/);
    expect(warnings).toMatch(/person: partial index person_partial written without its WHERE/);
    expect(warnings).toMatch(/person: check recent is postgresql SQL; dropped/);
    expect(sql).toContain('CONSTRAINT `code_pos` CHECK (`code` > 0)');
  });
});

describe('SQLite export of a PostgreSQL document', () => {
  it('runs in sql.js with translated defaults, predicates and unique index names', async () => {
    const doc = pgDocument();
    const r = buildDdl(doc, sqliteDialect);
    const sql = renderDdl(r);
    expect(sql).toContain(`"bio" TEXT DEFAULT 'none'`);
    expect(sql).toContain(`WHERE "nick" <> ''`);
    expect(sql).toContain('CREATE INDEX "person_lower" ON "person"((lower("nick")))');
    expect(sql).toContain('CREATE INDEX "person_lower_2" ON "message"');
    const db = await openSqlite();
    for (const st of r.statements) db.exec(st.sql);
    db.exec(`INSERT INTO "person" ("code", "seq") VALUES (1, 1)`);
    const [row] = db.exec(`SELECT id, bio FROM "person"`)[0].values;
    expect(String(row[0])).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(row[1]).toBe('none');
    expect(Object.keys(sqliteShape(db)).sort()).toEqual(['b_person', 'message', 'person']);
    db.close();
    expect(r.diagnostics.map((d) => d.message).join('\n')).toMatch(/person\.seq: SQLite only auto-increments/);
  });
});
