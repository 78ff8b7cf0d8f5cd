/**
 * Platform environments: what a hosted platform puts in every database before a user's schema runs
 * there. A Supabase schema references `auth.users`, calls `auth.uid()` in its policies and grants to
 * `authenticated`; none of that is in the script, so in a bare PGlite those tables, policies and
 * triggers fail. Installing the environment first lets them run.
 *
 * The environment's objects are made by an extension (`schemata_env_<name>`, written into PGlite's
 * extension directory), so every catalog read skips them as it skips any extension's objects: they
 * are never taken for the script's own. Its roles are created beside it (roles belong to no
 * database). Browser-safe: it uses PGlite's own virtual file system.
 */
import type { PgRunner } from './runner';
import { extensionsNamedIn } from './extensions';

export interface Environment {
  /** The name the document records (`supabase`). */
  name: string;
  /** The name shown to users. */
  title: string;
  /** What it provides, for messages. */
  provides: string;
  /**
   * Whether a statement uses the platform's objects. These four tests take a statement as
   * PostgreSQL reads its names (see `asNames`), made once per statement.
   */
  uses(statement: string): boolean;
  /**
   * Weaker signs (Supabase's extensions schema, its realtime publication): they count when no
   * statement makes what they name (`makesSuggested`).
   */
  suggests(statement: string): boolean;
  makesSuggested(statement: string): boolean;
  /** Whether a statement makes what the platform provides (a whole database's dump does: it needs no environment). */
  makes(statement: string): boolean;
  /** Roles the platform has. */
  roles: string[];
  /** SQL that makes the platform's objects (run as an extension script). */
  sql: string;
  /**
   * Extensions the platform has installed, in its `extensions` schema, and what calls them (in
   * asNames form). They are loaded only for a script that calls them without making them (PGlite
   * loads an extension when it boots, and loading one costs a boot in the browser).
   */
  extensions: { name: string; uses: RegExp }[];
  /** The platform's search_path (Supabase's reaches its extensions unqualified). */
  searchPath: string;
  /** The schemas it makes: their tables are the platform's, not in the document. */
  schemas: string[];
  /**
   * Publications the platform has (Supabase's `supabase_realtime`, which migrations add tables to).
   * Made for a script that alters one without making it (not in the extension: PGlite hangs on a
   * CREATE PUBLICATION in an extension script), so they are the only platform objects a catalog
   * read could see; publications are kept as the script's SQL, never read back.
   */
  publications: string[];
}

/** Prefix of the extensions environments are installed as (catalog reads leave them out of the document). */
export const ENVIRONMENT_EXTENSION_PREFIX = 'schemata_env_';
/** A LIKE pattern (in a SQL string) matching those extensions' names. */
export const ENVIRONMENT_EXTENSION_LIKE = `${ENVIRONMENT_EXTENSION_PREFIX.replace(/_/g, '\\_')}%`;

/**
 * A statement as PostgreSQL reads its names: plain words folded to lower case (quoted names kept as
 * written), string literals and comments blanked (a comment saying "authenticated users" uses nothing).
 * Dollar-quoted bodies are kept: a SQL function's body is checked when it is made.
 */
function asNames(statement: string): string {
  return statement.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\/\*[\s\S]*?\*\/|\$(\w*)\$[\s\S]*?\$\1\$|[^'"$\-/]+/g, (m) =>
    m[0] === "'" || m.startsWith('--') || m.startsWith('/*') ? ' ' : m[0] === '"' || m[0] === '$' ? m : m.toLowerCase(),
  );
}
/** A name, plain (not part of a longer or qualified one) or quoted. */
const name = (words: string) => String.raw`(?:(?<![\w$."])(?:${words})|(?<![\w$.])"(?:${words})")(?![\w$])`;
/** Supabase objects a user's schema refers to (in asNames form): its tables, and its functions called. */
const SUPABASE_USES = new RegExp(
  String.raw`${name('auth')}\s*\.\s*"?(?:(?:users|identities|sessions)"?(?![\w$])|(?:uid|role|email|jwt)"?\s*\()|${name('storage')}\s*\.\s*"?(?:(?:objects|buckets)"?(?![\w$])|(?:foldername|filename|extension)"?\s*\()|(?<![\w$])to\s+(?:[\w"]+\s*,\s*)*${name('anon|authenticated|service_role')}`,
);
/** Weaker signs: the extensions schema named (its functions called, extensions created in it), the realtime publication altered. */
const SUPABASE_SUGGESTS = new RegExp(
  String.raw`${name('extensions')}\s*\.\s*"?(?:uuid_\w+|gen_random_bytes|gen_salt|crypt|digest|hmac|pgp_\w+)"?\s*\(|(?<![\w$])with\s+schema\s+${name('extensions')}|(?<![\w$])alter\s+publication\s+${name('supabase_realtime')}`,
);
/** What a script makes when it names those as its own. */
const MAKES_SUGGESTED = new RegExp(String.raw`(?<![\w$])create\s+(?:schema\s+(?:if\s+not\s+exists\s+)?${name('extensions')}|publication\s+${name('supabase_realtime')})`);
/** A script that makes these schemas itself (a whole database's dump) needs no environment. */
const MAKES_SUPABASE_SCHEMAS = new RegExp(String.raw`(?<![\w$])create\s+schema\s+(?:if\s+not\s+exists\s+)?${name('auth|storage')}`);

/**
 * Supabase: the parts of its `auth` and `storage` schemas that users' schemas use (the tables with
 * their columns and keys, the helper functions), the `extensions` schema it installs extensions in,
 * and its roles. Function bodies read the request's JWT claims as Supabase's do.
 */
export const SUPABASE: Environment = {
  name: 'supabase',
  title: 'Supabase',
  provides: 'its auth and storage schemas (auth.users, auth.uid(), storage.objects, ...), the extensions schema and its roles (anon, authenticated, service_role)',
  uses: (names) => SUPABASE_USES.test(names),
  makes: (names) => MAKES_SUPABASE_SCHEMAS.test(names),
  suggests: (names) => SUPABASE_SUGGESTS.test(names),
  makesSuggested: (names) => MAKES_SUGGESTED.test(names),
  roles: ['anon', 'authenticated', 'service_role', 'authenticator', 'supabase_admin', 'supabase_auth_admin', 'supabase_storage_admin', 'dashboard_user'],
  extensions: [
    { name: 'uuid-ossp', uses: /(?<![\w$])"?uuid_(?:generate_v[1345]|generate_v1mc|nil|ns_(?:dns|url|oid|x500))"?\s*\(/ },
    { name: 'pgcrypto', uses: /(?<![\w$])"?(?:gen_random_bytes|gen_salt|crypt|digest|hmac|pgp_\w+|armor|dearmor|encrypt(?:_iv)?|decrypt(?:_iv)?)"?\s*\(/ },
  ],
  searchPath: '"$user", public, extensions',
  schemas: ['auth', 'storage', 'extensions'],
  publications: ['supabase_realtime'],
  sql: `
CREATE SCHEMA auth;
CREATE SCHEMA storage;
CREATE SCHEMA extensions;
CREATE TABLE auth.users (
  instance_id uuid, id uuid NOT NULL PRIMARY KEY, aud varchar(255), role varchar(255), email varchar(255), encrypted_password varchar(255),
  email_confirmed_at timestamptz, invited_at timestamptz, confirmation_token varchar(255), confirmation_sent_at timestamptz,
  recovery_token varchar(255), recovery_sent_at timestamptz, email_change_token_new varchar(255), email_change varchar(255),
  email_change_sent_at timestamptz, last_sign_in_at timestamptz, raw_app_meta_data jsonb, raw_user_meta_data jsonb, is_super_admin boolean,
  created_at timestamptz, updated_at timestamptz, phone text UNIQUE DEFAULT NULL, phone_confirmed_at timestamptz, phone_change text DEFAULT '',
  phone_change_token varchar(255) DEFAULT '', phone_change_sent_at timestamptz,
  confirmed_at timestamptz GENERATED ALWAYS AS (LEAST(email_confirmed_at, phone_confirmed_at)) STORED,
  email_change_token_current varchar(255) DEFAULT '', email_change_confirm_status smallint DEFAULT 0, banned_until timestamptz,
  reauthentication_token varchar(255) DEFAULT '', reauthentication_sent_at timestamptz, is_sso_user boolean NOT NULL DEFAULT false,
  deleted_at timestamptz, is_anonymous boolean NOT NULL DEFAULT false
);
CREATE TABLE auth.identities (
  provider_id text NOT NULL, user_id uuid NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE, identity_data jsonb NOT NULL, provider text NOT NULL,
  last_sign_in_at timestamptz, created_at timestamptz, updated_at timestamptz, email text GENERATED ALWAYS AS (lower(identity_data->>'email')) STORED,
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY, UNIQUE (provider_id, provider)
);
CREATE TABLE auth.sessions (
  id uuid NOT NULL PRIMARY KEY, user_id uuid NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE, created_at timestamptz, updated_at timestamptz,
  not_after timestamptz, refreshed_at timestamp, user_agent text, ip inet, tag text
);
CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE
  AS $$ SELECT coalesce(nullif(current_setting('request.jwt.claim.sub', true), ''), (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub'))::uuid $$;
CREATE FUNCTION auth.role() RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT coalesce(nullif(current_setting('request.jwt.claim.role', true), ''), (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role'))::text $$;
CREATE FUNCTION auth.email() RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT coalesce(nullif(current_setting('request.jwt.claim.email', true), ''), (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email'))::text $$;
CREATE FUNCTION auth.jwt() RETURNS jsonb LANGUAGE sql STABLE
  AS $$ SELECT coalesce(nullif(current_setting('request.jwt.claim', true), ''), nullif(current_setting('request.jwt.claims', true), ''))::jsonb $$;
CREATE TABLE storage.buckets (
  id text NOT NULL PRIMARY KEY, name text NOT NULL UNIQUE, owner uuid, created_at timestamptz DEFAULT now(), updated_at timestamptz DEFAULT now(),
  public boolean DEFAULT false, avif_autodetection boolean DEFAULT false, file_size_limit bigint, allowed_mime_types text[], owner_id text
);
CREATE TABLE storage.objects (
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY, bucket_id text REFERENCES storage.buckets (id), name text, owner uuid,
  created_at timestamptz DEFAULT now(), updated_at timestamptz DEFAULT now(), last_accessed_at timestamptz DEFAULT now(), metadata jsonb,
  path_tokens text[] GENERATED ALWAYS AS (string_to_array(name, '/')) STORED, version text, owner_id text, user_metadata jsonb,
  UNIQUE (bucket_id, name)
);
CREATE FUNCTION storage.foldername(name text) RETURNS text[] LANGUAGE plpgsql IMMUTABLE
  AS $$ DECLARE _parts text[]; BEGIN SELECT string_to_array(name, '/') INTO _parts; RETURN _parts[1:array_length(_parts, 1) - 1]; END $$;
CREATE FUNCTION storage.filename(name text) RETURNS text LANGUAGE plpgsql IMMUTABLE
  AS $$ DECLARE _parts text[]; BEGIN SELECT string_to_array(name, '/') INTO _parts; RETURN _parts[array_length(_parts, 1)]; END $$;
CREATE FUNCTION storage.extension(name text) RETURNS text LANGUAGE plpgsql IMMUTABLE
  AS $$ DECLARE _parts text[]; _filename text; BEGIN SELECT string_to_array(name, '/') INTO _parts; SELECT _parts[array_length(_parts, 1)] INTO _filename;
  RETURN reverse(split_part(reverse(_filename), '.', 1)); END $$;
`,
};

export const ENVIRONMENTS: Environment[] = [SUPABASE];

/**
 * The environment a script is written for, if any: some statement uses the platform's objects and
 * none makes them. Given statements, the import leaves a dump's data out (it would only slow this).
 */
export function environmentFor(script: string | Iterable<string>): Environment | undefined {
  return environmentOfNames((typeof script === 'string' ? [script] : [...script]).map(asNames));
}

/** environmentFor, given the statements in asNames form. */
function environmentOfNames(names: string[]): Environment | undefined {
  return ENVIRONMENTS.find(
    (e) => (names.some((t) => e.uses(t)) || (names.some((t) => e.suggests(t)) && !names.some((t) => e.makesSuggested(t)))) && !names.some((t) => e.makes(t)),
  );
}

/**
 * The platform's extensions a script calls without making them (a Supabase schema's
 * `extensions.uuid_generate_v4()`): its database boots with them, and installEnvironment makes them.
 */
export function environmentExtensions(env: Environment, script: string | Iterable<string>, names?: string[]): string[] {
  const texts = typeof script === 'string' ? [script] : [...script];
  const made = new Set(texts.flatMap(extensionsNamedIn));
  const read = names ?? texts.map(asNames);
  return env.extensions.filter((e) => !made.has(e.name) && read.some((t) => e.uses.test(t))).map((e) => e.name);
}

/** The platform's publications a script alters without making them (`ALTER PUBLICATION supabase_realtime ADD TABLE ...`). */
export function environmentPublications(env: Environment, script: string | Iterable<string>, names?: string[]): string[] {
  const read = names ?? (typeof script === 'string' ? [script] : [...script]).map(asNames);
  return env.publications.filter((pub) => {
    const altered = new RegExp(String.raw`(?<![\w$])alter\s+publication\s+${name(pub)}`);
    const made = new RegExp(String.raw`(?<![\w$])create\s+publication\s+${name(pub)}`);
    return read.some((t) => altered.test(t)) && !read.some((t) => made.test(t));
  });
}

/** What a script needs of a platform: the platform, and its extensions and publications the script uses without making them. */
export interface PlatformNeeds {
  environment: Environment;
  extensions: string[];
  publications: string[];
}

/** The platform a script is written for, with what of it the script needs (see environmentFor); undefined when none. */
export function platformNeeds(script: string | Iterable<string>): PlatformNeeds | undefined {
  const texts = typeof script === 'string' ? [script] : [...script];
  // Each statement read once as PostgreSQL reads its names, for all the tests.
  const names = texts.map(asNames);
  const environment = environmentOfNames(names);
  return environment && { environment, extensions: environmentExtensions(environment, texts, names), publications: environmentPublications(environment, texts, names) };
}

/** The expectations (see prepareDatabase) of SQL written for these needs. */
export function expectationsOf(needs: PlatformNeeds | undefined): Expectations {
  return needs ? { environment: needs.environment.name, environmentExtensions: needs.extensions, environmentPublications: needs.publications } : {};
}

export function environmentNamed(name: string | undefined): Environment | undefined {
  return name ? ENVIRONMENTS.find((e) => e.name === name) : undefined;
}

interface EmscriptenFs {
  writeFile(path: string, data: string): void;
}

/**
 * Makes the environment's objects and roles in a fresh database (before the script runs), with the
 * platform's extensions and publications given (see environmentExtensions, whose extensions the
 * database must have booted with, and environmentPublications),
 * and sets the platform's search_path for the session. The extension's files go into PGlite's own
 * share directory, which `pg_config` names.
 */
export async function installEnvironment(pg: PgRunner, env: Environment, { extensions = [], publications = [] }: { extensions?: readonly string[]; publications?: readonly string[] } = {}): Promise<void> {
  const fs = (pg.db as unknown as { Module?: { FS?: EmscriptenFs } }).Module?.FS;
  if (!fs) throw new Error(`cannot install the ${env.title} environment: this PGlite has no file system to write its extension to`);
  const [{ dir }] = await pg.query<{ dir: string }>(`SELECT setting AS dir FROM pg_config() WHERE name = 'SHAREDIR'`);
  const ext = `${ENVIRONMENT_EXTENSION_PREFIX}${env.name}`;
  fs.writeFile(`${dir}/extension/${ext}.control`, `comment = 'What ${env.title} provides (Schemata)'\ndefault_version = '1.0'\nrelocatable = false\nsuperuser = true\n`);
  fs.writeFile(`${dir}/extension/${ext}--1.0.sql`, env.sql);
  await installRoles(pg, env.roles);
  const quote = (n: string) => `"${n.replace(/"/g, '""')}"`;
  const platform = [...extensions.map((e) => `CREATE EXTENSION IF NOT EXISTS ${quote(e)} SCHEMA extensions;`), ...publications.map((p) => `CREATE PUBLICATION ${quote(p)};`)];
  await pg.exec(`CREATE EXTENSION ${quote(ext)}; ${platform.join(' ')} SET search_path = ${env.searchPath}`);
}

/** Makes roles (NOLOGIN, no privileges) that do not exist yet: the ones a schema's policies or a platform name. */
export async function installRoles(pg: PgRunner, roles: Iterable<string>): Promise<void> {
  const sql = [...roles].map((r) => `DO $$ BEGIN CREATE ROLE "${r.replace(/"/g, '""')}" NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;`);
  if (sql.length) await pg.exec(sql.join('\n'));
}

/** What a document's SQL expects of the database it runs in: a platform, roles (see PostgresSqlSources). */
export interface Expectations {
  environment?: string;
  /** The platform's extensions the SQL uses (see environmentExtensions). */
  environmentExtensions?: string[];
  /** The platform's publications the SQL alters (see environmentPublications). */
  environmentPublications?: string[];
  roles?: string[];
}

/** Makes what a document's SQL expects in a fresh database, before its DDL runs (as the import ran it). */
export async function prepareDatabase(pg: PgRunner, expects: Expectations): Promise<void> {
  const env = environmentNamed(expects.environment);
  if (env) await installEnvironment(pg, env, { extensions: expects.environmentExtensions, publications: expects.environmentPublications });
  await installRoles(pg, expects.roles ?? []);
}
