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
    // Two statements in one are not one set-up statement.
    expect(setupLength(['CREATE SCHEMA a; CREATE TABLE a.t (id int);'])).toBe(0);
    expect(setupLength(['CREATE SCHEMA a;'])).toBe(1);
  });

  it('splits a script where its set-up ends, the rest as written', () => {
    const script = `-- made by hand\nSET check_function_bodies = false;\nCREATE SCHEMA s; CREATE EXTENSION citext;\n\n-- the tables\nCREATE FUNCTION s.f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\nCREATE SCHEMA t;\n`;
    const { setup, rest } = splitSetup(script);
    expect(setup).toEqual(['SET check_function_bodies = false;', 'CREATE SCHEMA s;', 'CREATE EXTENSION citext;']);
    expect(rest).toBe('CREATE FUNCTION s.f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\nCREATE SCHEMA t;\n');
    expect(splitSetup('CREATE TABLE t (id int);')).toEqual({ setup: [], rest: 'CREATE TABLE t (id int);' });
    expect(splitSetup('CREATE SCHEMA s;')).toEqual({ setup: ['CREATE SCHEMA s;'], rest: '' });
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
