import { describe, expect, it } from 'vitest';
import { extensionsNamedIn } from './extensions';

describe('extensionsNamedIn', () => {
  it('finds the extensions a script creates, quoted or not, with IF NOT EXISTS', () => {
    const sql = `-- header
CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA public;
create extension citext;
CREATE TABLE t (id int);
/* leading comment */ CREATE EXTENSION "PostGIS";`;
    expect(extensionsNamedIn(sql)).toEqual(['uuid-ossp', 'citext', 'postgis']);
  });

  it('finds one that a DO block runs', () => {
    const sql = `DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'vector') THEN CREATE EXTENSION vector; END IF; END $$;`;
    expect(extensionsNamedIn(sql)).toEqual(['vector']);
  });

  it('finds one that a function or procedure makes: the script may call it', () => {
    const sql = `CREATE FUNCTION mk() RETURNS void LANGUAGE plpgsql AS $$ BEGIN CREATE EXTENSION IF NOT EXISTS citext; END $$;
SELECT mk();
CREATE PROCEDURE mk2() LANGUAGE plpgsql AS $body$ BEGIN CREATE EXTENSION hstore; END $body$;`;
    expect(extensionsNamedIn(sql)).toEqual(['citext', 'hstore']);
  });

  it('does not take strings, comments or quoted names for statements', () => {
    const sql = `-- CREATE EXTENSION postgis;
/* create extension postgis /* nested */ */
COMMENT ON TABLE t IS 'needs: create extension postgis';
CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $$ SELECT 'create extension postgis' $$;
CREATE TABLE "create extension postgis" (id int);
INSERT INTO notes VALUES ('Run CREATE EXTENSION postgis first'), (E'it''s \\' create extension postgis');`;
    expect(extensionsNamedIn(sql)).toEqual([]);
  });

  it('reads one statement text as well as a whole script', () => {
    expect(extensionsNamedIn('CREATE EXTENSION pg_trgm')).toEqual(['pg_trgm']);
    expect(extensionsNamedIn("SELECT 'create extension pg_trgm'")).toEqual([]);
  });
});
