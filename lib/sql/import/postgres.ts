/**
 * PostgreSQL import: runs the script in PGlite statement by statement and reads the catalog back.
 * No SQL parser: statements PGlite cannot run are reported (with line and column) and skipped;
 * objects the document does not model are kept as raw SQL in their original order.
 */
import type { Diagnostic } from '../../schema/diagnostics';
import type { IdGenerator } from '../../schema/ids';
import { newId } from '../../schema/ids';
import { assertValidDocument } from '../../schema/validate';
import type { ImportResult, SourceFile } from '../../formats/types';
import { extensionsNamedIn } from '../../pglite/extensions';
import { bootPg, pgErrorInfo, type PgRunner } from '../../pglite/runner';
import type { SqlSources } from '../sources';
import { splitStatements } from '../split';
import { readRawCatalog } from './catalog-read';
import { classify, type Classified } from './classify';
import { catalogToDocument } from './to-document';

export interface ImportPostgresOptions {
  name?: string;
  ids?: IdGenerator;
  /** Boots the database to run the script in (default: a fresh PGlite with the extensions named). */
  boot?: (extensions: string[]) => Promise<PgRunner>;
  /** Timing of the phases, filled in when given (ms). */
  timings?: { execute?: number; catalog?: number; total?: number };
}

interface Kept {
  index: number;
  kind: string;
  text: string;
  c: Classified;
}

const now = () => globalThis.performance?.now() ?? Date.now();

export async function importPostgres(files: SourceFile[], opts: ImportPostgresOptions = {}): Promise<ImportResult> {
  const t0 = now();
  const diagnostics: Diagnostic[] = [];
  const extensions = extensionsNamedIn(files.map((f) => f.text).join('\n'));
  const pg = await (opts.boot ?? ((ext) => bootPg({ extensions: ext })))(extensions);
  const kept: Kept[] = [];
  const targets: { index: number; what: string; path: string[] }[] = [];
  let index = 0;
  let execMs = 0;
  try {
    for (const file of files) {
      for (const st of splitStatements(file.text)) {
        index++;
        const at = { file: file.path, line: st.line, column: st.column };
        const first = st.text.split('\n')[0].slice(0, 80);
        if (st.type === 'meta') {
          diagnostics.push({ severity: 'warning', code: 'sql/skipped', message: `psql meta-command skipped: ${first}`, ...at });
          continue;
        }
        if (st.type === 'copy-data') {
          diagnostics.push({ severity: 'info', code: 'sql/data', message: `COPY data skipped: ${first}`, ...at });
          continue;
        }
        const c = classify(st.text);
        if (c.skip) {
          diagnostics.push({ severity: 'warning', code: 'sql/skipped', message: `${c.skip}; skipped: ${first}`, ...at });
          continue;
        }
        if (!c.execute) {
          diagnostics.push({ severity: 'info', code: 'sql/not-kept', message: `${c.note}, not imported: ${first}`, ...at });
          continue;
        }
        const s = now();
        try {
          await pg.exec(st.text);
        } catch (err) {
          const { message, position } = pgErrorInfo(err);
          let { line, column } = at;
          if (position) {
            const before = st.text.slice(0, position - 1).split('\n');
            line += before.length - 1;
            column = before.length > 1 ? before.at(-1)!.length + 1 : column + position - 1;
          }
          diagnostics.push({ severity: 'warning', code: 'sql/failed', message: `statement skipped (${message}): ${first}`, ...at, line, column });
          continue;
        } finally {
          execMs += now() - s;
        }
        if (c.note) diagnostics.push({ severity: 'info', code: 'sql/not-kept', message: `${c.note}, not kept: ${first}`, ...at });
        if (c.target) targets.push({ index, ...c.target });
        if (c.raw) kept.push({ index, kind: c.raw, text: st.text, c });
      }
    }
    const c0 = now();
    await pg.exec(`RESET ALL; SET search_path = ''`);
    const cat = await readRawCatalog(pg);
    const catalogMs = now() - c0;
    const built = catalogToDocument(cat, { name: opts.name, ids: opts.ids });
    const { doc } = built;
    const ids = opts.ids ?? newId;
    const order: Record<string, number> = {};
    const keyOf = (path: string[]) => (path.length > 1 ? `${path[path.length - 2]}.${path[path.length - 1]}` : `public.${path[0]}`);
    for (const t of targets) {
      const key = keyOf(t.path);
      const id = t.what === 'table' ? built.tableByKey.get(key)?.id : t.what === 'view' ? built.viewByKey.get(key) : undefined;
      if (id && order[id] === undefined) order[id] = t.index;
    }
    const modelledTable = (path: string[]) => built.tableByKey.has(keyOf(path)) || [...built.tableByKey.values()].some((t) => (t.dbName ?? t.name) === path[path.length - 1]);
    const addRaw = (kind: string, text: string, at: number, name?: string) => {
      const id = ids('raw');
      doc.raw[id] = { id, dialect: 'postgresql', kind, text, ...(name ? { name } : {}) };
      order[id] = at;
    };
    for (const e of cat.extensions) addRaw('extension', `CREATE EXTENSION IF NOT EXISTS "${e.name}" WITH SCHEMA "${e.schema}"`, -2, e.name!);
    for (const k of kept) {
      const tp = k.c.target?.path;
      if ((k.kind === 'sequence' || k.kind === 'sequence-owner') && tp && built.absorbedSequences.has(keyOf(tp))) continue;
      if (k.kind === 'comment' && tp && modelledTable(k.c.target!.what === 'column' ? tp.slice(0, -1) : tp)) continue;
      addRaw(k.kind, k.text, k.index);
    }
    for (const r of built.lateRaw) addRaw(r.kind, r.text, 1e9, r.name);
    const sources: SqlSources = { order };
    if (built.notNullArrays.length) sources.notNullArrays = built.notNullArrays;
    doc.sources.sql = sources;
    assertValidDocument(doc);
    if (opts.timings) Object.assign(opts.timings, { execute: execMs, catalog: catalogMs, total: now() - t0 });
    return { document: doc, diagnostics };
  } finally {
    await pg.close();
  }
}
