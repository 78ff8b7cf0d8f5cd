import { describe, expect, it } from 'vitest';
import { bootCachedPg } from './snapshot-node';
import { environmentExtensions, environmentFor, installEnvironment, SUPABASE } from './environments';

describe('platform environments', () => {
  it('tells a Supabase schema by what it uses of Supabase without making it', () => {
    expect(environmentFor('create table p (id uuid references auth.users not null primary key);')).toBe(SUPABASE);
    expect(environmentFor(`CREATE POLICY p ON "public"."t" FOR SELECT TO "authenticated" USING (true);`)).toBe(SUPABASE);
    expect(environmentFor(`create policy p on t using ("auth"."uid"() = id);`)).toBe(SUPABASE);
    expect(environmentFor(`create policy p on storage.objects for select using (bucket_id = 'avatars');`)).toBe(SUPABASE);
    expect(environmentFor('GRANT ALL ON TABLE t TO anon, service_role;')).toBe(SUPABASE);
    // A whole database's dump makes auth itself; other scripts name no such objects.
    expect(environmentFor('CREATE SCHEMA auth;\nCREATE TABLE auth.users (id uuid PRIMARY KEY);')).toBeUndefined();
    expect(environmentFor('CREATE TABLE users (id int, auth_users int, role text); SELECT authenticated FROM x;')).toBeUndefined();
    // Other schemas, quoted names in another case, a column named auth, words in strings and comments.
    for (const other of [
      'CREATE TABLE basic_auth.users (email text PRIMARY KEY)',
      'SELECT * FROM oauth.sessions, my_storage.objects',
      'CREATE TABLE "Auth"."Users" (id int)',
      'CREATE VIEW v AS SELECT auth.email FROM public.auth',
      "COMMENT ON TABLE sessions IS 'Maps tokens to authenticated users'",
      'CREATE TABLE t (id int) -- granted to authenticated later',
    ]) {
      expect(environmentFor(other), other).toBeUndefined();
    }
    expect(environmentFor('CREATE TABLE p (id uuid REFERENCES AUTH.USERS)')).toBe(SUPABASE);
    expect(environmentFor('CREATE SCHEMA "Auth";\nCREATE TABLE p (id uuid REFERENCES auth.users)')).toBe(SUPABASE);
  });

  it('tells it from statements too: a use in any, unless one makes the platform’s schemas', () => {
    expect(environmentFor(['CREATE EXTENSION pgcrypto WITH SCHEMA extensions', 'CREATE POLICY p ON t TO authenticated USING (true)'])).toBe(SUPABASE);
    expect(environmentFor(['CREATE TABLE auth.users (id uuid PRIMARY KEY)', 'CREATE SCHEMA auth'])).toBeUndefined();
    expect(environmentFor(['CREATE SCHEMA auth_logs', 'CREATE TABLE auth.users (id uuid PRIMARY KEY)'])).toBe(SUPABASE);
  });

  it('takes Supabase’s extensions schema and realtime publication as signs when the script does not make them', () => {
    const todos = 'create table public.todos (id uuid primary key default extensions.uuid_generate_v4(), title text)';
    expect(environmentFor([todos])?.name).toBe('supabase');
    expect(environmentFor(['create extension if not exists "uuid-ossp" with schema "extensions"'])?.name).toBe('supabase');
    expect(environmentFor(['alter publication supabase_realtime add table public.todos'])?.name).toBe('supabase');
    expect(environmentFor(['create schema extensions', todos])).toBeUndefined();
    expect(environmentFor(['create publication supabase_realtime', 'alter publication supabase_realtime add table t'])).toBeUndefined();
    expect(environmentFor(["comment on table t is 'uses extensions.uuid_generate_v4()'"])).toBeUndefined();
  });

  it('names the platform’s extensions a script calls and does not make', () => {
    expect(environmentExtensions(SUPABASE, ['CREATE TABLE t (id uuid DEFAULT extensions."uuid_generate_v4"())', "SELECT crypt('x', gen_salt('bf'))"])).toEqual(['uuid-ossp', 'pgcrypto']);
    expect(environmentExtensions(SUPABASE, ['CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA extensions', 'CREATE TABLE t (id uuid DEFAULT uuid_generate_v4())'])).toEqual([]);
    // Names in strings and comments, and longer names, call nothing.
    expect(environmentExtensions(SUPABASE, ["COMMENT ON TABLE t IS 'uses uuid_generate_v4()' -- digest(x)", 'SELECT my_digest(1), gen_random_uuid()'])).toEqual([]);
  });

  it('makes the platform objects and roles as an extension’s, so a catalog read skips them', async () => {
    const pg = await bootCachedPg();
    try {
      await installEnvironment(pg, SUPABASE);
      const members = await pg.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_depend d JOIN pg_extension x ON x.oid = d.refobjid WHERE d.refclassid = 'pg_extension'::regclass AND x.extname = 'schemata_env_supabase' AND d.deptype = 'e'`,
      );
      expect(members[0].n).toBeGreaterThan(10);
      await pg.exec(`SET request.jwt.claims = '{"sub": "7c4a3a5e-0000-4000-8000-000000000001", "role": "authenticated"}'`);
      const [row] = await pg.query<{ uid: string; role: string; folder: string[] }>(`SELECT auth.uid()::text AS uid, auth.role() AS role, storage.foldername('a/b/c.png') AS folder`);
      expect(row).toEqual({ uid: '7c4a3a5e-0000-4000-8000-000000000001', role: 'authenticated', folder: ['a', 'b'] });
      const roles = await pg.query<{ rolname: string }>(`SELECT rolname FROM pg_roles WHERE rolname IN ('anon', 'authenticated', 'service_role') ORDER BY 1`);
      expect(roles.map((r) => r.rolname)).toEqual(['anon', 'authenticated', 'service_role']);
    } finally {
      await pg.close();
    }
  });
});
