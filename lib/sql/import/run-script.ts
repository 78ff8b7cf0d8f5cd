/**
 * Running an import's script in PGlite: statements in batches (one by one when a batch fails, or once
 * the script makes temporary relations), statements in no order run again once what they name is
 * made, roles made for statements that name missing ones, and for each statement that ran, what the
 * document needs from it (see RunResult). Nothing here reads the catalog.
 */
import type { Diagnostic } from '../../schema/diagnostics';
import type { SourceFile } from '../../formats/types';
import type { Environment } from '../../pglite/environments';
import { installRoles } from '../../pglite/environments';
import { extensionsNamedIn } from '../../pglite/extensions';
import { pgErrorInfo, type PgRunner } from '../../pglite/runner';
import { LATE_RAW_KINDS } from '../ddl/builder';
import type { SqlStatement } from '../split';
import type { CatalogNeeds } from './catalog-read';
import { classify, DATA, relationOf, type Classified } from './classify';
import { droppedPaths, RelationFates, type Rename, type Subject } from './relation-fates';
import { lateActionsOnly, LateObjects } from './late-objects';
import { searchPathSchema, sessionSearchPath } from './schema-fates';

/** Statements run per round trip into PGlite (see flush). */
const BATCH = 64;

export interface Pending {
  text: string;
  c: Classified;
  at: { file: string; line: number; column: number };
  first: string;
  index: number;
  /** A search_path set for the script's transaction only, run as the session's (see sessionSearchPath). */
  local?: boolean;
}

export interface Kept {
  index: number;
  kind: string;
  text: string;
  c: Classified;
  /** The schema unqualified names resolve to when the statement ran (first of the search_path). */
  schema: string;
  /** The statement that set the search_path in effect, when not the default. */
  searchPath?: string;
  at: Pending['at'];
  first: string;
  /** The relations it names, when the script renames or drops relations (see relation-fates.ts). */
  subjects?: Subject[];
  /** Its node's catalog key for the export order, when not the one its kind gives (see relation-fates.ts). */
  nodeKey?: string;
}

export const now = () => globalThis.performance?.now() ?? Date.now();

/** Whether a statement may make a temporary relation (CREATE TEMP ..., SELECT INTO TEMP, a DO block naming one). */
function makesTemporary(c: Classified, text: string): boolean {
  if (c.note?.startsWith('temporary')) return true;
  if (c.note === 'query' || c.note?.startsWith('DO block') || c.raw === 'statement') return /\b(temp|temporary|pg_temp)\b/i.test(text);
  return false;
}

/** "extension x, which PGlite does not have" (or "extensions x and y, which ..."). */
function lacking(names: string[]): string {
  if (!names.length) return '';
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `${names.length === 1 ? 'extension' : 'extensions'} ${list}, which PGlite does not have`;
}

/** SQLSTATEs of a name that does not exist (yet): relation, type or other object, function, schema. */
const MISSING_OBJECT = new Set(['42P01', '42704', '42883', '3F000']);
/**
 * Statements that may run after what follows them when they name what it makes: CREATEs (not OR
 * REPLACE: a later one would be replaced) and ALTER TABLEs that add (not ones that drop, rename or
 * move: a later statement may have made what they undo).
 */
const MAY_WAIT = /^\s*create\s+(?!or\s+replace\b)|^\s*alter\s+table\b(?![\s\S]*\b(?:rename|set\s+schema|drop)\b)/i;
/** Statements that may make what a waiting statement names. */
const MAKES = /^\s*(?:create|alter)\b/i;
/** COMMIT, END, ROLLBACK or ABORT, ending the transaction (not ROLLBACK TO a savepoint, or a prepared transaction's). */
const TRANSACTION_END = /^\s*(?:commit|end|abort|rollback)\b(?!\s+prepared\b)(?![^;]*\bto\b)/i;
/** A statement that renames a relation (ALTER TABLE ... RENAME TO / SET SCHEMA), with where it ran. */
export type RenameStatement = Rename & { text: string; c: Classified; at: Pending['at']; first: string; schema: string; searchPath?: string };
/** What a statement creates (a table, view, enum, ...), with where it ran. */
export interface Target {
  index: number;
  what: string;
  path: string[];
  schema: string;
  text: string;
  searchPath?: string;
  at?: Pending['at'];
}

/** What running the script left for building the document. */
export interface RunResult {
  /** The statements kept as raw SQL, with where they ran. */
  kept: Kept[];
  /** Relations the script renames or drops after statements name them. */
  fates: RelationFates;
  late: LateObjects;
  renames: RenameStatement[];
  /** The indexes of the kept statements that rename a relation. */
  renameIndexes: Set<number>;
  targets: Target[];
  /** What the catalog read must include. */
  needs: CatalogNeeds;
  /** Statements PostgreSQL could not parse, for telling a user who pasted another dialect's DDL. */
  syntaxErrors: Pending[];
  /** Roles were made for the run, or the script ran code that may have made some. */
  madeRoles: boolean;
  codeRan: boolean;
  /** PostgreSQL's time running the statements (ms). */
  execMs: number;
}

/**
 * Runs each file's statements (`split`, in order) in `pg`; what is skipped or fails goes to
 * `diagnostics` with its file, line and column. `environment`: the platform already made in `pg`.
 */
export async function runScript(pg: PgRunner, files: SourceFile[], split: SqlStatement[][], diagnostics: Diagnostic[], environment: Environment | undefined): Promise<RunResult> {
  const kept: Kept[] = [];
  const fates = new RelationFates();
  const late = new LateObjects();
  /** Statements that rename a relation (ALTER TABLE ... RENAME TO / SET SCHEMA), kept or not, and the indexes of the kept ones. */
  const renames: RenameStatement[] = [];
  const renameIndexes = new Set<number>();
  const targets: Target[] = [];
  let schema = 'public';
  let searchPath: string | undefined;
  /** Whether the script has made a temporary relation, and the names of the ones it created. */
  let temporaryMade = false;
  const temporary = new Set<string>();
  /**
   * Whether a relation named in a statement is temporary: asked of PostgreSQL right after the
   * statement ran, in the script's session (statements run one by one once the script has made a
   * temporary relation). If it is gone by then, whether the script made a temporary relation of that
   * name (or the name is in pg_temp).
   */
  const isTemporary = async (path: string[]): Promise<boolean> => {
    const p = await persistenceOf(path);
    return p ? p === 't' : path.length === 1 ? temporary.has(path[0]) : /^pg_temp(_\d+)?$/.test(path[0]);
  };
  /** The persistence (p, u, t) of the relation a path names in the script's session; undefined when none. */
  const persistenceOf = async (path: string[]): Promise<string | undefined> => {
    const name = path.map((p) => `"${p.replace(/"/g, '""')}"`).join('.');
    const rows = await pg.query<{ p: string | null }>(`SELECT (SELECT c.relpersistence::text FROM pg_class c WHERE c.oid = to_regclass($1)) AS p`, [name]).catch(() => []);
    return rows[0]?.p ?? undefined;
  };
  // A platform is an extension: the catalog reads leave its objects out as they do extensions'.
  const needs: CatalogNeeds = { extensions: !!environment, enums: false, comments: false, deps: false };
  let index = 0;
  let execMs = 0;
  /** The run of data statements (INSERT, ...) being skipped. */
  let data: { at: Pending['at']; first: string; count: number } | undefined;
  const endData = () => {
    if (!data) return;
    const { at, first, count } = data;
    const message = count === 1 ? `data, not imported: ${first}` : `data, not imported: ${count} statements from ${first}`;
    diagnostics.push({ severity: 'info', code: 'sql/not-kept', message, ...at });
    data = undefined;
  };
  /**
   * A search_path set for a transaction only (SET LOCAL, set_config with is_local) lasts until the
   * script's transaction ends (COMMIT, ROLLBACK, ...), or, outside one, until the end of its file (a
   * file that sets one so is meant to run in one transaction, as migration tools and `psql -1` run
   * it). The import runs it as the session's, since batches are not the script's transactions, and
   * sets back the search_path it replaced there: `beforeLocal` once it has run, `localSet` from when
   * it is queued.
   */
  let beforeLocal: { schema: string; searchPath?: string } | undefined;
  let localSet = false;
  const endLocal = async () => {
    if (!localSet) return;
    localSet = false;
    await flush();
    if (!beforeLocal) return;
    ({ schema, searchPath } = beforeLocal);
    beforeLocal = undefined;
    const s = now();
    await pg.exec(searchPath ?? 'RESET search_path');
    execMs += now() - s;
  };
  /** Statements waiting to run, in order: they run as one script, or one by one if that fails. */
  let batch: Pending[] = [];
  /** Bookkeeping for a statement PostgreSQL ran. */
  const record = async ({ text, c, at, first, index, local }: Pending) => {
    if (c.note) diagnostics.push({ severity: 'info', code: 'sql/not-kept', message: `${c.note}, not kept: ${first}`, ...at });
    if (c.creates === 'extension') needs.extensions = true;
    else if (c.creates === 'enum' || (c.raw === 'alter' && /^alter\s+type\b/i.test(text))) needs.enums = true;
    if (c.raw === 'comment') needs.comments = true;
    if (c.raw === 'statement' || c.note === 'query' || c.note?.startsWith('DO block')) {
      Object.assign(needs, { extensions: true, enums: true, comments: true, deps: true });
      codeRan = true;
    }
    if ((c.raw && c.raw !== 'set' && !LATE_RAW_KINDS.has(c.raw)) || c.target?.what === 'view' || /\bnextval\s*\(/i.test(text)) needs.deps = true;
    // Once the script has made temporary relations, a DROP may have dropped one that hid a real
    // table of the same name: that table is still there.
    const stillThere = new Set<string>();
    if (temporaryMade) for (const p of droppedPaths(text)) if (await persistenceOf(p)) stillThere.add(p.join('.'));
    const renamed = fates.note(text, index, schema, (p) => stillThere.has(p.join('.')));
    late.note(index, text);
    if (renamed) {
      renameIndexes.add(index);
      if (!c.raw) renames.push({ ...renamed, text, c, at, first, schema, searchPath });
    }
    if (c.raw === 'set') {
      if (local && !beforeLocal) beforeLocal = { schema, searchPath };
      schema = searchPathSchema(text, schema);
      searchPath = /^\s*reset\b|search_path\s*(=|\bto\b)\s*default\s*$/i.test(text) ? undefined : text;
      // Set for the session while one set for the transaction is in force: it stays after the transaction.
      if (!local && beforeLocal) beforeLocal = { schema, searchPath };
      return;
    }
    if (c.note?.startsWith('temporary')) {
      if (c.target?.what === 'temporary') temporary.add(c.target.path.at(-1)!);
      return;
    }
    // Statements about a temporary relation last the session too. Once the script has made one,
    // PostgreSQL says what the relation a kept statement names is, resolved as the statement was
    // (statements then run one by one).
    const rel = temporaryMade && c.raw ? relationOf(text) : undefined;
    if (rel && (await isTemporary(rel))) {
      diagnostics.push({ severity: 'info', code: 'sql/not-kept', message: `on a temporary relation, not kept: ${first}`, ...at });
      return;
    }
    // What a statement creates (a comment creates nothing: its target is only for telling whether the model holds it).
    if (c.target && c.raw !== 'comment') targets.push({ index, schema, text, searchPath, at, ...c.target });
    if (!c.raw) return;
    // What else an ALTER TABLE of late actions does is in the document (see lateActionsOnly), unless
    // it alters a platform's table (Supabase's auth.users), which the document does not hold.
    const on = c.raw === 'alter' ? relationOf(text) : undefined;
    const platformTable = !!on && on.length > 1 && !!environment?.schemas.includes(on[0]);
    const keep = c.raw === 'alter' && !platformTable ? lateActionsOnly(text) : text;
    if (keep === undefined) diagnostics.push({ severity: 'info', code: 'sql/not-kept', message: `read from the catalog, not kept: ${first}`, ...at });
    else kept.push({ index, kind: c.raw, text: keep, c, schema, searchPath, at, first });
  };
  /**
   * Roles made for the run. A schema's policies and owners name roles, which belong to the cluster
   * and are never in a dump (`CREATE ROLE` is skipped): a statement naming a missing one runs again
   * once it exists. Not code or queries, which could switch the session to it (SET ROLE itself is
   * not run: see classify).
   */
  let madeRoles = false;
  /** Whether a statement ran code (a DO block, a query, a statement kept as it is), which may have made roles. */
  let codeRan = false;
  const execMakingRoles = async (p: Pending) => {
    for (let tries = 0; ; tries++) {
      try {
        return await pg.exec(p.text);
      } catch (err) {
        const retry = tries < 16 && (!p.c.note || p.c.note === 'ownership');
        const role = retry ? /^role "(.+)" does not exist$/.exec(pgErrorInfo(err).message)?.[1] : undefined;
        if (!role) throw err;
        await installRoles(pg, [role]);
        madeRoles = true;
      }
    }
  };
  /** Statements PostgreSQL could not parse, for telling a user who pasted another dialect's DDL. */
  const syntaxErrors: Pending[] = [];
  /** The extensions the script creates that PGlite lacks, as `lacking` names them ('' for none), once a failure needs them. */
  let lackingHere: string | undefined;
  const failed = (p: Pending, { message, position, code }: { message: string; position?: number; code?: string }) => {
    if (code === '42601') syntaxErrors.push(p);
    // One line (a message can quote the rest of an unterminated string), of a readable length.
    message = message.replace(/\s+/g, ' ');
    if (message.length > 160) message = `${message.slice(0, 157)}...`;
    // A type, function or operator that does not exist may be an extension's that the script creates
    // (before or after this statement) and PGlite lacks.
    if ((code === '42704' || code === '42883') && /^(?:type|function|operator)\b.* does not exist$/.test(message)) {
      if (lackingHere === undefined) {
        const named = new Set(extensionsNamedIn(files.map((f) => f.text).join('\n')));
        lackingHere = lacking(pg.missingExtensions.filter((n) => named.has(n)));
      }
      if (lackingHere) message += `; the script creates ${lackingHere}`;
    }
    let { line, column } = p.at;
    if (position) {
      const before = p.text.slice(0, position - 1).split('\n');
      line += before.length - 1;
      column = before.length > 1 ? before.at(-1)!.length + 1 : column + position - 1;
    }
    // A table the script makes that is not made is missing from the document: an error in the input.
    const severity = !p.c.note && /^\s*create\s+(?:unlogged\s+)?table\b/i.test(p.text) ? 'error' : 'warning';
    diagnostics.push({ severity, code: 'sql/failed', message: `statement skipped (${message}): ${p.first}`, ...p.at, line, column });
  };
  /**
   * Statements that failed on something the script makes further down (a foreign key to a table
   * created after its own, a column of a type made later): hand-written DDL is often in no order.
   * They run again, under the search_path they had, as soon as a statement may have made what they
   * name (see tryWaiting); the ones still waiting at the end of their file fail.
   */
  let waiting: { p: Pending; error: { message: string; position?: number; code?: string }; schema: string; searchPath?: string }[] = [];
  const runOne = async (p: Pending) => {
    const s = now();
    try {
      await execMakingRoles(p);
    } catch (err) {
      const error = pgErrorInfo(err);
      if (error.code && MISSING_OBJECT.has(error.code) && MAY_WAIT.test(p.text) && !p.c.note) waiting.push({ p, error, schema, searchPath });
      else failed(p, error);
      return;
    } finally {
      execMs += now() - s;
    }
    await record(p);
    if (MAKES.test(p.text)) await tryWaiting(p.index);
  };
  /** How many statements have run out of their place (for their indexes, see tryWaiting). */
  let reordered = 0;
  /**
   * Runs the waiting statements that now can, right after statement `after` made what they name:
   * they are kept as if written just after it.
   */
  const tryWaiting = async (after: number) => {
    // Statements run out of their place only where no relation is renamed or dropped, or temporary.
    if (!waiting.length || fates.any || temporaryMade) return;
    const list = waiting;
    const script = { schema, searchPath };
    let session = searchPath;
    for (let progress = true; progress && list.length; ) {
      progress = false;
      for (let i = 0; i < list.length; i++) {
        const w = list[i];
        const s = now();
        try {
          if (w.searchPath !== session) await pg.exec(w.searchPath ?? 'RESET search_path');
          session = w.searchPath;
          await execMakingRoles(w.p);
        } catch (err) {
          w.error = pgErrorInfo(err);
          continue;
        } finally {
          execMs += now() - s;
        }
        list.splice(i--, 1);
        progress = true;
        ({ schema, searchPath } = w);
        await record({ ...w.p, index: after + 0.5 - 0.5 / (2 + reordered++) });
        diagnostics.push({ severity: 'info', code: 'sql/reordered', message: `run after the statements further down that make what it names: ${w.p.first}`, ...w.p.at });
      }
    }
    ({ schema, searchPath } = script);
    if (session !== searchPath) await pg.exec(searchPath ?? 'RESET search_path');
  };
  /** At the end of a file: the waiting statements that still cannot run fail. */
  const runWaiting = async () => {
    await tryWaiting(index);
    for (const w of waiting) failed(w.p, w.error);
    waiting = [];
  };
  /**
   * Runs the waiting statements as one script (one round trip into PostgreSQL, one implicit
   * transaction). If any fails, nothing of it stays, and they run one by one to report which.
   */
  const flush = async () => {
    const items = batch;
    batch = [];
    if (items.length === 1) return runOne(items[0]);
    if (!items.length) return;
    const s = now();
    try {
      await pg.exec(items.map((p) => p.text).join('\n;\n'));
    } catch {
      execMs += now() - s;
      for (const p of items) await runOne(p);
      return;
    }
    execMs += now() - s;
    for (const p of items) await record(p);
    if (waiting.length && items.some((p) => MAKES.test(p.text))) await tryWaiting(items.at(-1)!.index);
  };
  for (const [fileIndex, file] of files.entries()) {
    for (const st of split[fileIndex]) {
      index++;
      const c = st.type === 'sql' ? classify(st.text) : undefined;
      if (c === DATA && data) {
        // Data rows: one message per run of them, not one per row (so nothing else to do per row).
        data.count++;
        continue;
      }
      const at = { file: file.path, line: st.line, column: st.column };
      const nl = st.text.indexOf('\n');
      const first = st.text.slice(0, nl < 0 ? 80 : Math.min(nl, 80));
      if (st.type === 'meta' && /^\\copy\b/i.test(st.text)) {
        // psql's client-side COPY: data, like COPY.
        diagnostics.push({ severity: 'info', code: 'sql/data', message: `data, not imported: ${first}`, ...at });
        continue;
      }
      if (st.type === 'meta') {
        diagnostics.push({ severity: 'warning', code: 'sql/skipped', message: `psql meta-command skipped: ${first}`, ...at });
        continue;
      }
      if (st.type === 'copy-data') {
        diagnostics.push({ severity: 'info', code: 'sql/data', message: `COPY data skipped: ${first}`, ...at });
        continue;
      }
      if (!c) continue;
      if (c.skip) {
        diagnostics.push({ severity: 'warning', code: 'sql/skipped', message: `${c.skip}; skipped: ${first}`, ...at });
        continue;
      }
      if (c === DATA) {
        data = { at, first, count: 1 };
        continue;
      }
      endData();
      if (c.note === 'transaction control' && TRANSACTION_END.test(st.text)) await endLocal();
      if (!c.execute) {
        diagnostics.push({ severity: 'info', code: 'sql/not-kept', message: `${c.note}, not imported: ${first}`, ...at });
        continue;
      }
      // From the first temporary relation on, statements run one by one: whether the relation a
      // kept statement names is temporary is then asked of PostgreSQL right after it ran.
      if (!temporaryMade && makesTemporary(c, st.text)) {
        await flush();
        temporaryMade = true;
      }
      const session = c.raw === 'set' ? sessionSearchPath(st.text) : undefined;
      if (session) localSet = true;
      batch.push({ text: session ?? st.text, c, at, first, index, local: !!session });
      if (batch.length >= (temporaryMade ? 1 : BATCH)) await flush();
    }
    endData();
    await flush();
    await endLocal();
    await runWaiting();
  }
  return { kept, fates, late, renames, renameIndexes, targets, needs, syntaxErrors, madeRoles, codeRan, execMs };
}
