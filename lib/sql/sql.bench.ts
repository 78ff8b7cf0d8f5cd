import type { BenchCase } from '../bench/types';
import { generatedDocument } from '../schema/schema.bench';
import { buildDdl, renderDdl } from './ddl/builder';
import { postgresDialect } from './ddl/postgres';
import { mysqlDialect } from './ddl/mysql';
import { sqliteDialect } from './ddl/sqlite';
import { importPostgres } from './import/postgres';
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
    async measure() {
      const timings: { execute?: number; catalog?: number; total?: number } = {};
      let boot = 0;
      await importPostgres([largest!], {
        timings,
        boot: async (ext) => {
          const t = performance.now();
          const pg = await bootCachedPg({ extensions: ext });
          boot = performance.now() - t;
          return pg;
        },
      });
      const apply = timings.execute! + timings.catalog!;
      const overhead = timings.total! - apply - boot;
      return { boot, pgliteApply: timings.execute!, catalogRead: timings.catalog!, ownOverhead: overhead, overheadPct: (100 * overhead) / apply };
    },
  },
];
