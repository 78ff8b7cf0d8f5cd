/**
 * What MariaDB and SQLite refuse, or read differently, in a document written for PostgreSQL: the
 * MySQL DDL must run in a real MariaDB and the SQLite DDL in sql.js, and where a meaning cannot be
 * kept a warning says so. Each row inserted afterwards checks the meaning that was kept.
 */
import { describe, expect, it } from 'vitest';
import { importPrisma } from '../../prisma';
import { openSqlite } from '../testing/sqlite';
import { tryExec, useMariaDb, withDatabase } from '../testing/mariadb';
import { buildDdl } from './builder';
import { mysqlDialect } from './mysql';
import { sqliteDialect } from './sqlite';

const SCHEMA = `datasource db {
  provider = "postgresql"
}

enum Role {
  USER
  ADMIN
}

model Ticket {
  id     String   @id
  seq    Int      @unique @default(autoincrement())
  data   Bytes    @default("AQID")
  at     DateTime @default("2020-01-02T03:04:05.000Z")
  role   Role     @default(USER)
  key    Int      @default(1)
  double Int      @default(dbgenerated("(1 + 1)"))
  ratio  Float?   @default(dbgenerated("'NaN'::double precision"))
  notes  Note[]

  @@index([key])
}

model Note {
  id       Int    @id @default(autoincrement())
  ticketId String @default("t")
  ticket   Ticket @relation(fields: [ticketId], references: [id], onDelete: SetDefault)
}
`;

const { document } = await importPrisma([{ path: 'schema.prisma', text: SCHEMA }]);
// A check naming a column PostgreSQL leaves unquoted (key is not reserved there).
Object.values(document.tables).find((t) => t.name === 'Ticket')!.checks.push({ id: 'ck', dbName: 'ticket_key', expression: 'key > 0' });

describe('MySQL and SQLite limits', () => {
  const maria = useMariaDb();

  it('MariaDB runs the MySQL DDL: the AUTO_INCREMENT column leads its unique key in CREATE TABLE; lost meanings are warned', async (t) => {
    const r = buildDdl(document, mysqlDialect);
    const sql = r.statements.map((s) => s.sql).join(';\n');
    const warnings = r.diagnostics.map((d) => d.message).join('\n');
    expect(sql).toContain('UNIQUE KEY `Ticket_seq_key` (`seq`)');
    expect(sql).not.toContain('CREATE UNIQUE INDEX `Ticket_seq_key`');
    expect(sql).toContain("DEFAULT (X'010203')");
    expect(sql).toContain("DEFAULT '2020-01-02 03:04:05.000'");
    expect(sql).toContain('CHECK (`key` > 0)');
    expect(warnings).toMatch(/ratio: default .*NaN.* dropped/);
    expect(warnings).toMatch(/ON DELETE SET DEFAULT acts as RESTRICT/);
    const db = maria();
    if (!('conn' in db)) return t.skip(db.error);
    await withDatabase(db, async () => {
      for (const st of r.statements) expect([st.sql.slice(0, 60), await tryExec(db, st.sql)]).toEqual([st.sql.slice(0, 60), undefined]);
      await db.conn.query('INSERT INTO `Ticket` (`id`) VALUES (?)', ['a']);
      const [rows] = await db.conn.query('SELECT HEX(`data`) AS data, `seq`, `double` FROM `Ticket`');
      expect(rows).toEqual([{ data: '010203', seq: 1, double: 2 }]);
      expect(await tryExec(db, "INSERT INTO `Ticket` (`id`, `key`) VALUES ('b', 0)")).toMatch(/ticket_key/);
    });
  });

  it('sql.js runs the SQLite DDL: expression defaults in parentheses, enums held by a check', async () => {
    const r = buildDdl(document, sqliteDialect);
    const db = await openSqlite();
    for (const st of r.statements) db.exec(st.sql);
    db.exec(`INSERT INTO "Ticket" ("id", "seq") VALUES ('a', 1)`);
    expect(db.exec(`SELECT hex("data"), "double", "role" FROM "Ticket"`)[0].values).toEqual([['010203', 2, 'USER']]);
    expect(() => db.exec(`INSERT INTO "Ticket" ("id", "seq", "role") VALUES ('b', 2, 'nonsense')`)).toThrow(/CHECK/);
    expect(() => db.exec(`INSERT INTO "Ticket" ("id", "seq", "key") VALUES ('c', 3, 0)`)).toThrow(/CHECK/);
  });

  it("sql.js runs a SQLite schema's own expression defaults, in parentheses", async () => {
    const text = `datasource db {\n  provider = "sqlite"\n}\nmodel L {\n  id Int @id\n  at String @default(dbgenerated("datetime('now')"))\n}\n`;
    const { document: doc } = await importPrisma([{ path: 's.prisma', text }]);
    const r = buildDdl(doc, sqliteDialect);
    expect(r.statements.map((s) => s.sql).join('\n')).toContain(`DEFAULT (datetime('now'))`);
    const db = await openSqlite();
    for (const st of r.statements) db.exec(st.sql);
    db.exec('INSERT INTO "L" ("id") VALUES (1)');
    expect(String(db.exec('SELECT "at" FROM "L"')[0].values[0][0])).toMatch(/^\d{4}-\d{2}-\d{2} /);
  });
});

describe('MySQL: one AUTO_INCREMENT column per table, SET NULL on a NOT NULL column, generated columns', () => {
  const maria = useMariaDb();

  it('runs in MariaDB, and says what it changed', async (t) => {
    const { document: doc } = await importPrisma([
      {
        path: 's.prisma',
        text: `datasource db {
  provider = "postgresql"
}
model A {
  id    Int @id @default(autoincrement())
  other Int @default(autoincrement())
  total Int
  bs    B[]
}
model B {
  id  Int @id
  aId Int
  a   A   @relation(fields: [aId], references: [id], onDelete: SetNull)
}
`,
      },
    ]);
    Object.values(doc.tables).find((x) => x.name === 'A')!.columns.find((c) => c.name === 'total')!.generated = { expression: 'other + 1', stored: true };
    const r = buildDdl(doc, mysqlDialect);
    const warnings = r.diagnostics.map((d) => d.message).join('\n');
    expect(warnings).toMatch(/other: MySQL has one AUTO_INCREMENT column per table/);
    expect(warnings).toMatch(/SET NULL on a NOT NULL column \(aId\) written as NO ACTION/);
    expect(warnings).toMatch(/total: NOT NULL dropped from a generated column/);
    const db = maria();
    if (!('conn' in db)) return t.skip(db.error);
    await withDatabase(db, async () => {
      for (const st of r.statements) expect([st.sql.slice(0, 60), await tryExec(db, st.sql)]).toEqual([st.sql.slice(0, 60), undefined]);
    });
  });
});

describe('MySQL and SQLite limits, from an imported PostgreSQL script', () => {
  const maria = useMariaDb();
  const script = `CREATE TABLE wide (
  id int PRIMARY KEY,
  v varchar(20000), c char(300), b bit(100), n numeric(100, 2),
  label text CHECK (length(label) <= 5),
  due timestamp DEFAULT now() + '1 day'::interval,
  r double precision DEFAULT random()
);
COMMENT ON TABLE wide IS '${'t'.repeat(2100)}';
COMMENT ON COLUMN wide.v IS '${'c'.repeat(1100)}';
CREATE SCHEMA ${'s'.repeat(40)};
CREATE TABLE public.${'t'.repeat(40)} (id int PRIMARY KEY);
CREATE TABLE ${'s'.repeat(40)}.${'t'.repeat(40)} (id int PRIMARY KEY);
CREATE SCHEMA b;
CREATE INDEX foo ON wide (n);
CREATE TABLE b.foo (id int PRIMARY KEY);
CREATE TABLE numbered (id int GENERATED ALWAYS AS IDENTITY (START WITH 1000 INCREMENT BY 10) PRIMARY KEY, x int);
CREATE TABLE rowsize (id int PRIMARY KEY, a varchar(5000) UNIQUE, b varchar(5000), c varchar(5000), d varchar(4000));
CREATE TYPE cased AS ENUM ('a', 'A');
CREATE TABLE cases (id int PRIMARY KEY, x cased, a int, b int);
CREATE INDEX "Idx" ON cases (a);
CREATE INDEX idx ON cases (b);
CREATE EXTENSION citext;
CREATE TABLE texts (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, vb bit varying(1000), ci citext, n numeric(3, 5));
CREATE TYPE accents AS ENUM ('resume', 'résumé');
CREATE TABLE cvs (id int PRIMARY KEY, kind accents);
CREATE TABLE serial2 (a int, n serial, PRIMARY KEY (a, n));
CREATE INDEX serial2_n_idx ON serial2 (a);
CREATE TABLE doubled (id serial PRIMARY KEY, g int GENERATED ALWAYS AS (id * 2) STORED);
CREATE TABLE counted (id serial PRIMARY KEY CHECK (id > 0));
CREATE TABLE counts (id int PRIMARY KEY, cid int REFERENCES counted ON DELETE SET NULL CHECK (cid > 0), n int CHECK (n > 0));`;

  it('run in MariaDB and sql.js, with what was changed warned', async (t) => {
    const { importPostgres } = await import('../import/postgres');
    const { bootCachedPg } = await import('../../pglite/snapshot-node');
    const { document: doc } = await importPostgres([{ path: 'limits.sql', text: script }], { boot: (extensions) => bootCachedPg({ extensions }) });
    const my = buildDdl(doc, mysqlDialect);
    const warnings = my.diagnostics.map((d) => d.message).join('\n');
    for (const w of [/VARCHAR\(20000\) .* LONGTEXT/, /CHAR\(300\) .* VARCHAR\(300\)/, /BIT\(100\)/, /DECIMAL\(100,2\) .* DECIMAL\(65,2\)/, /table comment longer than MySQL's 2048/, /comment longer than MySQL's 1024/, /due: default .*interval.* dropped/, /numbered.id: identity options \(INCREMENT BY 10\) have no mysql equivalent/, /rowsize.b: VARCHAR\(5000\) written as LONGTEXT/, /enum cased has values MySQL cannot tell apart/, /cases: index idx renamed idx_2/, /counted: check counted_id_check dropped: MySQL refuses checks on id/, /counts: check counts_cid_check dropped/, /texts.id: GENERATED ALWAYS has no mysql equivalent/, /DECIMAL\(3,5\) .* written as DECIMAL\(3,3\)/, /enum accents has values MySQL cannot tell apart/, /doubled.g: generated over id/]) {
      expect(warnings).toMatch(w);
    }
    const mySql = my.statements.map((s) => s.sql).join('\n');
    expect(mySql).toContain('CHECK (char_length(`label`) <= 5)');
    expect(mySql).toContain('DEFAULT (rand())');
    expect(mySql).toContain('CONSTRAINT `counts_n_check` CHECK (`n` > 0)');
    expect(mySql).toMatch(/`vb` VARCHAR\(1000\),\s+`ci` LONGTEXT/);
    // The key an AUTO_INCREMENT column needs, named clear of the table's own index of that name.
    expect(mySql).toContain('KEY `serial2_n_idx_2` (`n`)');
    expect(warnings).not.toMatch(/texts.id: identity options/);
    // The widest columns no key holds, until the row fits: b is enough (a is unique).
    expect(mySql).toMatch(/`a` VARCHAR\(5000\),\s+`b` LONGTEXT,\s+`c` VARCHAR\(5000\),\s+`d` VARCHAR\(4000\)/);
    const lite = buildDdl(doc, sqliteDialect);
    const db = await openSqlite();
    for (const st of lite.statements) db.exec(st.sql);
    db.exec(`INSERT INTO "wide" ("id") VALUES (1)`);
    const r = Number(db.exec(`SELECT "r" FROM "wide"`)[0].values[0][0]);
    expect(r >= 0 && r < 1).toBe(true);
    const server = maria();
    if (!('conn' in server)) return t.skip(server.error);
    await withDatabase(server, async () => {
      for (const st of my.statements) expect([st.sql.slice(0, 60), await tryExec(server, st.sql)]).toEqual([st.sql.slice(0, 60), undefined]);
      expect(await tryExec(server, "INSERT INTO `wide` (`id`, `label`) VALUES (2, 'ééééé')")).toBeUndefined();
      // text is unbounded: LONGTEXT, not Prisma's VARCHAR(191).
      expect(mySql).toContain('`label` LONGTEXT');
      await server.conn.query('INSERT INTO `numbered` (`x`) VALUES (1)');
      const [rows] = await server.conn.query('SELECT `id` FROM `numbered`');
      expect(rows).toEqual([{ id: 1000 }]);
    });
  });
});

describe('MySQL foreign keys on long keys', () => {
  const maria = useMariaDb();

  it('are written whole where InnoDB can index them (an m:n table on a long VARCHAR id, a bytea key), else left out with a warning', async (t) => {
    const { document: prismaDoc } = await importPrisma([
      { path: 's.prisma', text: `datasource db {\n  provider = "postgresql"\n}\nmodel A {\n  id String @id @db.VarChar(1000)\n  bs B[]\n}\nmodel B {\n  id Int @id\n  as A[]\n}\n` },
    ]);
    const { importPostgres } = await import('../import/postgres');
    const { bootCachedPg } = await import('../../pglite/snapshot-node');
    const script = `CREATE TABLE p (id bytea PRIMARY KEY);
CREATE TABLE c (id int PRIMARY KEY, pid bytea REFERENCES p);
CREATE TABLE k (a varchar(500), b varchar(500), c varchar(500), PRIMARY KEY (a, b, c));
CREATE TABLE kc (id int PRIMARY KEY, a varchar(500), b varchar(500), c varchar(500), FOREIGN KEY (a, b, c) REFERENCES k);`;
    const { document: sqlDoc } = await importPostgres([{ path: 'keys.sql', text: script }], { boot: (extensions) => bootCachedPg({ extensions }) });
    const a = buildDdl(prismaDoc, mysqlDialect);
    const b = buildDdl(sqlDoc, mysqlDialect);
    expect(b.statements.map((s) => s.sql).join('\n')).toContain('`id` VARBINARY(3072) NOT NULL');
    expect(b.diagnostics.map((d) => d.message).join('\n')).toMatch(/kc: foreign key \(a, b, c\) to k not written/);
    const db = maria();
    if (!('conn' in db)) return t.skip(db.error);
    for (const r of [a, b]) {
      await withDatabase(db, async () => {
        for (const st of r.statements) expect([st.sql.slice(0, 60), await tryExec(db, st.sql)]).toEqual([st.sql.slice(0, 60), undefined]);
        const [rows] = await db.conn.query('SELECT COUNT(*) AS n FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()');
        expect(Number((rows as { n: number }[])[0].n)).toBe(r === a ? 2 : 1);
      });
    }
  });
});

describe('PostgreSQL expressions and defaults in MySQL and SQLite: the same rows pass and fail', () => {
  const maria = useMariaDb();
  const script = `CREATE TABLE ex (
  id int PRIMARY KEY,
  a int, b int,
  status varchar(10) CHECK (status IN ('open', 'shut')),
  both_set boolean CHECK ((a IS NULL) OR (b IS NOT NULL AND a + b > -1)),
  d date DEFAULT now(),
  today date DEFAULT CURRENT_DATE,
  at_time time DEFAULT CURRENT_TIME,
  tags text[] NOT NULL DEFAULT '{}',
  f float8 DEFAULT 'NaN'
);`;

  it('keeps the meaning, or says what it dropped', async (t) => {
    const { importPostgres } = await import('../import/postgres');
    const { bootCachedPg } = await import('../../pglite/snapshot-node');
    const { document: doc } = await importPostgres([{ path: 'ex.sql', text: script }], { boot: (extensions) => bootCachedPg({ extensions }) });
    const lite = buildDdl(doc, sqliteDialect);
    const my = buildDdl(doc, mysqlDialect);
    for (const r of [lite, my]) {
      const warnings = r.diagnostics.map((x) => x.message).join('\n');
      expect(warnings).toMatch(/tags: (list )?default .* dropped/);
      expect(warnings).toMatch(/f: default .*NaN.* dropped/);
      // The checks are written (IN list, AND/OR, a negative number), and NaN is not also called approximated.
      expect(warnings).not.toMatch(/check \S+ (is postgresql SQL|dropped)|NaN.*approximated/);
    }
    const db = await openSqlite();
    for (const st of lite.statements) db.exec(st.sql);
    db.exec(`INSERT INTO "ex" ("id", "status", "a", "b", "tags") VALUES (1, 'open', 1, 1, '[]')`);
    expect(() => db.exec(`INSERT INTO "ex" ("id", "status", "tags") VALUES (2, 'other', '[]')`)).toThrow(/CHECK/);
    expect(db.exec(`SELECT "d" = CURRENT_DATE FROM "ex"`)[0].values).toEqual([[1]]);
    // MySQL 8 takes CURRENT_TIMESTAMP bare on DATETIME and TIMESTAMP only: other expression defaults in parentheses.
    const mySql = my.statements.map((s) => s.sql).join('\n');
    expect(mySql).toContain('`d` DATE DEFAULT (CURRENT_DATE)');
    expect(mySql).toContain('`today` DATE DEFAULT (CURRENT_DATE)');
    expect(mySql).toMatch(/`at_time` TIME(\(\d\))? DEFAULT \(CURRENT_TIME\)/);
    const server = maria();
    if (!('conn' in server)) return t.skip(server.error);
    await withDatabase(server, async () => {
      for (const st of my.statements) expect([st.sql.slice(0, 60), await tryExec(server, st.sql)]).toEqual([st.sql.slice(0, 60), undefined]);
      expect(await tryExec(server, "INSERT INTO `ex` (`id`, `status`, `a`, `b`, `tags`) VALUES (1, 'open', 1, 1, '[]')")).toBeUndefined();
      const [rows] = await server.conn.query('SELECT `d` = CURDATE() AS d, `today` = CURDATE() AS today FROM `ex`');
      expect(rows).toEqual([{ d: 1, today: 1 }]);
      expect(await tryExec(server, "INSERT INTO `ex` (`id`, `status`, `tags`) VALUES (2, 'other', '[]')")).toMatch(/CONSTRAINT/i);
    });
  });
});
