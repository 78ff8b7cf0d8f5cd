/**
 * Node-only test helper: a fresh database in which a script's leading set-up statements (schemas,
 * types, extensions, their comments, roles, session settings) already ran, booted from a data directory
 * kept from the first time the same statements ran.
 *
 * The tests that apply an exported PostGIS schema spend most of their time in `CREATE EXTENSION
 * postgis` (6–9 s in PGlite, each time). A data directory is kept only for set-up that creates a
 * PostGIS extension; other set-up runs as given. Kept data directories live beside the import
 * fixtures (import-cache.ts), under the code version, in memory and in the OS temp folder.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareDatabase, type Expectations } from '../../pglite/environments';
import { needsPostgis } from '../../pglite/postgis';
import { bootPg, type PgRunner } from '../../pglite/runner';
import { bootCachedPg, writeWhole } from '../../pglite/snapshot-node';
import { splitStatements } from '../split';
import { cacheFolder } from './import-cache';

/** Statements whose effect a data directory holds whole (or, SET, that are run again on the booted session). */
const SETUP = [
  // A session's setting (`SET name = value` or `TO`), not SET LOCAL, ROLE, SESSION AUTHORIZATION, CONSTRAINTS or TRANSACTION.
  /^set\s+(?=\S)(?!(?:local|role|session|session_authorization|constraints|transaction)\b)[a-z_][\w.]*\s*(?:=|to\b)/i,
  /^create\s+schema\b/i,
  // Enums and composite types: the export writes them before its extensions.
  /^create\s+type\b/i,
  /^create\s+extension\b/i,
  /^comment\s+on\s+(schema|extension)\b/i,
];
const SESSION = /^set\s/i;
const POSTGIS_EXTENSION = /^create\s+extension\s+(?:if\s+not\s+exists\s+)?"?(\w+)"?/i;

/** Whether set-up makes a PostGIS extension (the one worth a kept data directory). */
export const makesPostgis = (setup: string[]) => setup.some((s) => needsPostgis([POSTGIS_EXTENSION.exec(s.trim())?.[1] ?? '']));

/** Whether one statement (without its `;`) is set-up. */
const isSetup = (text: string) => SETUP.some((re) => re.test(text.trim()));

/** How many of `statements` (each one statement) lead the script as set-up. */
export function setupLength(statements: string[]): number {
  const n = statements.findIndex((s) => {
    const split = splitStatements(s);
    return split.length !== 1 || split[0].type !== 'sql' || !isSetup(split[0].text);
  });
  return n < 0 ? statements.length : n;
}

/**
 * A script as its leading set-up statements and the rest (one script, run in one go as before).
 * Split only where the set-up makes PostGIS (else the whole script is the rest): the set-up then
 * runs outside the script's transaction, which a script that adds a value to one of its enums and
 * uses it would notice.
 */
export function splitSetup(script: string): { setup: string[]; rest: string } {
  const statements = splitStatements(script);
  let n = statements.findIndex((s) => s.type !== 'sql' || !isSetup(s.text));
  if (n < 0) n = statements.length;
  const setup = statements.slice(0, n).map((s) => `${s.text};`);
  if (!makesPostgis(setup)) return { setup: [], rest: script };
  return { setup, rest: n < statements.length ? rest(script, statements[n]) : '' };
}

/** The script from where `from` starts (its line and column are 1-based). */
function rest(script: string, from: { line: number; column: number }): string {
  let at = 0;
  for (let line = 1; line < from.line; line++) at = script.indexOf('\n', at) + 1;
  return script.slice(at + from.column - 1);
}

const memory = new Map<string, Blob>();

/** Where the data directory after `setup` is kept (for the same extensions and roles). */
export function keptPath(setup: string[], opts: { extensions: string[]; expects?: Expectations }): string {
  const key = createHash('sha256').update(JSON.stringify([[...opts.extensions].sort(), [...(opts.expects?.roles ?? [])].sort(), setup])).digest('hex').slice(0, 32);
  return join(cacheFolder(), `setup-${key}.tar`);
}

/**
 * A fresh database with `extensions` available, made as `expects` says (prepareDatabase: a platform,
 * roles), in which `setup` ran statement by statement. `failed` lists the statements that failed,
 * each with its error (as a script run one by one reports them); nothing is kept then, nor for a
 * platform.
 */
export async function bootAfter(
  setup: string[],
  opts: { extensions: string[]; expects?: Expectations; /** Keep the data directory (by default: when the set-up makes PostGIS). */ keep?: boolean },
): Promise<{ db: PgRunner; failed: string[]; /** Booted from a kept data directory. */ reused: boolean }> {
  const expects = opts.expects ?? {};
  const keep = !expects.environment && (opts.keep ?? makesPostgis(setup));
  const file = keptPath(setup, opts);
  const key = file;
  if (keep) {
    let db: PgRunner | undefined;
    try {
      const kept = memory.get(key) ?? (existsSync(file) ? new Blob([readFileSync(file)]) : undefined);
      if (kept) {
        db = await bootPg({ extensions: opts.extensions, snapshot: kept });
        for (const s of setup) if (SESSION.test(s.trim())) await db.exec(s);
        return { db, failed: [], reused: true };
      }
    } catch {
      // A truncated file, or one deleted meanwhile: made again.
      await db?.close();
    }
  }
  const db = await bootCachedPg({ extensions: opts.extensions });
  await prepareDatabase(db, expects);
  const failed: string[] = [];
  for (const sql of setup) await db.exec(sql).catch((e: Error) => failed.push(`${e.message}: ${sql.slice(0, 120)}`));
  if (keep && !failed.length) {
    const data = await db.snapshot();
    memory.set(key, data);
    writeWhole(file, Buffer.from(await data.arrayBuffer()));
  }
  return { db, failed, reused: false };
}

/**
 * A fresh database with `extensions`, made as `expects` says, in which `script` ran in one go after
 * its set-up (see splitSetup and bootAfter); it throws on the script's first error. `prepare` runs
 * first (a platform's environment); the script is then not split.
 */
export async function applyScript(script: string, opts: { extensions: string[]; expects?: Expectations; prepare?: (db: PgRunner) => Promise<void> }): Promise<PgRunner> {
  const { setup, rest } = opts.prepare ? { setup: [], rest: script } : splitSetup(script);
  const { db, failed } = await bootAfter(setup, opts);
  try {
    if (failed.length) throw new Error(failed[0]);
    await opts.prepare?.(db);
    if (rest) await db.exec(rest);
    return db;
  } catch (e) {
    await db.close();
    throw e;
  }
}

/**
 * A fresh database with `extensions`, made as `expects` says, in which `statements` ran one by one,
 * their leading set-up as bootAfter runs it. `failed` lists the ones that failed, each with its error.
 */
export async function applyStatements(statements: string[], opts: { extensions: string[]; expects?: Expectations }): Promise<{ db: PgRunner; failed: string[] }> {
  const n = setupLength(statements);
  const { db, failed } = await bootAfter(statements.slice(0, n), opts);
  for (const sql of statements.slice(n)) await db.exec(sql).catch((e: Error) => failed.push(`${e.message}: ${sql.slice(0, 120)}`));
  return { db, failed };
}
