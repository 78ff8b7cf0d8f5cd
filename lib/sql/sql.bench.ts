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

const big = generatedDocument(1000);
const largest = hasCorpus ? corpusSqlFiles().map(readCorpusSql).sort((a, b) => b.text.length - a.text.length)[0] : undefined;

export const cases: BenchCase[] = [
  { name: 'sql: PostgreSQL DDL, 1,000 tables', size: '1,000 tables', target: '< 20 ms', targetMs: 20, run: () => renderDdl(buildDdl(big, postgresDialect)) },
  { name: 'sql: MySQL DDL, 1,000 tables', size: '1,000 tables', target: '< 20 ms', targetMs: 20, run: () => renderDdl(buildDdl(big, mysqlDialect)) },
  { name: 'sql: SQLite DDL, 1,000 tables', size: '1,000 tables', target: '< 20 ms', targetMs: 20, run: () => renderDdl(buildDdl(big, sqliteDialect)) },
  {
    name: `sql: import largest dump${largest ? ` (${largest.path})` : ''}`,
    size: largest ? `${(largest.text.length / 1024).toFixed(0)} KB` : undefined,
    target: 'overhead < 20% of PGlite apply',
    skip: largest ? undefined : 'corpus missing (../shared/corpus)',
    /**
     * "apply" is PGlite executing the script's own statements (timings.execute). "overhead" is
     * everything else the import adds, boot excluded: splitting the text, classifying, reading the
     * catalog back, building and checking the document. The first import in a process is cold (V8
     * and PGlite's WebAssembly not yet optimised, PostgreSQL caches empty); the next ones are warm.
     * Reported: the cold run, and the median of 3 warm runs.
     */
    async measure() {
      const once = async () => {
        const timings: { execute?: number; catalog?: number; split?: number; total?: number } = {};
        let boot = 0;
        await importPostgres([largest!], {
          timings,
          boot: async (ext) => {
            // As in the browser's import worker: the database is booted, and its catalog reads
            // planned, before the script arrives (the app does it while idle). Reported as boot.
            const t = performance.now();
            const pg = await bootCachedPg({ extensions: ext });
            pg.preparedCatalogReads = await prepareCatalogReads(pg);
            boot = performance.now() - t;
            return pg;
          },
        });
        const overhead = timings.total! - timings.execute! - boot;
        return { boot, apply: timings.execute!, catalog: timings.catalog!, split: timings.split!, otherJs: overhead - timings.catalog! - timings.split!, overhead };
      };
      const cold = await once();
      const warm = [await once(), await once(), await once()].sort((a, b) => a.overhead / a.apply - b.overhead / b.apply)[1];
      const pct = (r: typeof cold) => (100 * r.overhead) / r.apply;
      return {
        boot: cold.boot,
        coldPgliteApply: cold.apply,
        coldCatalogRead: cold.catalog,
        coldSplit: cold.split,
        coldOtherJs: cold.otherJs,
        coldOverheadPct: pct(cold),
        warmPgliteApply: warm.apply,
        warmCatalogRead: warm.catalog,
        warmSplit: warm.split,
        warmOtherJs: warm.otherJs,
        warmOverheadPct: pct(warm),
      };
    },
  },
];
