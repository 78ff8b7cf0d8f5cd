/**
 * A Supabase schema (as `supabase db dump` writes it) uses auth.users, auth.uid(), storage.objects,
 * the extensions schema and the platform's roles without making them: the import runs it where
 * those exist (pglite/environments), keeps none of them in the document, and the export rebuilds
 * the same catalog where they exist.
 */
import { describe, expect, it } from 'vitest';
import { buildDdl, renderDdl, type PostgresSqlSources } from '../ddl/builder';
import { postgresDialect } from '../ddl/postgres';
import { expectExportRebuilds } from '../testing/export-case';
import { importPostgres } from './postgres';
import { bootCachedPg } from '../../pglite/snapshot-node';
import { prepareDatabase } from '../../pglite/environments';

const SCRIPT = `CREATE EXTENSION IF NOT EXISTS "pgcrypto" WITH SCHEMA "extensions";
CREATE TABLE IF NOT EXISTS "public"."profiles" (
    "id" "uuid" NOT NULL,
    "username" "text",
    "avatar_id" "uuid",
    "created_at" timestamp with time zone DEFAULT "now"() NOT NULL,
    "token" "text" DEFAULT "encode"("extensions"."gen_random_bytes"(16), 'hex')
);
ALTER TABLE "public"."profiles" OWNER TO "postgres";
ALTER TABLE ONLY "public"."profiles" ADD CONSTRAINT "profiles_pkey" PRIMARY KEY ("id");
ALTER TABLE ONLY "public"."profiles" ADD CONSTRAINT "profiles_id_fkey" FOREIGN KEY ("id") REFERENCES "auth"."users"("id") ON DELETE CASCADE;
ALTER TABLE ONLY "public"."profiles" ADD CONSTRAINT "profiles_avatar_id_fkey" FOREIGN KEY ("avatar_id") REFERENCES "storage"."objects"("id");
CREATE OR REPLACE FUNCTION "public"."handle_new_user"() RETURNS "trigger" LANGUAGE "plpgsql" SECURITY DEFINER SET "search_path" TO ''
    AS $$ begin insert into public.profiles (id, username) values (new.id, new.raw_user_meta_data->>'user_name'); return new; end; $$;
CREATE OR REPLACE TRIGGER "on_auth_user_created" AFTER INSERT ON "auth"."users" FOR EACH ROW EXECUTE FUNCTION "public"."handle_new_user"();
ALTER TABLE "public"."profiles" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "Users update their own profile" ON "public"."profiles" FOR UPDATE TO "authenticated" USING ((( SELECT "auth"."uid"() AS "uid") = "id"));
CREATE POLICY "Anyone reads profiles" ON "public"."profiles" FOR SELECT TO "anon", "authenticated" USING (true);
CREATE POLICY "Avatar uploads" ON "storage"."objects" FOR INSERT TO "authenticated" WITH CHECK ((("bucket_id" = 'avatars'::"text") AND (("storage"."foldername"("name"))[1] = ("auth"."uid"())::"text")));
GRANT ALL ON TABLE "public"."profiles" TO "anon";
GRANT ALL ON TABLE "public"."profiles" TO "service_role";`;

describe('a schema written for Supabase', () => {
  it('imports with what Supabase provides made for the run and left out of the document', async () => {
    const r = await importPostgres([{ path: 'supabase.sql', text: SCRIPT }]);
    const warnings = r.diagnostics.filter((d) => d.severity !== 'info' && !/roles, privileges/.test(d.message));
    expect(warnings).toEqual([]);
    expect(r.diagnostics.map((d) => d.code)).toContain('sql/environment');
    expect(Object.values(r.document.tables).map((t) => t.name)).toEqual(['profiles']);
    expect(Object.values(r.document.namespaces).map((n) => n.name)).toEqual(['public']);
    expect((r.document.sources.sql as PostgresSqlSources).environment).toBe('supabase');
    const ddl = buildDdl(r.document, postgresDialect);
    expect(ddl.diagnostics.map((d) => d.code)).toContain('sql/environment');
    const text = renderDdl(ddl);
    expect(text).not.toMatch(/CREATE (TABLE|SCHEMA)[^;]*"?(auth|storage)"?\./i);
    expect(text).not.toMatch(/schemata_env/);
    expect(text).toContain('TO "authenticated"');
  });

  it('exports what rebuilds its catalog where Supabase’s objects are', () =>
    expectExportRebuilds({
      name: 'supabase',
      script: SCRIPT,
      holds: (want) => {
        expect(Object.keys(want.policies).sort()).toEqual(['public.profiles.Anyone reads profiles', 'public.profiles.Users update their own profile', 'storage.objects.Avatar uploads']);
        expect(want.policies['public.profiles.Anyone reads profiles']).toMatch(/anon/);
        expect(Object.keys(want.triggers)).toEqual(['users.on_auth_user_created']);
        expect(want.tables['public.profiles'].constraints.profiles_id_fkey).toMatch(/REFERENCES auth\.users\(id\) ON DELETE CASCADE/);
      },
    }), 60_000);

  it('keeps its triggers and policies on Supabase’s tables when they are written from the catalog', () =>
    expectExportRebuilds({
      name: 'supabase, catalog',
      script: `${SCRIPT}\nDO $$ BEGIN EXECUTE 'ALTER TABLE public.profiles RENAME COLUMN username TO handle'; END $$;`,
      holds: (want) => {
        expect(Object.keys(want.policies)).toContain('storage.objects.Avatar uploads');
        expect(Object.keys(want.triggers)).toEqual(['users.on_auth_user_created']);
      },
      diagnostics: (d) => expect(d.map((x) => x.code)).toContain('sql/from-catalog'),
    }), 60_000);

  it('makes the roles a policy or owner names for the run, and the export expects the ones kept SQL names', async () => {
    const script = `CREATE ROLE app_user;
CREATE ROLE app_owner;
CREATE TABLE t (id int, tenant int);
ALTER TABLE t OWNER TO app_owner;
ALTER TABLE t ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON t TO app_user, "Reporting Role" USING (tenant = 1);`;
    await expectExportRebuilds({
      name: 'roles',
      script: `CREATE ROLE "Reporting Role";\n${script}`,
      holds: (want) => expect(want.policies["public.t.tenant_rows"]).toMatch(/ALL Reporting Role,app_user /),
    });
    // SET ROLE to a role made for the run is not run: the rest of the script could not make its objects as it.
    const r = await importPostgres([{ path: 'roles.sql', text: `${script}\nSET ROLE app_user;\nCREATE TABLE after_set_role (id int);` }]);
    expect(r.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.line}: ${d.message.slice(0, 40)}`)).toEqual([
      '1: roles, privileges and databases are not ',
      '2: roles, privileges and databases are not ',
    ]);
    expect(r.diagnostics.find((d) => d.line === 7)?.message).toBe('session role, not imported: SET ROLE app_user');
    expect((r.document.sources.sql as PostgresSqlSources).roles).toEqual(['app_user', 'Reporting Role']);
    expect(Object.values(r.document.tables).map((t) => t.name)).toEqual(['t', 'after_set_role']);
    expect(buildDdl(r.document, postgresDialect).diagnostics.map((d) => d.message)).toContain('postgres: expects the roles app_user, Reporting Role (roles belong to the server, not the schema: not created here)');
  }, 60_000);

  it('lists a role the script’s own code made, and never switches to a role through set_config', async () => {
    await expectExportRebuilds({
      name: 'role made in a DO block',
      script: `DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'app_user') THEN CREATE ROLE app_user NOLOGIN; END IF; END $$;
CREATE TABLE t (id int PRIMARY KEY, owner text);
ALTER TABLE t ENABLE ROW LEVEL SECURITY;
CREATE POLICY p1 ON t TO app_user USING (owner = current_user);`,
      holds: (want) => expect(want.policies['public.t.p1']).toMatch(/app_user/),
      diagnostics: (d) => expect(d.map((x) => x.code)).toContain('sql/roles'),
    });
    const r = await importPostgres([{ path: 'r.sql', text: `SELECT set_config('role', 'migrator', false);\nCREATE TABLE t (id int PRIMARY KEY);` }]);
    expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(Object.values(r.document.tables).map((t) => t.name)).toEqual(['t']);
  }, 60_000);
});

describe('a Supabase migration that calls the extensions Supabase has installed', () => {
  // Supabase has uuid-ossp and pgcrypto in its extensions schema, on its search_path: migrations call them unqualified.
  const script = `create table public.notes (
  id uuid primary key default uuid_generate_v4(),
  owner uuid not null references auth.users (id),
  slug text not null default encode(extensions.gen_random_bytes(6), 'hex'),
  body text
);
create function public.hash_secret(secret text) returns text language sql as $$ select crypt(secret, gen_salt('bf')) $$;
alter table public.notes enable row level security;
create policy "own notes" on public.notes using (auth.uid() = owner);
alter publication supabase_realtime add table public.notes;`;

  it('imports them all, with the extensions made for the run and not in the document', async () => {
    const r = await importPostgres([{ path: 'migration.sql', text: script }]);
    expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(r.diagnostics.find((d) => d.code === 'sql/environment')?.message).toMatch(/extensions uuid-ossp, pgcrypto/);
    const notes = Object.values(r.document.tables).find((t) => t.name === 'notes')!;
    expect(notes.columns.map((c) => c.name)).toEqual(['id', 'owner', 'slug', 'body']);
    const sources = r.document.sources.sql as PostgresSqlSources;
    expect(sources.environmentExtensions).toEqual(['uuid-ossp', 'pgcrypto']);
    expect(sources.environmentPublications).toEqual(['supabase_realtime']);
    const ddl = buildDdl(r.document, postgresDialect);
    const text = renderDdl(ddl);
    expect(text).not.toMatch(/CREATE (EXTENSION|PUBLICATION)/i);
    expect(text).toContain('extensions.uuid_generate_v4()');
    // Where Supabase is (as prepareDatabase makes it), the export adds the table to its realtime publication.
    const target = await bootCachedPg({ extensions: sources.environmentExtensions });
    try {
      await prepareDatabase(target, sources);
      for (const s of ddl.statements) await target.exec(s.sql);
      expect(await target.query(`SELECT pubname, tablename FROM pg_publication_tables`)).toEqual([{ pubname: 'supabase_realtime', tablename: 'notes' }]);
    } finally {
      await target.close();
    }
  }, 60_000);

  it('tells Supabase from its extensions schema and realtime publication alone', async () => {
    const text = `create table public.todos (id uuid primary key default extensions.uuid_generate_v4(), title text);
alter publication supabase_realtime add table public.todos;`;
    const r = await importPostgres([{ path: 'todos.sql', text }]);
    expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(Object.values(r.document.tables).map((t) => t.name)).toEqual(['todos']);
    expect(r.document.sources.sql).toMatchObject({ environment: 'supabase', environmentExtensions: ['uuid-ossp'], environmentPublications: ['supabase_realtime'] });
  }, 60_000);

  it('sets Supabase’s search_path, not the default, around SQL kept under the script’s own', () =>
    expectExportRebuilds({
      name: 'supabase search_path',
      script: `create table public.secrets (id int primary key, owner uuid references auth.users (id), h text);
alter table public.secrets enable row level security;
create policy p on public.secrets using (h = encode(digest(owner::text, 'sha256'), 'hex'));
set search_path = public;
create function f() returns int language sql as $$ select 1 $$;`,
      holds: (want) => expect(Object.keys(want.policies)).toEqual(['public.secrets.p']),
    }), 60_000);

  it('does not make the publication when the script makes it', async () => {
    const r = await importPostgres([{ path: 'old.sql', text: `drop publication if exists supabase_realtime;\ncreate publication supabase_realtime;\n${script}` }]);
    expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect((r.document.sources.sql as PostgresSqlSources).environmentPublications).toBeUndefined();
    expect(renderDdl(buildDdl(r.document, postgresDialect))).toMatch(/create publication supabase_realtime/i);
  }, 60_000);

  it('exports what rebuilds its catalog where Supabase and its extensions are', () =>
    expectExportRebuilds({
      name: 'supabase extensions',
      script,
      holds: (want) => {
        expect(want.tables['public.notes'].columns.map((c) => c.name)).toEqual(['id', 'owner', 'slug', 'body']);
        expect(Object.keys(want.functions ?? {}).join()).toMatch(/hash_secret/);
      },
    }), 60_000);
});

describe('a Supabase script that puts its own tables in Supabase’s schemas', () => {
  const script = `create table auth.user_flags (user_id uuid primary key references auth.users (id), flag text not null);
create table storage.object_tags (object_id uuid references storage.objects (id), tag text);
create table public.posts (id bigint generated always as identity primary key, author uuid references auth.users (id));
alter table auth.users add column nickname text, enable row level security;`;

  it('keeps them in those schemas, which the export creates only if missing', async () => {
    const r = await importPostgres([{ path: 's.sql', text: script }]);
    expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const names = (id: string | undefined) => Object.values(r.document.namespaces).find((n) => n.id === id)?.name;
    expect(Object.values(r.document.tables).map((t) => `${names(t.namespace)}.${t.name}`)).toEqual(['auth.user_flags', 'storage.object_tags', 'public.posts']);
    expect(renderDdl(buildDdl(r.document, postgresDialect))).toMatch(/CREATE SCHEMA IF NOT EXISTS "?auth"?/);
    await expectExportRebuilds({
      name: 'tables in auth and storage',
      script,
      holds: (want) => {
        expect(Object.keys(want.tables).sort()).toEqual(['auth.user_flags', 'public.posts', 'storage.object_tags']);
        // Supabase's own table, altered: kept whole, as the document does not hold it.
        expect(r.document.raw && Object.values(r.document.raw).map((x) => x.text)).toContain('alter table auth.users add column nickname text, enable row level security');
      },
    });
  }, 60_000);
});
