import type { BenchCase } from '../bench/types';
import { generatedDocument } from '../schema/schema.bench';
import { buildDdl, renderDdl } from './ddl/builder';
import { postgresDialect } from './ddl/postgres';
import { mysqlDialect } from './ddl/mysql';
import { sqliteDialect } from './ddl/sqlite';
import { importPostgres } from './import/postgres';
import { prepareCatalogReads } from './import/catalog-read';
import { bootCachedPg } from '../pglite/snapshot-node';
import { corpusSqlFiles, hasCorpus, readCorpusSql } from './testing/corpus';
import type { SourceFile } from '../formats/types';
import { extensionsNamedIn } from '../pglite/extensions';
import { splitStatements } from './split';
import { classify } from './import/classify';
import { generatedDdl } from '../bench/generate-ddl';

const big = generatedDocument(1000);
/** Warm-up runs before timing: the SQL tab regenerates the DDL on every edit, so steady state is what users wait for. */
const WARM = 10;
/** Timed runs: the median of 50 is steadier than of 20 on a shared machine. */
const RUNS = 50;
const largest = hasCorpus ? corpusSqlFiles().map(readCorpusSql).sort((a, b) => b.text.length - a.text.length)[0] : undefined;

export const cases: BenchCase[] = [
  { name: 'sql: PostgreSQL DDL, 1,000 tables', size: '1,000 tables', target: '< 20 ms', targetMs: 20, warmup: WARM, iterations: RUNS, run: () => renderDdl(buildDdl(big, postgresDialect)) },
  { name: 'sql: MySQL DDL, 1,000 tables', size: '1,000 tables', target: '< 20 ms', targetMs: 20, warmup: WARM, iterations: RUNS, run: () => renderDdl(buildDdl(big, mysqlDialect)) },
  { name: 'sql: SQLite DDL, 1,000 tables', size: '1,000 tables', target: '< 20 ms', targetMs: 20, warmup: WARM, iterations: RUNS, run: () => renderDdl(buildDdl(big, sqliteDialect)) },
  {
    name: `sql: import largest dump${largest ? ` (${largest.path})` : ''}`,
    size: largest ? `${(largest.text.length / 1024).toFixed(0)} KB` : undefined,
    target: 'overhead < 20% of PGlite apply',
    skip: largest ? undefined : 'corpus missing (../shared/corpus)',
    /**
     * "apply" is PGlite executing the script's schema statements (timings.execute; data rows are not
     * run). "overhead" is everything else the import adds, boot excluded: splitting the text,
     * classifying, reading the catalog back (a PostgreSQL query), building and checking the document;
     * it is also shown split into the catalog read and our own JavaScript, and our JavaScript alone
     * in % of the apply (warmOurJsPct). For context, "dumpApply" is
     * PGlite running the whole dump as given, data included (what `psql -f` would do), and
     * importVsDumpApplyPct the whole import against it. The first import in a process is cold (V8
     * and PGlite's WebAssembly not yet optimised, PostgreSQL caches empty); the next ones are warm.
     * Reported: the cold run, and the median of 5 warm runs.
     */
    async measure() {
      const once = () => timedImport(largest!);
      const cold = await once();
      const runs = [await once(), await once(), await once(), await once(), await once()];
      const pct = (r: typeof cold) => (100 * r.overhead) / r.apply;
      const warm = runs.sort((a, b) => pct(a) - pct(b))[2];
      const dump = [await applyWholeDump(largest!), await applyWholeDump(largest!), await applyWholeDump(largest!)].sort((a, b) => a - b)[1];
      return {
        coldPgliteApply: cold.apply,
        coldCatalogRead: cold.catalog,
        coldSplit: cold.split,
        coldOurJs: cold.js,
        coldOverheadPct: pct(cold),
        warmPgliteApply: warm.apply,
        warmCatalogRead: warm.catalog,
        warmSplit: warm.split,
        warmOurJs: warm.js,
        warmOverheadPct: pct(warm),
        // The same overhead less the catalog read (a query PostgreSQL runs): our own code's share.
        warmOurJsPct: (100 * warm.js) / warm.apply,
        warmImport: warm.total,
        dumpApply: dump,
        importVsDumpApplyPct: (100 * warm.total) / dump,
      };
    },
    // The target as the issue states it, on the strict reading: overhead against the schema statements run.
    meets: (m) => m.warmOverheadPct < 20,
  },
  {
    name: 'sql: import overhead, every corpus dump and 1,000 generated tables',
    size: hasCorpus ? `${corpusSqlFiles().length} dumps + 1,000 tables` : '1,000 tables',
    target: 'overhead < 20% of PGlite apply',
    /**
     * The same measure as the largest dump's, for every dump (warm: the median of 3 after one run),
     * to show how the overhead depends on the schema: with a few tables it is mostly fixed costs
     * (the catalog read); with hundreds it shrinks. `<dump> overheadPct` is the overhead in % of
     * the apply, `<dump> apply` the apply in ms. Informational: the target is judged on the largest dump.
     */
    async measure() {
      const inputs: SourceFile[] = [...corpusSqlFiles().map(readCorpusSql), { path: 'generated 1,000 tables', text: generatedDdl(1000) }];
      const out: Record<string, number> = {};
      for (const file of inputs) {
        await timedImport(file);
        const runs = [await timedImport(file), await timedImport(file), await timedImport(file)].sort((a, b) => a.overhead / a.apply - b.overhead / b.apply);
        const name = file.path.replace(/\.sql$/, '');
        out[`${name} overheadPct`] = (100 * runs[1].overhead) / runs[1].apply;
        out[`${name} apply`] = runs[1].apply;
        if (runs[1].environment) out[`${name} environment`] = runs[1].environment;
      }
      return out;
    },
  },
];

/**
 * One import as the browser's import worker runs it: the database is booted, and its catalog reads
 * planned, before the script arrives (the app does it while idle; reported as boot, not counted).
 * `apply` is PGlite executing the script's schema statements; `environment` PGlite making a
 * platform's objects first (Supabase's: a schema of its own, reported apart, like boot); `overhead`
 * everything else.
 */
async function timedImport(file: SourceFile) {
  const timings: { execute?: number; catalog?: number; split?: number; environment?: number; total?: number } = {};
  let boot = 0;
  await importPostgres([file], {
    timings,
    boot: async (ext) => {
      const t = performance.now();
      const pg = await bootCachedPg({ extensions: ext });
      pg.preparedCatalogReads = await prepareCatalogReads(pg);
      boot = performance.now() - t;
      return pg;
    },
  });
  const overhead = timings.total! - timings.execute! - timings.environment! - boot;
  return { apply: timings.execute!, environment: timings.environment!, catalog: timings.catalog!, split: timings.split!, js: overhead - timings.catalog!, overhead, total: timings.total! - boot };
}

/**
 * PGlite running a whole dump as given, data included, as `psql -f` would: every statement it can
 * run (not psql meta-commands, COPY data blocks, or roles and databases), in batches of 64 like the
 * import, one by one where a batch fails. Returns the time spent executing (ms).
 */
async function applyWholeDump(file: SourceFile): Promise<number> {
  const pg = await bootCachedPg({ extensions: extensionsNamedIn(file.text) });
  const statements = splitStatements(file.text).filter((s) => s.type === 'sql' && !classify(s.text).skip).map((s) => s.text);
  let ms = 0;
  try {
    for (let i = 0; i < statements.length; i += 64) {
      const batch = statements.slice(i, i + 64);
      const t = performance.now();
      try {
        await pg.exec(batch.join('\n;\n'));
      } catch {
        for (const st of batch) await pg.exec(st).catch(() => {});
      }
      ms += performance.now() - t;
    }
  } finally {
    await pg.close();
  }
  return ms;
}
