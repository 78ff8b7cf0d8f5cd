/**
 * Scripts that rename or drop relations after other statements name them (migration histories do):
 * statements kept as SQL follow the relations to their final names, and the ones about a relation
 * the script drops later are not kept. Each export must rebuild the original's catalog.
 */
import { describe, expect, it } from 'vitest';
import { expectExportRebuilds, type ExportCase } from '../testing/export-case';

const TRIGGER_FN = `CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;`;

const CASES: ExportCase[] = [
  {
    name: 'a table renamed, moved to another schema, and that schema renamed, after statements about it',
    script: `CREATE SCHEMA app;
SET search_path = app, public;
CREATE TABLE t (id serial PRIMARY KEY, n int, m int);
CREATE INDEX t_n_idx ON t (n);
COMMENT ON INDEX t_n_idx IS 'idx';
COMMENT ON COLUMN t.n IS 'col';
ALTER TABLE t ENABLE ROW LEVEL SECURITY;
CREATE POLICY p ON t USING (n > 0);
${TRIGGER_FN}
CREATE TRIGGER tr BEFORE UPDATE OF m ON t FOR EACH ROW EXECUTE FUNCTION f();
COMMENT ON TRIGGER tr ON t IS 'trig';
CREATE RULE r AS ON DELETE TO t DO INSTEAD NOTHING;
CREATE STATISTICS st ON n, m FROM t;
ALTER TABLE t ALTER COLUMN m SET STATISTICS 200;
ALTER INDEX t_n_idx RENAME TO t_n_index;
ALTER TABLE t RENAME TO t2;
ALTER SEQUENCE t_id_seq RENAME TO t2_id_seq;
RESET search_path;
CREATE SCHEMA other;
ALTER TABLE app.t2 SET SCHEMA other;
ALTER SCHEMA other RENAME TO final;`,
    holds: (want) => {
      expect(Object.keys(want.tables)).toEqual(['final.t2']);
      expect(Object.keys(want.triggers)).toEqual(['t2.tr']);
      expect(Object.keys(want.rules)).toEqual(['final.t2.r']);
      expect(Object.values(want.comments).sort()).toEqual(['col', 'idx', 'trig']);
      expect(want.tables['final.t2'].rowSecurity).toBe('enabled');
    },
  },
  {
    name: 'statements about tables the script drops later, itself or with their schema',
    script: `${TRIGGER_FN}
CREATE TABLE gone (id int);
CREATE TRIGGER tr BEFORE INSERT ON gone FOR EACH ROW EXECUTE FUNCTION f();
COMMENT ON TABLE gone IS 'gone';
CREATE SCHEMA dropme;
CREATE TABLE dropme.x (id int);
CREATE POLICY px ON dropme.x USING (true);
DROP SCHEMA dropme CASCADE;
DROP TABLE IF EXISTS gone, nothing;
CREATE TABLE gone (id int);
CREATE TRIGGER tr BEFORE UPDATE ON gone FOR EACH ROW EXECUTE FUNCTION f();`,
    holds: (want) => expect(Object.keys(want.triggers)).toEqual(['gone.tr']),
    diagnostics: (d) => expect(d.filter((x) => /drops later/.test(x.message)).map((x) => x.line)).toEqual([3, 4, 7]),
  },
  {
    name: "the script's own sequences renamed or moved (with ALTER SEQUENCE or ALTER TABLE), dropped and made again",
    script: `CREATE SEQUENCE s START 5;
COMMENT ON SEQUENCE s IS 'c';
CREATE TABLE u0 (id int DEFAULT nextval('s'));
ALTER TABLE s RENAME TO s2;
CREATE SEQUENCE r START 3;
CREATE TABLE u1 (id int DEFAULT nextval('r'));
ALTER SEQUENCE r RENAME TO r2;
CREATE SCHEMA x;
CREATE SEQUENCE q;
ALTER TABLE q SET SCHEMA x;
CREATE SEQUENCE d;
DROP SEQUENCE d;
CREATE SEQUENCE d START 9;
CREATE TABLE u (id int DEFAULT nextval('s2'), k int DEFAULT nextval('x.q'), l int DEFAULT nextval('d'));`,
    holds: (want) => expect(Object.keys(want.sequences).sort()).toEqual(['public.d', 'public.r2', 'public.s2', 'x.q']),
  },
  {
    name: 'a pg_dump-style sequence and its table, both renamed later (as Rails renames a table)',
    script: `CREATE TABLE a (id integer NOT NULL);
CREATE SEQUENCE a_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
ALTER SEQUENCE a_id_seq OWNED BY a.id;
ALTER TABLE ONLY a ALTER COLUMN id SET DEFAULT nextval('a_id_seq'::regclass);
ALTER TABLE a RENAME TO b;
ALTER TABLE a_id_seq RENAME TO b_id_seq;`,
    holds: (want) => expect(want.sequences['public.b_id_seq']).toMatch(/owned by b\.id/),
  },
  {
    name: 'views and materialized views renamed or moved (with ALTER VIEW, ALTER MATERIALIZED VIEW or ALTER TABLE)',
    script: `CREATE TABLE a (id int PRIMARY KEY, n int);
CREATE VIEW v AS SELECT * FROM a;
ALTER VIEW v RENAME TO w;
CREATE SCHEMA s2;
ALTER VIEW w SET SCHEMA s2;
ALTER VIEW s2.w ALTER COLUMN n SET DEFAULT 3;
CREATE MATERIALIZED VIEW m AS SELECT id FROM a;
COMMENT ON MATERIALIZED VIEW m IS 'mv';
ALTER TABLE m RENAME TO m2;
CREATE INDEX ON m2 (id);
CREATE MATERIALIZED VIEW n AS SELECT 1 AS x;
ALTER MATERIALIZED VIEW n RENAME TO n2;
CREATE INDEX ON n2 (x);`,
    holds: (want) => expect(Object.keys(want.views).sort()).toEqual(['public.m2', 'public.n2', 's2.w']),
  },
  {
    name: 'triggers, policies, rules and publications dropped, replaced or altered (as Supabase-style migrations do)',
    script: `CREATE TABLE t (id int PRIMARY KEY);
${TRIGGER_FN}
CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();
DROP TRIGGER IF EXISTS tr ON t;
CREATE TRIGGER tr BEFORE INSERT OR UPDATE ON t FOR EACH ROW EXECUTE FUNCTION f();
CREATE TRIGGER old BEFORE DELETE ON t FOR EACH ROW EXECUTE FUNCTION f();
ALTER TRIGGER old ON t RENAME TO renamed;
ALTER TABLE t ENABLE ROW LEVEL SECURITY;
CREATE POLICY p ON t USING (id > 0);
ALTER POLICY p ON t USING (id > 1);
CREATE POLICY gone ON t USING (true);
DROP POLICY IF EXISTS gone ON t;
CREATE RULE r AS ON UPDATE TO t DO INSTEAD NOTHING;
DROP RULE r ON t;
CREATE PUBLICATION realtime;
ALTER PUBLICATION realtime ADD TABLE t;`,
    holds: (want) => {
      expect(Object.keys(want.triggers).sort()).toEqual(['t.renamed', 't.tr']);
      expect(Object.keys(want.policies)).toEqual(['public.t.p']);
      expect(want.rules).toEqual({});
      expect(want.publications).toEqual({ realtime: 'public.t; publish insert,update,delete,truncate' });
    },
  },
  {
    name: 'a composite type and a function renamed after a table uses them',
    script: `CREATE TYPE addr AS (street text, city text);
CREATE FUNCTION gen_code() RETURNS text LANGUAGE sql AS $$ SELECT 'x' $$;
CREATE TABLE t (id int, a addr, code text DEFAULT gen_code());
ALTER TYPE addr RENAME TO address;
ALTER FUNCTION gen_code() RENAME TO make_code;`,
    holds: (want) => expect(JSON.stringify(want.tables['public.t'])).toMatch(/address[^]*make_code/),
  },
  {
    name: 'materialized views swapped (blue-green refresh), one renamed under a view, one renamed with a comment after its statement',
    script: `CREATE TABLE a (id int, n int);
CREATE MATERIALIZED VIEW stats AS SELECT id FROM a;
CREATE MATERIALIZED VIEW stats_new AS SELECT id, n FROM a;
ALTER MATERIALIZED VIEW stats RENAME TO stats_old;
ALTER MATERIALIZED VIEW stats_new RENAME TO stats;
DROP MATERIALIZED VIEW stats_old;
CREATE MATERIALIZED VIEW m AS SELECT id FROM a;
CREATE VIEW v AS SELECT id FROM m;
ALTER MATERIALIZED VIEW m RENAME TO m2 -- renamed in v2
;`,
    holds: (want) => expect(Object.keys(want.views).sort()).toEqual(['public.m2', 'public.stats', 'public.v']),
  },
  {
    name: 'a DROP that drops a temporary table hiding a real one of the same name',
    script: `CREATE TABLE users (id int);
${TRIGGER_FN}
CREATE TRIGGER tr BEFORE INSERT ON users FOR EACH ROW EXECUTE FUNCTION f();
CREATE TEMP TABLE users AS SELECT * FROM public.users;
DROP TABLE users;`,
    holds: (want) => expect(Object.keys(want.triggers)).toEqual(['users.tr']),
  },
  {
    name: "the script's own sequences whose owning table or column is renamed, moved or dropped later (OWNED BY)",
    script: `CREATE TABLE public.a (id integer NOT NULL, n text);
CREATE SEQUENCE public.a_id_seq AS integer START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
ALTER SEQUENCE public.a_id_seq OWNED BY public.a.id;
COMMENT ON SEQUENCE public.a_id_seq IS 'x';
ALTER TABLE a RENAME TO b;
ALTER TABLE b RENAME COLUMN id TO b_id;
CREATE TABLE t (id int);
CREATE SEQUENCE s START 7 OWNED BY t.id;
ALTER TABLE t RENAME TO t2;
CREATE TABLE gone (id int, k int);
CREATE SEQUENCE gone_seq OWNED BY gone.id;
CREATE SEQUENCE k_seq;
ALTER SEQUENCE k_seq OWNED BY gone.k;
ALTER TABLE gone DROP COLUMN k;
DROP TABLE gone;
CREATE TABLE m (id integer NOT NULL);
CREATE SEQUENCE m_id_seq;
ALTER SEQUENCE m_id_seq OWNED BY m.id;
CREATE SCHEMA archive;
ALTER TABLE m SET SCHEMA archive;`,
    holds: (want) => {
      expect(Object.keys(want.sequences).sort()).toEqual(['archive.m_id_seq', 'public.a_id_seq', 'public.s']);
      expect(want.sequences['public.a_id_seq']).toMatch(/owned by b\.b_id/);
      expect(want.sequences['public.s']).toMatch(/start 7 .*owned by t2\.id/);
    },
    diagnostics: (d) => {
      expect(d.filter((x) => /sequence dropped or moved later/.test(x.message)).map((x) => x.line)).toEqual([11, 12, 17, 18]);
      expect(d.filter((x) => /drops later/.test(x.message)).map((x) => x.line)).toEqual([13]);
    },
  },
  {
    name: 'materialized views over tables renamed and moved later (their query is written as PostgreSQL has it), one renamed itself, one with no data',
    script: `CREATE SCHEMA arch;
CREATE TABLE a (id int, n int);
CREATE TABLE b (id int);
CREATE MATERIALIZED VIEW mv (ident) WITH (fillfactor = 80) AS SELECT a.id FROM a JOIN b USING (id);
CREATE UNIQUE INDEX mv_ident ON mv (ident);
CREATE MATERIALIZED VIEW totals -- of a
  AS SELECT sum(n) AS total FROM a WITH NO DATA;
ALTER TABLE a RENAME TO accounts;
ALTER TABLE b SET SCHEMA arch;
ALTER MATERIALIZED VIEW mv RENAME TO account_ids;`,
    holds: (want) => {
      expect(Object.keys(want.views).sort()).toEqual(['public.account_ids', 'public.totals']);
      expect(want.views['public.account_ids']).toMatch(/FROM accounts[\s\S]*JOIN arch\.b/);
      expect(want.views['public.totals']).toMatch(/FROM accounts/);
    },
  },
  {
    name: 'functions and domains in a schema renamed later, and in one dropped later (not a function named like a dropped table)',
    script: `CREATE SCHEMA s;
CREATE TABLE s.a (id int);
CREATE FUNCTION s.f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
CREATE DOMAIN s.d AS int CHECK (VALUE > 0);
ALTER SCHEMA s RENAME TO t;
CREATE SCHEMA gone;
CREATE FUNCTION gone.g() RETURNS int LANGUAGE sql AS $$ SELECT 2 $$;
CREATE TYPE gone.pair AS (a int, b int);
DROP SCHEMA gone CASCADE;
CREATE TABLE x (id int);
CREATE FUNCTION x() RETURNS int LANGUAGE sql AS $$ SELECT 3 $$;
DROP TABLE x;`,
    holds: (want) => {
      expect(Object.keys(want.functions).sort()).toEqual(['public.x()', 't.f()']);
      expect(Object.keys(want.domains)).toEqual(['t.d']);
    },
  },
  {
    name: 'publications listing tables renamed or moved later (with column lists, row filters and schemas)',
    script: `CREATE SCHEMA app;
CREATE TABLE messages (id int PRIMARY KEY, body text, room int);
CREATE TABLE rooms (id int PRIMARY KEY, name text);
CREATE TABLE app.users (id int PRIMARY KEY);
CREATE PUBLICATION chat FOR TABLE messages WHERE (room > 0 AND body <> 'x, TABLE y'), ONLY rooms, TABLES IN SCHEMA app WITH (publish = 'insert, update');
CREATE PUBLICATION live;
ALTER PUBLICATION live ADD TABLE rooms (id, name);
ALTER TABLE messages RENAME TO chat_messages;
ALTER TABLE rooms SET SCHEMA app;
ALTER TABLE app.rooms RENAME TO chat_rooms;
CREATE TABLE drafts (id int);
CREATE TABLE notes (id int);
CREATE PUBLICATION drafts_only FOR TABLE drafts;
CREATE PUBLICATION mixed FOR TABLE drafts, notes, TABLES IN SCHEMA app;
CREATE PUBLICATION commented FOR TABLE drafts WHERE (id <> length(E'it\\'s, notes')), -- drafts, then notes
  notes;
ALTER PUBLICATION live ADD TABLE drafts, ONLY notes;
DROP TABLE drafts;`,
    holds: (want) =>
      expect(want.publications).toEqual({
        chat: "app.chat_rooms, public.chat_messages where ((room > 0) AND (body <> 'x, TABLE y'::text)); schemas app; publish insert,update",
        live: 'app.chat_rooms (id,name), public.notes; publish insert,update,delete,truncate',
        drafts_only: 'publish insert,update,delete,truncate',
        mixed: 'public.notes; schemas app; publish insert,update,delete,truncate',
        commented: 'public.notes; publish insert,update,delete,truncate',
      }),
  },
  {
    name: 'a SQL function with a BEGIN ATOMIC body over a table renamed later (PostgreSQL checks such bodies when they are made)',
    script: `CREATE TABLE a (id int, n int);
CREATE FUNCTION total() RETURNS bigint LANGUAGE sql BEGIN ATOMIC SELECT sum(n) FROM a; END;
CREATE PROCEDURE bump() LANGUAGE sql BEGIN ATOMIC UPDATE a SET n = n + 1; END;
ALTER TABLE a RENAME TO accounts;
CREATE SCHEMA s;
CREATE TABLE s.b (n int);
CREATE FUNCTION s.total_b() RETURNS bigint LANGUAGE sql BEGIN ATOMIC SELECT sum(n) FROM s.b; END;
ALTER SCHEMA s RENAME TO t;`,
    holds: (want) => {
      expect(want.functions['public.total()']).toMatch(/FROM (public\.)?accounts/);
      expect(Object.keys(want.functions).sort()).toEqual(['public.bump()', 'public.total()', 't.total_b()']);
    },
  },
  {
    name: 'ALTER PUBLICATION ... SET naming only tables dropped later still empties the publication',
    script: `CREATE TABLE a (id int); CREATE TABLE b (id int);
CREATE SCHEMA s; CREATE TABLE s.c (id int);
CREATE PUBLICATION p FOR TABLE a, TABLES IN SCHEMA s;
ALTER PUBLICATION p SET TABLE b;
CREATE PUBLICATION "it's" FOR TABLE a;
ALTER PUBLICATION "it's" SET TABLE b;
ALTER PUBLICATION "it's" ADD TABLE s.c;
DROP TABLE b;`,
    holds: (want) => expect(want.publications).toEqual({ p: 'publish insert,update,delete,truncate', "it's": 's.c; publish insert,update,delete,truncate' }),
  },
  {
    name: 'BEGIN ATOMIC functions renamed, moved or overloaded, over tables renamed later',
    script: `CREATE TABLE a (id int, n int);
CREATE FUNCTION total() RETURNS bigint LANGUAGE sql BEGIN ATOMIC SELECT sum(n) FROM a; END;
CREATE FUNCTION total(m int) RETURNS bigint LANGUAGE sql BEGIN ATOMIC SELECT sum(n) + m FROM a; END;
CREATE FUNCTION sub(OUT s bigint) LANGUAGE sql BEGIN ATOMIC SELECT sum(n) FROM a; END;
ALTER TABLE a RENAME TO accounts;
ALTER FUNCTION total() RENAME TO grand_total;
CREATE SCHEMA s;
CREATE TABLE s.a (n int);
CREATE FUNCTION s.total() RETURNS bigint LANGUAGE sql BEGIN ATOMIC SELECT sum(n) FROM s.a; END;
ALTER TABLE s.a RENAME TO b;
ALTER FUNCTION s.total() RENAME TO grand;
ALTER SCHEMA s RENAME TO t;
CREATE SCHEMA z;
ALTER FUNCTION t.grand() SET SCHEMA z;`,
    holds: (want) => expect(Object.keys(want.functions).sort()).toEqual(['public.grand_total()', 'public.sub(OUT s bigint)', 'public.total(m integer)', 'z.grand()']),
  },
  {
    name: 'statements on functions, types and domains in schemas renamed or dropped later, and search paths naming them',
    script: `CREATE SCHEMA s;
CREATE TYPE s.mood AS ENUM ('a', 'b');
ALTER TYPE s.mood ADD VALUE 'c';
CREATE TYPE s.pair AS (x int);
ALTER TYPE s.pair ADD ATTRIBUTE y int;
COMMENT ON TYPE s.pair IS 'two';
CREATE DOMAIN s.d AS int;
ALTER DOMAIN s.d ADD CONSTRAINT pos CHECK (VALUE > 0);
CREATE TABLE s.t (m s.mood, p s.pair, d s.d);
CREATE FUNCTION s.f() RETURNS int LANGUAGE sql AS 'select 1';
ALTER FUNCTION s.f() SET search_path = public;
COMMENT ON FUNCTION s.f() IS 'one';
CREATE SCHEMA x;
ALTER FUNCTION s.f() SET SCHEMA x;
ALTER SCHEMA x RENAME TO y;
CREATE SCHEMA gone;
CREATE FUNCTION gone.f() RETURNS int LANGUAGE sql AS 'select 1';
ALTER FUNCTION gone.f() SET search_path = public;
COMMENT ON FUNCTION gone.f() IS 'gone';
DROP SCHEMA gone CASCADE;
CREATE SCHEMA "Odd";
SET search_path = "$user", "Odd", s, public;
CREATE FUNCTION g() RETURNS int LANGUAGE sql AS 'select 2';
CREATE TABLE u (id int DEFAULT g());
SELECT pg_catalog.set_config('search_path', 's, public', false);
CREATE FUNCTION h() RETURNS int LANGUAGE sql AS 'select 3';
RESET search_path;
ALTER SCHEMA "Odd" RENAME TO even;
ALTER SCHEMA s RENAME TO t;`,
    holds: (want) => {
      expect(Object.keys(want.functions).sort()).toEqual(['even.g()', 't.h()', 'y.f()']);
      expect(Object.keys(want.domains)).toEqual(['t.d']);
    },
  },
  {
    name: 'ALTERs of functions and domains (written after every object) renamed later',
    script: `CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'select 1';
ALTER FUNCTION f() SET search_path = public;
CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql AS 'select x';
ALTER FUNCTION f(int) SET work_mem = '1MB';
ALTER FUNCTION f() RENAME TO g;
CREATE DOMAIN d AS int;
ALTER DOMAIN d ADD CONSTRAINT pos CHECK (VALUE > 0);
ALTER DOMAIN d RENAME TO e;
CREATE SCHEMA app;
ALTER DOMAIN e SET SCHEMA app;
CREATE FUNCTION h(int) RETURNS int LANGUAGE sql AS 'select 1';
CREATE FUNCTION h(text) RETURNS int LANGUAGE sql AS 'select 2';
ALTER FUNCTION h(text) SET work_mem = '2MB';
ALTER FUNCTION h(int) RENAME TO h2;`,
    holds: (want) => {
      expect(Object.keys(want.functions).sort()).toEqual(['public.f(x integer)', 'public.g()', 'public.h(text)', 'public.h2(integer)']);
      expect(Object.keys(want.domains)).toEqual(['app.e']);
    },
  },
  {
    name: 'statements on functions resolved through the search_path, schemas swapped by renames, ALTER ROUTINE, and a renamed BEGIN ATOMIC function naming its parameters',
    script: `CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'select 1';
CREATE TYPE ty AS (x int);
CREATE SCHEMA a;
SET search_path = a, public;
ALTER FUNCTION f() SET work_mem = '1MB';
COMMENT ON FUNCTION f() IS 'c';
ALTER TYPE ty ADD ATTRIBUTE y int;
RESET search_path;
DROP SCHEMA a;
CREATE SCHEMA app; CREATE FUNCTION app.f() RETURNS int LANGUAGE sql AS 'select 1';
CREATE SCHEMA app_new; CREATE FUNCTION app_new.f() RETURNS int LANGUAGE sql AS 'select 2';
ALTER FUNCTION app_new.f() SET work_mem = '2MB';
ALTER FUNCTION app_new.f() RENAME TO g;
ALTER SCHEMA app RENAME TO app_old;
ALTER SCHEMA app_new RENAME TO app;
CREATE FUNCTION r() RETURNS int LANGUAGE sql AS 'select 1';
ALTER FUNCTION r() SET work_mem = '3MB';
ALTER ROUTINE r() RENAME TO r2;
CREATE TABLE t (n int);
CREATE FUNCTION p(a int) RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT count(*)::int + a FROM t; END;
ALTER TABLE t RENAME TO t2;
ALTER FUNCTION p(int) RENAME TO q;`,
    holds: (want) => {
      expect(Object.keys(want.functions).sort()).toEqual(['app.g()', 'app_old.f()', 'public.f()', 'public.q(a integer)', 'public.r2()']);
      expect(want.functions['public.f()']).toMatch(/work_mem/);
      expect(want.functions['app.g()']).toMatch(/work_mem/);
    },
  },
  {
    name: 'a search path set for a transaction (SET LOCAL) and schema names with commas, renamed later',
    script: `CREATE SCHEMA app; CREATE SCHEMA "a,b";
BEGIN; SET LOCAL search_path = app; CREATE TABLE x (id int); COMMIT;
CREATE FUNCTION outside() RETURNS int LANGUAGE sql AS 'select 2';
SET search_path = "a,b", app;
CREATE FUNCTION commas() RETURNS int LANGUAGE sql AS 'select 4';
RESET search_path;
ALTER SCHEMA app RENAME TO app2;`,
    holds: (want) => {
      expect(Object.keys(want.functions).sort()).toEqual(['a,b.commas()', 'public.outside()']);
      expect(Object.keys(want.tables)).toContain('app2.x');
    },
  },
  {
    name: 'functions, domains and types dropped later (after a rename, among overloads, several in one DROP, made again): what altered them goes with them',
    script: `CREATE SCHEMA app;
CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'select 1';
CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql AS 'select a';
ALTER FUNCTION f() SET work_mem = '1MB';
ALTER FUNCTION f(int) SET work_mem = '2MB';
ALTER FUNCTION f() RENAME TO g;
CREATE FUNCTION h() RETURNS int LANGUAGE sql AS 'select 3';
COMMENT ON FUNCTION h() IS 'gone too';
ALTER FUNCTION h() SET work_mem = '3MB';
CREATE DOMAIN app.d AS int;
ALTER DOMAIN app.d SET DEFAULT 3;
CREATE TYPE pair AS (a int, b int);
ALTER TYPE pair ADD ATTRIBUTE c int;
DROP FUNCTION IF EXISTS g(), nothere(int), public.h;
DROP DOMAIN app.d;
DROP TYPE pair CASCADE;
CREATE DOMAIN app.d AS text;
ALTER DOMAIN app.d SET DEFAULT 'x';
CREATE FUNCTION add_one(x integer) RETURNS int LANGUAGE sql AS 'select x + 1';
ALTER FUNCTION add_one(integer) SET search_path = public;
DROP FUNCTION IF EXISTS add_one(bigint);`,
    holds: (want) => {
      expect(Object.keys(want.functions).sort()).toEqual(['public.add_one(x integer)', 'public.f(a integer)']);
      expect(want.functions['public.add_one(x integer)']).toMatch(/search_path/);
      expect(want.functions['public.f(a integer)']).toMatch(/work_mem.*2MB/);
      expect(want.domains['app.d']).toMatch(/text.*default 'x'/);
      expect(Object.keys(want.types)).toEqual([]);
    },
    diagnostics: (d) => expect(d.filter((x) => /drops later/.test(x.message)).map((x) => x.line)).toEqual([4, 9, 11, 13]),
  },
];

describe('scripts that rename or drop relations that earlier statements name', () => {
  it.each(CASES)('$name', expectExportRebuilds);
});
