/**
 * Triggers, policies, rules, statistics, comments and per-table settings that a later statement
 * made stale (a renamed column, a dropped table, a CASCADE, a DO block): the export writes them as
 * the catalog has them at the end of the script, and must rebuild the original's catalog. Scripts
 * whose later statements leave them alone keep them as written.
 */
import { describe, expect, it } from 'vitest';
import { buildDdl, renderDdl } from '../ddl/builder';
import { postgresDialect } from '../ddl/postgres';
import { expectExportRebuilds, type ExportCase } from '../testing/export-case';
import { importPostgres } from './postgres';
import { commentOn, lateActionsOnly, LateObjects, withoutCatalogActions, writtenFromCatalog } from './late-objects';

const TRIGGER_FN = `CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;`;
/** A foreign table with a trigger, and hstore for a trigger's extension dependency. */
const FOREIGN_TABLE_TRIGGER = `${TRIGGER_FN}
CREATE EXTENSION hstore;
CREATE FOREIGN DATA WRAPPER dw;
CREATE SERVER srv FOREIGN DATA WRAPPER dw;
CREATE FOREIGN TABLE ft (a int, b text) SERVER srv;
CREATE TRIGGER ftr BEFORE UPDATE ON ft FOR EACH ROW EXECUTE FUNCTION f();`;
const FROM_CATALOG = (d: { code?: string }[]) => expect(d.map((x) => x.code)).toContain('sql/from-catalog');

const CASES: ExportCase[] = [
  {
    name: 'columns renamed after a trigger (UPDATE OF), a policy, statistics and a statistics target name them',
    script: `${TRIGGER_FN}
CREATE TABLE t (id int, owner_id int, a int, b int);
ALTER TABLE t ENABLE ROW LEVEL SECURITY;
CREATE POLICY own ON t AS RESTRICTIVE FOR UPDATE USING (owner_id = 1) WITH CHECK (a > 0);
CREATE TRIGGER tr BEFORE UPDATE OF b ON t FOR EACH ROW WHEN (NEW.a > 0) EXECUTE FUNCTION f();
ALTER TABLE t DISABLE TRIGGER tr;
CREATE STATISTICS st ON a, b FROM t;
ALTER STATISTICS st SET STATISTICS 50;
ALTER TABLE t ALTER COLUMN b SET STATISTICS 500;
ALTER TABLE t RENAME COLUMN owner_id TO user_id;
ALTER TABLE t RENAME COLUMN b TO c;`,
    holds: (want) => {
      expect(want.policies['public.t.own']).toMatch(/RESTRICTIVE UPDATE .*user_id/);
      expect(want.triggers['t.tr']).toMatch(/UPDATE OF c .* D$/);
      expect(want.statistics['public.st']).toMatch(/ON a, c FROM .*\(target 50\)/);
      expect(want.tables['public.t'].columns.find((c) => c.name === 'c')?.statistics).toBe(500);
    },
    diagnostics: FROM_CATALOG,
  },
  {
    name: 'tables a policy and a rule read, renamed or dropped with CASCADE; a qualified column of a renamed table',
    script: `CREATE TABLE members (org int, user_id int);
CREATE TABLE docs (id int, org int);
CREATE TABLE log (id int, at timestamptz);
CREATE TABLE posts (id int, owner_id int);
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
ALTER TABLE docs FORCE ROW LEVEL SECURITY;
CREATE POLICY p ON docs USING (org IN (SELECT org FROM members WHERE user_id = 1));
CREATE POLICY gone ON docs USING (org IN (SELECT id FROM log));
CREATE RULE r AS ON INSERT TO posts DO ALSO INSERT INTO members VALUES (NEW.id, NEW.owner_id);
ALTER TABLE posts ENABLE ROW LEVEL SECURITY;
CREATE POLICY own ON posts USING (posts.owner_id = current_setting('app.uid')::int);
ALTER TABLE members RENAME TO memberships;
ALTER TABLE posts RENAME TO articles;
DROP TABLE log CASCADE;`,
    holds: (want) => {
      expect(Object.keys(want.policies).sort()).toEqual(['public.articles.own', 'public.docs.p']);
      expect(want.policies['public.docs.p']).toMatch(/memberships/);
      expect(want.rules['public.articles.r']).toMatch(/memberships/);
      expect(want.tables['public.docs'].rowSecurity).toBe('forced');
    },
  },
  {
    name: 'objects dropped with what they belong to: a trigger on a CASCADE-dropped view and child table, a comment on a dropped table’s index',
    script: `${TRIGGER_FN}
CREATE TABLE p (id int);
CREATE TABLE c (x int) INHERITS (p);
CREATE TRIGGER tr BEFORE INSERT ON c FOR EACH ROW EXECUTE FUNCTION f();
CREATE TABLE t (id int, n int);
CREATE VIEW v AS SELECT * FROM t;
CREATE TRIGGER vtr INSTEAD OF INSERT ON v FOR EACH ROW EXECUTE FUNCTION f();
CREATE TABLE keep (id int, n int);
CREATE INDEX keep_n ON keep (n);
COMMENT ON INDEX keep_n IS 'kept';
CREATE INDEX t_n ON t (n);
COMMENT ON INDEX t_n IS 'gone';
DROP TABLE p CASCADE;
DROP TABLE t CASCADE;`,
    holds: (want) => {
      expect(want.triggers).toEqual({});
      expect(Object.values(want.comments)).toEqual(['kept']);
    },
  },
  {
    name: 'indexes renamed or moved after CLUSTER ON, REPLICA IDENTITY and comments name them; constraints renamed and dropped after comments',
    script: `CREATE TABLE t (id int NOT NULL, n int, CONSTRAINT pos CHECK (n > 0), CONSTRAINT neg CHECK (n < 100));
CREATE UNIQUE INDEX t_id_idx ON t (id);
CREATE INDEX t_n_idx ON t (n);
ALTER TABLE t REPLICA IDENTITY USING INDEX t_id_idx;
ALTER TABLE t CLUSTER ON t_n_idx;
COMMENT ON INDEX t_n_idx IS 'n';
COMMENT ON CONSTRAINT pos ON t IS 'positive';
COMMENT ON CONSTRAINT neg ON t IS 'dropped';
CREATE TABLE a (id int, n int);
CREATE MATERIALIZED VIEW m AS SELECT id, n FROM a;
CREATE UNIQUE INDEX m_id ON m (id);
COMMENT ON INDEX m_id IS 'mi';
ALTER MATERIALIZED VIEW m CLUSTER ON m_id;
ALTER INDEX t_id_idx RENAME TO t_id_key;
ALTER INDEX t_n_idx RENAME TO t_n_index;
ALTER TABLE t RENAME CONSTRAINT pos TO positive;
ALTER TABLE t DROP CONSTRAINT neg;
CREATE SCHEMA x;
ALTER MATERIALIZED VIEW m SET SCHEMA x;`,
    holds: (want) => {
      expect(want.tables['public.t'].replicaIdentity).toBe('index');
      expect(want.tables['public.t'].indexes.t_id_key).toMatch(/\(replica identity\)$/);
      expect(want.tables['public.t'].indexes.t_n_index).toMatch(/\(clustered\)$/);
      expect(Object.values(want.comments).sort()).toEqual(['mi', 'n', 'positive']);
    },
  },
  {
    name: 'a table renamed inside a DO block after a trigger, a rule and a comment on a domain name it',
    script: `${TRIGGER_FN}
CREATE TABLE t (id int);
CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();
CREATE TABLE audit (id int);
CREATE RULE r AS ON DELETE TO t DO ALSO INSERT INTO audit VALUES (OLD.id);
ALTER TABLE t DISABLE RULE r;
CREATE DOMAIN posint AS int CONSTRAINT pos CHECK (VALUE > 0);
COMMENT ON CONSTRAINT pos ON DOMAIN posint IS 'domain check';
DO $$ BEGIN
  ALTER TABLE t RENAME TO t2;
  ALTER TABLE audit RENAME TO audit_log;
END $$;`,
    holds: (want) => {
      expect(Object.keys(want.triggers)).toEqual(['t2.tr']);
      expect(want.rules['public.t2.r']).toMatch(/audit_log.*\(enabled: D\)$/s);
      expect(Object.values(want.comments)).toEqual(['domain check']);
    },
  },
  {
    name: 'columns named like SQL words (data, type, key, value), dropped without COLUMN or late in a long ALTER, a partition’s own trigger state',
    script: `${TRIGGER_FN}
CREATE TABLE t (id int, data int, type text, key int, value int, a int, c int);
CREATE TRIGGER tr BEFORE UPDATE OF data ON t FOR EACH ROW EXECUTE FUNCTION f();
ALTER TABLE t DISABLE TRIGGER tr, SET (fillfactor = 70);
ALTER TABLE t ENABLE ROW LEVEL SECURITY;
CREATE POLICY p ON t USING (type = 'x');
CREATE STATISTICS st ON key, value FROM t;
CREATE STATISTICS st2 ON a, c FROM t;
CREATE TABLE p (id int, a int) PARTITION BY RANGE (id);
CREATE TABLE p1 PARTITION OF p FOR VALUES FROM (0) TO (10);
CREATE TRIGGER ptr BEFORE UPDATE OF a ON p FOR EACH ROW EXECUTE FUNCTION f();
ALTER TABLE p1 DISABLE TRIGGER ptr;
ALTER TABLE t RENAME COLUMN data TO payload;
ALTER TABLE t RENAME COLUMN type TO kind;
ALTER TABLE t RENAME key TO k;
ALTER TABLE t ADD COLUMN some_really_long_column_name_number_one integer DEFAULT 1, ADD COLUMN some_really_long_column_name_number_two integer DEFAULT 2,
  ADD COLUMN some_really_long_column_name_number_three integer DEFAULT 3, ADD COLUMN some_really_long_column_name_number_four integer DEFAULT 4,
  ADD COLUMN some_really_long_column_name_number_five integer DEFAULT 5, DROP c;
ALTER TABLE p RENAME COLUMN a TO b;`,
    holds: (want) => {
      expect(want.triggers['t.tr']).toMatch(/UPDATE OF payload .* D$/);
      expect(want.triggers['p1.ptr']).toMatch(/ D$/);
      expect(want.policies['public.t.p']).toMatch(/kind/);
      expect(Object.keys(want.statistics)).toEqual(['public.st']);
    },
  },
  {
    name: 'code that runs DDL (a SELECT of the script’s function, a DO block making a policy); sequences gone with their column, or owned in a longer ALTER',
    script: `${TRIGGER_FN}
CREATE TABLE t (id int, a int, s int);
CREATE TRIGGER tr BEFORE UPDATE OF a ON t FOR EACH ROW EXECUTE FUNCTION f();
CREATE FUNCTION migrate() RETURNS void LANGUAGE plpgsql AS $$ BEGIN ALTER TABLE t RENAME COLUMN a TO b; END $$;
SELECT 'migrating';
SELECT migrate();
CREATE TABLE u (id int, a int);
DO $$ BEGIN EXECUTE 'ALTER TABLE u ENABLE ROW LEVEL SECURITY'; EXECUTE 'CREATE POLICY p ON u USING (a > 0)'; END $$;
CREATE SEQUENCE gone OWNED BY t.s;
COMMENT ON SEQUENCE gone IS 'owned seq';
ALTER TABLE t DROP COLUMN s;
CREATE SEQUENCE inc;
ALTER SEQUENCE inc INCREMENT BY 2 OWNED BY u.a;
ALTER TABLE u RENAME COLUMN a TO z;`,
    holds: (want) => {
      expect(want.triggers['t.tr']).toMatch(/UPDATE OF b /);
      expect(Object.keys(want.policies)).toEqual(['public.u.p']);
      expect(Object.keys(want.sequences)).toEqual(['public.inc']);
      expect(want.sequences['public.inc']).toMatch(/inc 2 .*owned by u\.z/);
    },
  },
  {
    name: 'a foreign table’s disabled trigger and a trigger that depends on an extension, before a rename',
    script: `${FOREIGN_TABLE_TRIGGER}
ALTER FOREIGN TABLE ft DISABLE TRIGGER ftr;
CREATE TABLE t (id int, a int);
CREATE TRIGGER tr BEFORE UPDATE OF a ON t FOR EACH ROW EXECUTE FUNCTION f();
ALTER TRIGGER tr ON t DEPENDS ON EXTENSION hstore;
ALTER TABLE t RENAME COLUMN a TO b;`,
    holds: (want) => {
      expect(want.triggers['ft.ftr']).toMatch(/ D$/);
      expect(want.triggers['t.tr']).toMatch(/UPDATE OF b .*\(depends on extension hstore\)$/);
    },
    diagnostics: FROM_CATALOG,
  },
  {
    name: 'an ALTER TABLE mixing CLUSTER ON with storage parameters before its index is renamed',
    script: `CREATE TABLE t (id int, a int);
CREATE INDEX idx ON t (a);
ALTER TABLE t CLUSTER ON idx, SET (fillfactor = 70);
ALTER INDEX idx RENAME TO idx2;`,
    holds: (want) => {
      expect(want.tables['public.t'].indexes.idx2).toMatch(/\(clustered\)$/);
      expect(want.tables['public.t'].options).toContain('fillfactor=70');
    },
    diagnostics: FROM_CATALOG,
  },
  {
    name: 'triggers and rules enabled ALWAYS or REPLICA, kept as written',
    script: `${TRIGGER_FN}
CREATE TABLE t (id int, a int);
CREATE TRIGGER tr BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION f();
CREATE TRIGGER tr2 BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION f();
CREATE RULE r AS ON DELETE TO t DO ALSO NOTIFY t;
ALTER TABLE t ENABLE ALWAYS TRIGGER tr;
ALTER TABLE t ENABLE REPLICA TRIGGER tr2, ENABLE REPLICA RULE r;`,
    holds: (want) => {
      expect(want.triggers['t.tr']).toMatch(/ A$/);
      expect(want.triggers['t.tr2']).toMatch(/ R$/);
      expect(want.rules['public.t.r']).toMatch(/\(enabled: R\)$/);
    },
  },
  {
    name: 'the same foreign table trigger state and extension dependency, kept as written',
    script: `${FOREIGN_TABLE_TRIGGER}
ALTER FOREIGN TABLE ft ADD COLUMN c int, ALTER COLUMN a SET STATISTICS 100;
CREATE VIEW v AS SELECT a, c FROM ft;
ALTER FOREIGN TABLE ft DISABLE TRIGGER ftr, ENABLE TRIGGER ALL;
ALTER FOREIGN TABLE ft DISABLE TRIGGER ftr;
CREATE TABLE t (id int, a int);
CREATE TRIGGER tr BEFORE UPDATE OF a ON t FOR EACH ROW EXECUTE FUNCTION f();
ALTER TRIGGER tr ON t DEPENDS ON EXTENSION hstore;`,
    holds: (want) => {
      expect(want.triggers['ft.ftr']).toMatch(/ D$/);
      expect(want.triggers['t.tr']).toMatch(/\(depends on extension hstore\)$/);
    },
    diagnostics: (d) => expect(d.map((x) => x.code)).not.toContain('sql/from-catalog'),
  },
];

describe('statements made stale by later renames and drops', () => {
  for (const c of CASES) it(c.name, () => expectExportRebuilds(c), 60_000);

  it('are kept as written when the later statements do not touch what they name', async () => {
    const script = `CREATE EXTENSION citext;
COMMENT ON EXTENSION citext IS 'my own comment';
CREATE TABLE products (id int, active boolean);
ALTER TABLE products ENABLE ROW LEVEL SECURITY;
create policy "Allow public read-only access." on products for select using (active);
CREATE PUBLICATION realtime;
drop publication if exists realtime;
CREATE TABLE other (id int);
ALTER TABLE other RENAME TO other2;`;
    const r = await importPostgres([{ path: 'supabase.sql', text: script }]);
    expect(r.diagnostics.map((d) => d.code)).not.toContain('sql/from-catalog');
    const ddl = renderDdl(buildDdl(r.document, postgresDialect));
    expect(ddl).toContain('create policy "Allow public read-only access." on products for select using (active)');
    expect(ddl).toContain("COMMENT ON EXTENSION citext IS 'my own comment'");
  }, 60_000);
});

describe('late-objects helpers', () => {
  it('writes COMMENT ON for pg_identify_object identities, a domain constraint with ON DOMAIN', () => {
    expect(commentOn('table column', '"App S"."T x"."Col"', "it's")).toBe(`COMMENT ON COLUMN "App S"."T x"."Col" IS 'it''s'`);
    expect(commentOn('domain constraint', '"a on b" on public.d', 'x')).toBe(`COMMENT ON CONSTRAINT "a on b" ON DOMAIN public.d IS 'x'`);
    expect(commentOn('table constraint', 'c1 on public.t', 'y')).toBe(`COMMENT ON CONSTRAINT c1 on public.t IS 'y'`);
    expect(commentOn('statistics object', 'public.st', 's')).toBe(`COMMENT ON STATISTICS public.st IS 's'`);
    expect(commentOn('foreign-data wrapper', 'w', 'f')).toBe(`COMMENT ON FOREIGN DATA WRAPPER w IS 'f'`);
  });

  it('tells which kept statements the catalog gives, and when a later statement made them stale', () => {
    expect(writtenFromCatalog('trigger', 'CREATE EVENT TRIGGER e ON ddl_command_start EXECUTE FUNCTION f()')).toBe(false);
    expect(writtenFromCatalog('alter', 'ALTER TABLE t ENABLE ROW LEVEL SECURITY')).toBe(true);
    expect(writtenFromCatalog('alter', 'ALTER TABLE t SET (fillfactor = 70), CLUSTER ON i')).toBe(false);
    expect(writtenFromCatalog('alter', 'ALTER TABLE ONLY s.t ENABLE ALWAYS TRIGGER a, DISABLE RULE r, ALTER data SET STATISTICS 5')).toBe(true);
    expect(writtenFromCatalog('alter', 'ALTER TABLE t ADD COLUMN enable_trigger int, CLUSTER ON i')).toBe(false);
    expect(withoutCatalogActions('ALTER TABLE t CLUSTER ON i, SET (fillfactor = 70), DISABLE TRIGGER x')).toBe('ALTER TABLE t SET (fillfactor = 70)');
    expect(withoutCatalogActions('ALTER TABLE t\n  SET (fillfactor = 70),\n  CLUSTER ON i -- order rows, for range scans\n')).toBe('ALTER TABLE t SET (fillfactor = 70)');
    expect(withoutCatalogActions("ALTER TABLE u CLUSTER ON ui, ALTER COLUMN note SET DEFAULT $$a,b$$, ALTER note SET STATISTICS 5, ALTER x SET DEFAULT E'\\',' /* , */")).toBe(
      "ALTER TABLE u ALTER COLUMN note SET DEFAULT $$a,b$$, ALTER x SET DEFAULT E'\\','",
    );
    expect(withoutCatalogActions('ALTER TABLE t CLUSTER ON i')).toBeUndefined();
    expect(withoutCatalogActions('ALTER TABLE t SET (fillfactor = 70)')).toBeUndefined();
    expect(writtenFromCatalog('comment', "SECURITY LABEL ON TABLE t IS 'x'")).toBe(false);
    expect(writtenFromCatalog('comment', "COMMENT ON EXTENSION citext IS 'x'")).toBe(false);
    const late = new LateObjects();
    late.note(3, 'ALTER TABLE café RENAME TO bar');
    expect(late.stale([{ index: 2, kind: 'trigger', text: 'CREATE TRIGGER tr BEFORE INSERT ON café FOR EACH ROW EXECUTE FUNCTION f()' }])).toBe(true);
    expect(late.stale([{ index: 2, kind: 'trigger', text: 'CREATE TRIGGER tr BEFORE INSERT ON other FOR EACH ROW EXECUTE FUNCTION f()' }])).toBe(false);
    expect(late.stale([{ index: 4, kind: 'trigger', text: 'CREATE TRIGGER tr BEFORE INSERT ON bar FOR EACH ROW EXECUTE FUNCTION f()' }])).toBe(false);
  });

  it('does not count what a statement cannot have changed: a drop of what the script never made, a schema qualifier, argument types, the new name of a rename', () => {
    const late = new LateObjects();
    const policy = { index: 3, kind: 'policy', text: 'CREATE POLICY p ON v2.docs USING (client = 1)' };
    late.note(3, policy.text);
    late.note(4, 'DROP DOMAIN IF EXISTS public.color CASCADE');
    late.note(5, 'drop aggregate if exists v2.special_agg(v2.docs)');
    late.note(6, 'ALTER TABLE v2.projects RENAME CONSTRAINT projects_client_fkey TO client');
    expect(late.stale([policy])).toBe(false);
    late.note(7, 'DROP TABLE IF EXISTS v2.docs CASCADE');
    expect(late.stale([policy])).toBe(true);
    const moved = new LateObjects();
    moved.note(1, 'CREATE MATERIALIZED VIEW m AS SELECT 1 AS id');
    moved.note(3, "COMMENT ON INDEX m_id IS 'mi'");
    moved.note(4, 'ALTER MATERIALIZED VIEW m SET SCHEMA x');
    expect(moved.stale([{ index: 3, kind: 'comment', text: "COMMENT ON INDEX m_id IS 'mi'" }])).toBe(true);
    const other = new LateObjects();
    other.note(1, 'CREATE TABLE color (id int)');
    other.note(3, policy.text);
    other.note(4, 'DROP TABLE IF EXISTS color CASCADE');
    expect(other.stale([policy])).toBe(true);
  });
});

describe('lateActionsOnly', () => {
  it('keeps the actions the document does not model, and drops the ones it does', () => {
    expect(lateActionsOnly('ALTER TABLE ONLY public.t ADD COLUMN b int, ENABLE ROW LEVEL SECURITY')).toBe('ALTER TABLE ONLY public.t ENABLE ROW LEVEL SECURITY');
    expect(lateActionsOnly(`ALTER TABLE t ADD CONSTRAINT c CHECK (b IN (1, 2)), ALTER COLUMN "b,c" SET STATISTICS 10, SET (fillfactor = 70) /* , x */`)).toBe(
      'ALTER TABLE t ALTER COLUMN "b,c" SET STATISTICS 10, SET (fillfactor = 70)',
    );
  });

  it('leaves an ALTER of late actions only as written, and keeps nothing of one with none', () => {
    const text = 'ALTER TABLE t  CLUSTER ON i, -- why\n REPLICA IDENTITY FULL';
    expect(lateActionsOnly(text)).toBe(text);
    expect(lateActionsOnly("ALTER TABLE t ADD COLUMN note text DEFAULT 'cluster on'")).toBeUndefined();
    expect(lateActionsOnly('ALTER MATERIALIZED VIEW m RENAME TO m2')).toBe('ALTER MATERIALIZED VIEW m RENAME TO m2');
    // Only what the document holds goes: RESET, SET WITHOUT CLUSTER and the like stay.
    expect(lateActionsOnly('ALTER TABLE t RESET (fillfactor), ALTER COLUMN a RESET (n_distinct), SET WITHOUT CLUSTER, ALTER a DROP DEFAULT, OWNER TO x')).toBe(
      'ALTER TABLE t RESET (fillfactor), ALTER COLUMN a RESET (n_distinct), SET WITHOUT CLUSTER',
    );
  });
});
