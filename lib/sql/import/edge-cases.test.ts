/**
 * Scripts whose export used to fail in PostgreSQL or build another catalog: each is imported,
 * exported, and applied in a fresh PGlite, and must give the original's catalog with no statement
 * failing. Each case also checks that the snapshot holds what it is about (else it could not fail).
 */
import { describe, expect, it } from 'vitest';
import { expectExportRebuilds, type ExportCase } from '../testing/export-case';

const CASES: ExportCase[] = [
  {
    name: 'an identity column of a partitioned table (partitions take it from the parent)',
    script: `CREATE TABLE events (id bigint GENERATED ALWAYS AS IDENTITY, at date NOT NULL, name text, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');`,
    holds: (want) => {
      expect(want.tables['public.events_2024'].columns[0].identity).toBe('a');
      expect(Object.keys(want.sequences)).toEqual(['public.events_id_seq']);
    },
  },
  {
    name: 'a rule with several actions in parentheses (their ; do not end the CREATE RULE)',
    script: `CREATE TABLE t (id int, a int);
CREATE TABLE log (x text);
CREATE RULE r2 AS ON UPDATE TO t DO ALSO (INSERT INTO log VALUES ('a'); INSERT INTO log VALUES ('b;'));`,
    holds: (want) => expect(want.rules['public.t.r2']).toMatch(/DO \( INSERT INTO log .*'a'.*;\s+INSERT INTO log .*'b;'/s),
  },
  {
    name: 'an enum altered, then renamed',
    script: `CREATE TYPE mood AS ENUM ('sad', 'ok');
ALTER TYPE mood ADD VALUE 'happy';
ALTER TYPE mood RENAME TO feeling;
ALTER TYPE feeling RENAME VALUE 'ok' TO 'fine';
CREATE SCHEMA s;
ALTER TYPE feeling SET SCHEMA s;
CREATE TABLE person (id int PRIMARY KEY, m s.feeling);`,
    holds: (want) => expect(want.enums['s.feeling']).toEqual(['sad', 'fine', 'happy']),
  },
  {
    name: "Prisma Migrate's replacement of an enum (a value removed): new type, renames, DROP TYPE of the old one",
    script: `CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN', 'OLD');
CREATE TABLE "User" ("id" SERIAL NOT NULL, "role" "Role" NOT NULL DEFAULT 'USER', CONSTRAINT "User_pkey" PRIMARY KEY ("id"));
BEGIN;
CREATE TYPE "Role_new" AS ENUM ('USER', 'ADMIN');
ALTER TABLE "User" ALTER COLUMN "role" DROP DEFAULT;
ALTER TABLE "User" ALTER COLUMN "role" TYPE "Role_new" USING ("role"::text::"Role_new");
ALTER TYPE "Role" RENAME TO "Role_old";
ALTER TYPE "Role_new" RENAME TO "Role";
DROP TYPE "Role_old";
ALTER TABLE "User" ALTER COLUMN "role" SET DEFAULT 'USER';
COMMIT;`,
    holds: (want) => expect(want.enums).toEqual({ 'public.Role': ['USER', 'ADMIN'] }),
  },
  {
    name: 'serial sequences owned by no column, by another column, or no longer used',
    script: `CREATE TABLE a (id serial PRIMARY KEY, x int);
ALTER SEQUENCE a_id_seq OWNED BY NONE;
CREATE TABLE b (id serial PRIMARY KEY, y int);
ALTER SEQUENCE b_id_seq OWNED BY b.y;
CREATE TABLE n (id int);
ALTER TABLE n ADD COLUMN s bigserial;
ALTER TABLE n ALTER COLUMN s DROP DEFAULT;
CREATE TABLE c (id serial);
CREATE TABLE d (id int);
ALTER SEQUENCE c_id_seq OWNED BY d.id;
CREATE TABLE e (id serial, x int);
ALTER SEQUENCE e_id_seq OWNED BY NONE;
ALTER TABLE e DROP COLUMN id;
CREATE TABLE f (id serial);
ALTER SEQUENCE f_id_seq OWNED BY NONE;
ALTER TABLE f ALTER id DROP DEFAULT;
CREATE VIEW fv AS SELECT nextval('f_id_seq') AS n;`,
    holds: (want) => {
      expect(want.sequences['public.a_id_seq']).not.toMatch(/owned by/);
      expect(want.sequences['public.b_id_seq']).toMatch(/owned by b\.y a$/);
      expect(want.sequences['public.n_s_seq']).toMatch(/^bigint .* owned by n\.s a$/);
      expect(want.sequences['public.c_id_seq']).toMatch(/owned by d\.id a$/);
      expect(Object.keys(want.sequences)).toContain('public.e_id_seq');
    },
  },
  {
    name: 'sequences the script creates in other ways than a plain CREATE SEQUENCE (not created twice)',
    script: `CREATE TABLE t (id int, x int);
CREATE UNLOGGED SEQUENCE s OWNED BY t.id;
CREATE PROCEDURE p() LANGUAGE plpgsql AS $$ BEGIN CREATE SEQUENCE s2 OWNED BY t.x; END $$;
CALL p();
SET search_path = nosuch, public;
CREATE TABLE u (id int);
CREATE SEQUENCE s3 OWNED BY u.id;`,
    holds: (want) => expect(Object.keys(want.sequences).sort()).toEqual(['public.s', 'public.s2', 'public.s3']),
  },
  {
    name: 'sequences named like one the script creates elsewhere, or in a function it does not keep calling',
    script: `CREATE SCHEMA a;
CREATE SEQUENCE a.t_id_seq;
CREATE TABLE t (id bigserial, v int);
ALTER SEQUENCE t_id_seq CACHE 10;
CREATE FUNCTION mk() RETURNS void LANGUAGE plpgsql AS $$ BEGIN CREATE SEQUENCE q; END $$;
SELECT mk();
CREATE TABLE u (id int DEFAULT nextval('q'));
CREATE TABLE r (id serial);
ALTER TABLE r RENAME TO r2;`,
    holds: (want) => expect(Object.keys(want.sequences).sort()).toEqual(['a.t_id_seq', 'public.q', 'public.r_id_seq', 'public.t_id_seq']),
  },
  {
    name: 'keys and indexes of a partitioned table with storage parameters',
    script: `CREATE TABLE m (id int, at date, k int, PRIMARY KEY (id, at) WITH (fillfactor = 70), UNIQUE (k, at) WITH (fillfactor = 80)) PARTITION BY RANGE (at);
CREATE TABLE m1 PARTITION OF m FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE UNIQUE INDEX m_u ON m (id, at) WITH (fillfactor = 50);
CREATE TABLE d (id int, at date, CONSTRAINT d_pk PRIMARY KEY (id, at) WITH (fillfactor = 60) DEFERRABLE) PARTITION BY RANGE (at);
CREATE TABLE s (id int, at date, k int, PRIMARY KEY (id, at, k) WITH (fillfactor = 70)) PARTITION BY RANGE (at);
CREATE TABLE s1 PARTITION OF s FOR VALUES FROM ('2024-01-01') TO ('2025-01-01') PARTITION BY LIST (k);
CREATE TABLE s1a PARTITION OF s1 FOR VALUES IN (1);
ALTER TABLE s ADD CONSTRAINT s_u UNIQUE (k, at, id) WITH (fillfactor = 60) DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX s_expr ON s ((id + 1));
CREATE INDEX "S Expr" ON s ((k + 1));`,
    holds: (want) => {
      expect(want.tables['public.s1'].indexes.s1_pkey).toMatch(/WITH \(fillfactor='70'\) \(partition of s_pkey\)$/);
      expect(want.tables['public.s1a'].indexes.s1a_expr_idx).toMatch(/\(partition of s1_expr_idx\)$/);
      expect(want.tables['public.m'].indexes.m_pkey).toMatch(/WITH \(fillfactor='70'\)$/);
      expect(want.tables['public.d'].indexes.d_pk).toMatch(/WITH \(fillfactor='60'\)$/);
      // Created on the parent, the index is valid and its partitions' indexes are attached to it.
      expect(want.tables['public.m'].indexes.m_u).not.toMatch(/invalid/);
      expect(want.tables['public.m1'].indexes.m1_id_at_idx).toMatch(/\(partition of m_u\)$/);
    },
  },
  {
    name: 'a partitioned table and its indexes as pg_dump writes them (ON ONLY, then ATTACH PARTITION)',
    script: `CREATE TABLE public.p (id integer NOT NULL, at date NOT NULL, doc jsonb) PARTITION BY RANGE (at);
CREATE TABLE public.p1 (id integer NOT NULL, at date NOT NULL, doc jsonb);
ALTER TABLE ONLY public.p ATTACH PARTITION public.p1 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE public.p2 (id integer NOT NULL, at date NOT NULL, doc jsonb);
ALTER TABLE ONLY public.p ATTACH PARTITION public.p2 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
ALTER TABLE ONLY public.p ADD CONSTRAINT p_pkey PRIMARY KEY (id, at);
ALTER TABLE ONLY public.p1 ADD CONSTRAINT p1_pkey PRIMARY KEY (id, at);
ALTER TABLE ONLY public.p2 ADD CONSTRAINT p2_key_custom PRIMARY KEY (id, at);
CREATE INDEX p_doc_idx ON ONLY public.p USING gin (doc);
CREATE INDEX p1_doc_idx ON public.p1 USING gin (doc);
CREATE INDEX p2_doc_custom ON public.p2 USING gin (doc);
CREATE INDEX p_lower_idx ON ONLY public.p USING btree (lower(doc->>'k'));
CREATE INDEX p1_lower_idx ON public.p1 USING btree (lower(doc->>'k'));
CREATE INDEX p2_lower_custom ON public.p2 USING btree (lower(doc->>'k'));
ALTER INDEX public.p_pkey ATTACH PARTITION public.p1_pkey;
ALTER INDEX public.p_pkey ATTACH PARTITION public.p2_key_custom;
ALTER INDEX public.p_doc_idx ATTACH PARTITION public.p1_doc_idx;
ALTER INDEX public.p_doc_idx ATTACH PARTITION public.p2_doc_custom;
ALTER INDEX public.p_lower_idx ATTACH PARTITION public.p1_lower_idx;
ALTER INDEX public.p_lower_idx ATTACH PARTITION public.p2_lower_custom;`,
    holds: (want) => {
      expect(want.tables['public.p2'].indexes.p2_lower_custom).toMatch(/\(partition of p_lower_idx\)$/);
      expect(want.tables['public.p2'].indexes.p2_key_custom).toMatch(/\(partition of p_pkey\)$/);
      expect(want.tables['public.p'].indexes.p_lower_idx).not.toMatch(/invalid/);
    },
  },
  {
    name: 'indexes of partitions kept as SQL under a modelled parent index, indexes left invalid, and renamed or attached by the script',
    script: `CREATE SCHEMA "S x";
CREATE TABLE "S x"."Root" (a int NOT NULL, b int, c int) PARTITION BY RANGE (a);
CREATE TABLE "S x"."Mid" PARTITION OF "S x"."Root" FOR VALUES FROM (0) TO (100) PARTITION BY RANGE (a);
CREATE TABLE "S x"."Leaf" PARTITION OF "S x"."Mid" FOR VALUES FROM (0) TO (50);
CREATE TABLE "S x"."RootDef" PARTITION OF "S x"."Root" DEFAULT;
CREATE INDEX "Root b" ON "S x"."Root" (b);
COMMENT ON INDEX "S x"."Leaf_b_idx" IS 'leaf';
CREATE TABLE u (a int NOT NULL, b int, c int) PARTITION BY RANGE (a);
CREATE TABLE u1 PARTITION OF u FOR VALUES FROM (0) TO (10);
CREATE INDEX u_b_invalid ON ONLY u (b);
CREATE UNIQUE INDEX pu ON ONLY u (a) INCLUDE (b);
CREATE UNIQUE INDEX u1_pu ON u1 (a) INCLUDE (b);
ALTER INDEX pu ATTACH PARTITION u1_pu;
ALTER INDEX pu RENAME TO "pu renamed";
CREATE TABLE w (a int NOT NULL, b int) PARTITION BY RANGE (a);
CREATE TABLE wm PARTITION OF w FOR VALUES FROM (0) TO (100) PARTITION BY RANGE (a);
CREATE TABLE wl PARTITION OF wm FOR VALUES FROM (0) TO (50);
CREATE INDEX w_b ON w (b);
COMMENT ON INDEX wm_b_idx IS 'mid';
ALTER INDEX wl_b_idx RENAME TO leaf_custom;
COMMENT ON INDEX leaf_custom IS 'leaf';`,
    holds: (want) => {
      expect(want.tables['S x.Leaf'].indexes.Leaf_b_idx).toMatch(/\(partition of Mid_b_idx\)$/);
      expect(want.tables['public.u'].indexes.u_b_invalid).toMatch(/\(invalid\)$/);
      expect(want.tables['public.u1'].indexes.u1_pu).toMatch(/\(partition of pu renamed\)$/);
      expect(want.tables['public.wl'].indexes.leaf_custom).toMatch(/\(partition of wm_b_idx\)$/);
    },
  },
  {
    name: 'sequences of unlogged tables, and sequences whose persistence was changed',
    script: `CREATE UNLOGGED TABLE u (id serial PRIMARY KEY, g int GENERATED BY DEFAULT AS IDENTITY, h serial);
ALTER SEQUENCE u_h_seq SET LOGGED;
ALTER SEQUENCE u_g_seq SET LOGGED;
CREATE TABLE l (id serial, g int GENERATED ALWAYS AS IDENTITY);
ALTER SEQUENCE l_id_seq SET UNLOGGED;
ALTER SEQUENCE l_g_seq SET UNLOGGED;`,
    holds: (want) => {
      expect(want.sequences['public.u_id_seq']).toMatch(/ unlogged owned by/);
      expect(want.sequences['public.u_h_seq']).not.toMatch(/unlogged/);
      expect(want.sequences['public.l_g_seq']).toMatch(/ unlogged owned by/);
    },
  },
  {
    name: 'statements about temporary tables',
    script: `CREATE TABLE t (id int PRIMARY KEY);
CREATE FUNCTION trg() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TEMP TABLE tmp (id int);
COMMENT ON TABLE tmp IS 'temp';
COMMENT ON COLUMN tmp.id IS 'temp col';
CREATE INDEX tmp_i ON tmp (id);
COMMENT ON INDEX tmp_i IS 'x';
ALTER INDEX tmp_i SET (fillfactor = 50);
ALTER TABLE tmp ENABLE ROW LEVEL SECURITY;
CREATE POLICY p ON tmp USING (true);
CREATE TRIGGER tg BEFORE INSERT ON tmp FOR EACH ROW EXECUTE FUNCTION trg();
CREATE TRIGGER tg BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION trg();
CREATE RULE r AS ON INSERT TO pg_temp.tmp DO NOTHING;
CREATE TEMP VIEW tv AS SELECT 1;
CREATE TEMP SEQUENCE ts;
COMMENT ON SEQUENCE ts IS 'c';
COMMENT ON TABLE t IS 'kept';
CREATE TABLE pg_temp.x (id int);
CREATE TRIGGER tg BEFORE INSERT ON x FOR EACH ROW EXECUTE FUNCTION trg();
SELECT 1 AS a INTO TEMP tmp2;
ALTER TABLE tmp2 RENAME TO tmp3;
CREATE TRIGGER tg BEFORE INSERT ON tmp3 FOR EACH ROW EXECUTE FUNCTION trg();
CREATE VIEW v AS SELECT * FROM tmp;
COMMENT ON VIEW v IS 'a temporary view too';`,
    holds: (want) => {
      expect(Object.keys(want.triggers)).toEqual(['t.tg']);
      expect(Object.values(want.comments)).toEqual(['kept']);
    },
    diagnostics: (d) => {
      const notKept = d.filter((x) => /temporary/.test(x.message)).map((x) => x.line);
      expect(notKept).toEqual([3, 4, 5, 7, 8, 9, 10, 11, 13, 14, 15, 16, 18, 19, 22, 24]);
    },
  },
  {
    name: 'temporary tables dropped, or made, later in the same run',
    script: `CREATE FUNCTION trg() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TEMP TABLE t (a int, b int);
CREATE TRIGGER tt BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION trg();
DROP TABLE t;
CREATE TABLE t (a int, b int);
CREATE TABLE r (a int, b int);
CREATE TRIGGER rt BEFORE INSERT ON r FOR EACH ROW EXECUTE FUNCTION trg();
CREATE TEMP TABLE r (a int, b int);`,
    holds: (want) => expect(Object.keys(want.triggers)).toEqual(['r.rt']),
  },
  {
    name: 'statements about a real table named like a temporary one (dropped since, or behind in the search_path)',
    script: `CREATE FUNCTION trg() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TEMP TABLE x (a int);
CREATE INDEX idx ON x (a);
DROP TABLE x;
CREATE TABLE x (a int PRIMARY KEY, b int);
CREATE TRIGGER tg BEFORE INSERT ON x FOR EACH ROW EXECUTE FUNCTION trg();
ALTER TABLE x ENABLE ROW LEVEL SECURITY;
CREATE POLICY p ON x USING (true);
CREATE RULE r AS ON DELETE TO x DO INSTEAD NOTHING;
CREATE STATISTICS st ON a, b FROM x;
CREATE INDEX idx ON x (b);
COMMENT ON INDEX idx IS 'on x';
CREATE SCHEMA app;
CREATE TABLE app.y (a int);
CREATE TEMP TABLE y (a int);
SET search_path = app, pg_temp, public;
CREATE TRIGGER tg BEFORE INSERT ON y FOR EACH ROW EXECUTE FUNCTION public.trg();`,
    holds: (want) => {
      expect(Object.keys(want.triggers).sort()).toEqual(['x.tg', 'y.tg']);
      expect(want.tables['public.x'].rowSecurity).toBe('enabled');
      expect(Object.keys(want.rules)).toEqual(['public.x.r']);
      expect(Object.keys(want.statistics)).toEqual(['public.st']);
      expect(Object.values(want.comments)).toEqual(['on x']);
    },
  },
  {
    name: 'an ALTER TABLE that adds a column and enables row level security (the column is modelled; only the RLS is kept)',
    script: `CREATE TABLE t (a int);
CREATE INDEX t_a ON t (a);
ALTER TABLE ONLY t ADD COLUMN b int DEFAULT 1, ENABLE ROW LEVEL SECURITY, ALTER COLUMN a SET NOT NULL, ALTER COLUMN b SET STATISTICS 50, CLUSTER ON t_a;
ALTER TABLE t ADD CONSTRAINT b_pos CHECK (b > 0), FORCE ROW LEVEL SECURITY;`,
    holds: (want) => {
      expect(want.tables['public.t'].columns.map((c) => c.name)).toEqual(['a', 'b']);
      expect(want.tables['public.t'].rowSecurity).toBe('forced');
      expect(want.tables['public.t'].columns[1].statistics).toBe(50);
      expect(want.tables['public.t'].columns[0].notNull).toBe(true);
      expect(JSON.stringify(want.tables['public.t'])).toMatch(/\(clustered\)/);
      expect(Object.keys(want.tables['public.t'].constraints)).toContain('b_pos');
    },
  },
  {
    name: 'a view with an INSTEAD rule, renamed (NEW.col in the rule is not the view reading itself)',
    script: `CREATE TABLE a (id int);
CREATE VIEW v AS SELECT id FROM a;
CREATE RULE r AS ON INSERT TO v DO INSTEAD INSERT INTO a VALUES (NEW.id);
CREATE VIEW w AS SELECT id FROM a;
CREATE RULE r AS ON INSERT TO w DO INSTEAD INSERT INTO a VALUES (NEW.id);
ALTER VIEW v RENAME TO v2;`,
    holds: (want) => {
      expect(Object.keys(want.views).sort()).toEqual(['public.v2', 'public.w']);
      expect(Object.keys(want.rules).sort()).toEqual(['public.v2.r', 'public.w.r']);
    },
  },
  {
    name: 'ALTER TABLE actions the catalog does not give stay with the late ones (RESET, SET WITHOUT CLUSTER), also past a long list of columns',
    script: `CREATE TABLE t (a int);
CREATE INDEX i ON t (a);
ALTER TABLE t SET (fillfactor = 50, autovacuum_enabled = true), ALTER COLUMN a SET (n_distinct = 5), CLUSTER ON i;
ALTER TABLE t RESET (fillfactor), ALTER COLUMN a RESET (n_distinct), SET WITHOUT CLUSTER, ENABLE ROW LEVEL SECURITY, ADD COLUMN b int;
CREATE TABLE wide (id int);
ALTER TABLE wide ADD COLUMN extra_column_number_0 text, ADD COLUMN extra_column_number_1 text, ADD COLUMN extra_column_number_2 text, ADD COLUMN extra_column_number_3 text, ADD COLUMN extra_column_number_4 text, ADD COLUMN extra_column_number_5 text, ADD COLUMN extra_column_number_6 text, ADD COLUMN extra_column_number_7 text, ADD COLUMN extra_column_number_8 text, ADD COLUMN extra_column_number_9 text, ADD COLUMN extra_column_number_10 text, ADD COLUMN extra_column_number_11 text, ADD COLUMN extra_column_number_12 text, ADD COLUMN extra_column_number_13 text, ADD COLUMN extra_column_number_14 text, ADD COLUMN extra_column_number_15 text, ADD COLUMN extra_column_number_16 text, ADD COLUMN extra_column_number_17 text, ADD COLUMN extra_column_number_18 text, ADD COLUMN extra_column_number_19 text, ENABLE ROW LEVEL SECURITY;`,
    holds: (want) => {
      expect(want.tables['public.t'].columns.map((c) => c.name)).toEqual(['a', 'b']);
      expect(JSON.stringify(want.tables['public.t'])).not.toMatch(/clustered|fillfactor|n_distinct/);
      expect(want.tables['public.wide'].rowSecurity).toBe('enabled');
      expect(want.tables['public.wide'].columns).toHaveLength(21);
    },
  },
  {
    name: 'a search_path set for one transaction (SET LOCAL, set_config with is_local) reaches its statements only (outside one, the rest of the script)',
    script: `CREATE SCHEMA app;
BEGIN;
SET LOCAL search_path = app;
CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'select 1';
COMMIT;
CREATE FUNCTION g() RETURNS int LANGUAGE sql AS 'select 2';
START TRANSACTION;
SELECT pg_catalog.set_config('search_path', 'app', true);
CREATE DOMAIN d AS int;
END;
CREATE DOMAIN e AS int;
SET LOCAL search_path = app;
CREATE FUNCTION k() RETURNS int LANGUAGE sql AS 'select 3';`,
    holds: (want) => {
      expect(Object.keys(want.functions).sort()).toEqual(['app.f()', 'app.k()', 'public.g()']);
      expect(Object.keys(want.domains).sort()).toEqual(['app.d', 'public.e']);
    },
  },
  {
    name: 'a foreign key that sets only some of its columns to NULL (ON DELETE SET NULL (col), PostgreSQL 15) keeps them',
    script: `CREATE TABLE tenants (tenant_id int, id int, PRIMARY KEY (tenant_id, id));
CREATE TABLE projects (id int PRIMARY KEY, tenant_id int NOT NULL, owner_id int,
  FOREIGN KEY (tenant_id, owner_id) REFERENCES tenants ON DELETE SET NULL (owner_id));`,
    holds: (want) => expect(JSON.stringify(want.tables['public.projects'])).toMatch(/ON DELETE SET NULL \(owner_id\)/),
  },
];

describe('scripts that used to break the PostgreSQL export', () => {
  it.each(CASES)('$name', expectExportRebuilds);
});
