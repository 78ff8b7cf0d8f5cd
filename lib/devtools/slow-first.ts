/**
 * Vitest's file order: the files known to run longest start first, so that no long file is left to
 * run alone on one core at the end (on a fresh clone Vitest has no timings and starts the largest
 * files first; some short files take minutes). The list is from per-file times, longest first.
 */
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export const SLOWEST = [
  // First the file that imports every corpus dump (the others then find the imports kept, see
  // sql/testing/import-cache.ts) beside one that imports none.
  'lib/prisma/apply-edit-corpus.test.ts',
  'lib/sql/import/migra-fixtures.test.ts',
  'lib/sql/ddl/prisma-conformance.test.ts',
  'lib/sql/import/renames.test.ts',
  'lib/sql/import/postgis.test.ts',
  'lib/sql/import/edge-cases.test.ts',
  'lib/sql/import/roundtrip.test.ts',
  'lib/sql/follow-views.test.ts',
  'lib/sql/import/db-pull.test.ts',
  'lib/sql/import/environment.test.ts',
  'lib/sql/follow-enums-corpus.test.ts',
  'lib/prisma/apply-edit.test.ts',
  'lib/sql/follow-enums.test.ts',
  'lib/sql/import/catalog-read.test.ts',
  'lib/sql/follow-columns.test.ts',
  'lib/sql/import/late-objects.test.ts',
  'lib/sql/import/db-pull-corpus.test.ts',
  'lib/sql/ddl/prisma-conformance-edges.test.ts',
  'lib/cli/main.test.ts',
  'lib/pglite/runner.test.ts',
];

export class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const rank = (f: TestSpecification) => {
      const i = SLOWEST.indexOf(relative(root, f.moduleId).split('\\').join('/'));
      return i < 0 ? SLOWEST.length : i;
    };
    // Stable: the rest keep Vitest's own order (its timings when it has them, else size).
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}
