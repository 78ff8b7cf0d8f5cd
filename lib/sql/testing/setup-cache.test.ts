import { existsSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCatalogSnapshot } from '../../pglite/catalog';
import { bootAfter, keptPath, makesPostgis, setupLength, splitSetup } from './setup-cache';

describe("a script's leading set-up from a kept data directory (setup-cache.ts)", () => {
  it('takes schemas, types, extensions, their comments and session settings as set-up, and nothing after the first other statement', () => {
    const statements = [
      'SET check_function_bodies = false;',
      'CREATE SCHEMA IF NOT EXISTS "a;b";',
      `CREATE TYPE "a;b"."mood" AS ENUM ('ok', 'sad');`,
      'CREATE EXTENSION IF NOT EXISTS "citext" WITH SCHEMA "a;b";',
      "COMMENT ON EXTENSION citext IS 'x';",
      'CREATE TABLE t (id int);',
      'CREATE SCHEMA later;',
    ];
    expect(setupLength(statements)).toBe(5);
    expect(setupLength(['CREATE TEMP TABLE t (id int);', 'CREATE SCHEMA s;'])).toBe(0);
    expect(setupLength(['SET LOCAL search_path = x;', 'CREATE SCHEMA s;'])).toBe(0);
    expect(setupLength(['SET ROLE x;'])).toBe(0);
    for (const s of ['SET  LOCAL search_path = x;', 'SET\n  LOCAL search_path = x;', 'SET session_authorization = x;', 'SET SESSION AUTHORIZATION x;', 'SET CONSTRAINTS ALL DEFERRED;', 'SET TRANSACTION READ ONLY;', 'SET role = x;'])
      expect(setupLength([s]), s).toBe(0);
    expect(setupLength(['SET search_path TO x, public;', "SET client_encoding = 'UTF8';", 'set  statement_timeout=0;'])).toBe(3);
    // Two statements in one are not one set-up statement.
    expect(setupLength(['CREATE SCHEMA a; CREATE TABLE a.t (id int);'])).toBe(0);
    expect(setupLength(['CREATE SCHEMA a;'])).toBe(1);
  });

  it('splits a script that makes PostGIS where its set-up ends, the rest as written', () => {
    const script = `-- made by hand\nSET check_function_bodies = false;\nCREATE SCHEMA s; CREATE EXTENSION postgis;\n\n-- the tables\nCREATE FUNCTION s.f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\nCREATE SCHEMA t;\n`;
    const { setup, rest } = splitSetup(script);
    expect(setup).toEqual(['SET check_function_bodies = false;', 'CREATE SCHEMA s;', 'CREATE EXTENSION postgis;']);
    expect(rest).toBe('CREATE FUNCTION s.f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\nCREATE SCHEMA t;\n');
    expect(splitSetup('CREATE EXTENSION postgis;')).toEqual({ setup: ['CREATE EXTENSION postgis;'], rest: '' });
  });

  it('leaves any other script whole (one transaction, as it was written to run)', () => {
    const script = `CREATE TYPE m AS ENUM ('a');\nALTER TYPE m ADD VALUE 'b';\nCREATE TABLE t (c m DEFAULT 'b');\n`;
    expect(splitSetup(script)).toEqual({ setup: [], rest: script });
    expect(splitSetup('CREATE SCHEMA s;')).toEqual({ setup: [], rest: 'CREATE SCHEMA s;' });
  });

  it('keeps a data directory for set-up that makes PostGIS', () => {
    expect(makesPostgis(['CREATE SCHEMA gis;', 'CREATE EXTENSION IF NOT EXISTS "postgis" WITH SCHEMA "gis";'])).toBe(true);
    expect(makesPostgis(['create extension postgis_topology;'])).toBe(true);
    expect(makesPostgis(['CREATE EXTENSION citext;', "COMMENT ON EXTENSION postgis IS 'x';"])).toBe(false);
  });

  it('boots where the same set-up ran before: the same catalog, its session settings run again', async () => {
    const schema = 'kept';
    const setup = ['SET check_function_bodies = false;', `CREATE SCHEMA ${schema};`, `CREATE EXTENSION citext WITH SCHEMA ${schema};`, `COMMENT ON SCHEMA ${schema} IS 'kept';`];
    // None kept from an earlier run, so the first boot here makes it.
    rmSync(keptPath(setup, { extensions: ['citext'] }), { force: true });
    const first = await bootAfter(setup, { extensions: ['citext'], keep: true });
    const second = await bootAfter(setup, { extensions: ['citext'], keep: true });
    try {
      expect([first.reused, second.reused]).toEqual([false, true]);
      expect(second.failed).toEqual([]);
      expect(await readCatalogSnapshot(second.db)).toEqual(await readCatalogSnapshot(first.db));
      expect(await second.db.query('SHOW check_function_bodies')).toEqual([{ check_function_bodies: 'off' }]);
      // A working database: the extension's type is there.
      expect(await second.db.query(`SELECT 'A'::${schema}.citext OPERATOR(${schema}.=) 'a'::${schema}.citext AS same`)).toEqual([{ same: true }]);
    } finally {
      await first.db.close();
      await second.db.close();
      rmSync(keptPath(setup, { extensions: ['citext'] }), { force: true });
    }
  });

  it('lists a set-up statement that fails, and keeps nothing then', async () => {
    const setup = ['CREATE SCHEMA s;', 'CREATE EXTENSION no_such_extension;'];
    const first = await bootAfter(setup, { extensions: [], keep: true });
    const second = await bootAfter(setup, { extensions: [], keep: true });
    try {
      expect(first.failed).toEqual([expect.stringMatching(/no_such_extension.*: CREATE EXTENSION no_such_extension;$/)]);
      expect(second.reused).toBe(false);
      expect(existsSync(keptPath(setup, { extensions: [] }))).toBe(false);
    } finally {
      await first.db.close();
      await second.db.close();
    }
  });
});
