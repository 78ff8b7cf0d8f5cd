import { describe, expect, it } from 'vitest';
import { argumentCount, argumentTypes, inFinalSchema, searchPathFollowing, searchPathItems, searchPathSchema, sessionSearchPath } from './schema-fates';

const renamed: Record<string, string | undefined> = { s: 't', Odd: 'even', gone: undefined };
const follow = (s: string) => (s in renamed ? renamed[s] : s);

describe('schema fates of statements on functions, types and domains', () => {
  it('reads search_path values as PostgreSQL does', () => {
    expect(searchPathItems(`SET search_path = "$user", "Odd", S, public`)).toEqual(['$user', 'Odd', 's', 'public']);
    expect(searchPathItems(`SELECT pg_catalog.set_config('search_path', 'a, ''b''', false)`)).toEqual(['a', 'b']);
    expect(searchPathItems('RESET search_path')).toEqual([]);
    expect(searchPathItems('SET search_path TO DEFAULT')).toEqual([]);
    expect(searchPathItems('SET statement_timeout = 0')).toBeUndefined();
    expect(searchPathSchema(`SET search_path = "$user", app`, 'public')).toBe('app');
    expect(searchPathSchema('RESET ALL', 'app')).toBe('public');
    expect(searchPathSchema('SET work_mem = 1', 'app')).toBe('app');
  });

  it('writes a search_path set for a transaction only as the session\'s, and nothing else', () => {
    expect(sessionSearchPath(`SET LOCAL search_path = app, public`)).toBe(`SET search_path = app, public`);
    expect(sessionSearchPath(`set  local search_path to "A"`)).toBe(`set  search_path to "A"`);
    expect(sessionSearchPath(`SELECT pg_catalog.set_config('search_path', 'it''s, true', true)`)).toBe(`SELECT pg_catalog.set_config('search_path', 'it''s, true', false)`);
    expect(sessionSearchPath(`SELECT set_config('search_path', 'app', 'on')`)).toBe(`SELECT set_config('search_path', 'app', false)`);
    expect(sessionSearchPath(`SELECT pg_catalog.set_config('search_path', '', false)`)).toBeUndefined();
    expect(sessionSearchPath(`SET search_path = app`)).toBeUndefined();
    expect(sessionSearchPath(`SET SESSION search_path = app`)).toBeUndefined();
  });

  it('names renamed schemas of a search_path by their final names, and leaves others as written', () => {
    expect(searchPathFollowing(`SET search_path = "$user", "Odd", s, public`, follow)).toBe(`SET search_path = "$user", "even", "t", "public"`);
    expect(searchPathFollowing(`SET search_path = app, public`, follow)).toBe(`SET search_path = app, public`);
    // For a transaction only, as written; quoted names may hold commas.
    expect(searchPathFollowing(`SET LOCAL search_path TO s`, follow)).toBe(`SET LOCAL search_path TO "t"`);
    expect(searchPathFollowing(`SELECT set_config('search_path', 's, "it''s"', true)`, follow)).toBe(`SELECT set_config('search_path', '"t", "it''s"', true)`);
    expect(searchPathItems(`SET search_path = "a,b", s`)).toEqual(['a,b', 's']);
    expect(searchPathFollowing(`SET search_path = "a,b", s`, follow)).toBe(`SET search_path = "a,b", "t"`);
    // A schema dropped later stays (PostgreSQL allows a search_path naming one that is not there).
    expect(searchPathFollowing(`SET search_path = gone, public`, follow)).toBe(`SET search_path = gone, public`);
  });

  it('qualifies statements on objects by their schema final name, and drops them with their schema', () => {
    expect(inFinalSchema(`ALTER FUNCTION s.f(int) SET search_path = public`, 'public', follow)).toBe(`ALTER FUNCTION "t".f(int) SET search_path = public`);
    expect(inFinalSchema(`COMMENT ON DOMAIN "Odd".d IS 'x'`, 'public', follow)).toBe(`COMMENT ON DOMAIN "even".d IS 'x'`);
    expect(inFinalSchema(`ALTER TYPE app.pair SET SCHEMA s`, 'public', follow)).toBe(`ALTER TYPE app.pair SET SCHEMA "t"`);
    expect(inFinalSchema(`CREATE FUNCTION gone.f() RETURNS int LANGUAGE sql AS 'select 1'`, 'public', follow)).toBeNull();
    // Unqualified, an ALTER or COMMENT finds its object anywhere on the search_path: left as written.
    expect(inFinalSchema(`ALTER FUNCTION f() RESET ALL`, 'gone', follow)).toBe(`ALTER FUNCTION f() RESET ALL`);
    expect(inFinalSchema(`CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'select 1'`, 'gone', follow)).toBeNull();
    expect(inFinalSchema(`ALTER TABLE s.t ADD COLUMN x int`, 'public', follow)).toBe(`ALTER TABLE s.t ADD COLUMN x int`);
  });

  it('reads the argument types of a signature, whatever names and aliases it is written with', () => {
    expect(argumentTypes(`x integer, INOUT y character varying(10) DEFAULT 'a', OUT z int, VARIADIC w pg_catalog.float8[]`)).toBe('int4,character varying,float8[]');
    expect(argumentTypes(`int4, varchar, double precision`)).toBe('int4,character varying,double precision');
    expect(argumentTypes(`at timestamp with time zone, t timestamptz`)).toBe('timestamp with time zone,timestamp with time zone');
    expect(argumentTypes('')).toBe('');
  });

  it('counts the arguments that tell overloads apart', () => {
    expect(argumentCount(`CREATE FUNCTION f() RETURNS int`)).toBe(0);
    expect(argumentCount(`CREATE OR REPLACE FUNCTION s.f(a int DEFAULT f(1, 2), OUT b int, VARIADIC c int[]) RETURNS record`)).toBe(2);
    expect(argumentCount(`ALTER FUNCTION f(int, "odd, name") RENAME TO g`)).toBe(2);
    expect(argumentCount(`ALTER FUNCTION f RENAME TO g`)).toBeUndefined();
  });
});
