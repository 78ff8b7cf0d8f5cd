/**
 * Every corpus dump against Prisma's own `prisma db pull` (the schema engine's introspection, as WASM
 * over PGlite) of the database the import ran it in, told the document's schemas (or, where it fails
 * on one, the public schema alone): the Prisma export must give each model and view the same name,
 * fields, types, defaults, keys and relation fields. A dump db pull itself cannot read (keys into
 * schemas the document does not hold, indexes its own output refuses) is skipped, with its reason.
 */
import { describe, expect, it } from 'vitest';
import { exportPrismaSync } from '../../prisma';
import { corpusSqlFiles, hasCorpus, readCorpusSql } from '../testing/corpus';
import { importFixture } from '../testing/import-cache';
import { prismaIntrospect } from '../testing/prisma-engine';
import { fieldsOf } from '../testing/prisma-fields';

describe.skipIf(!hasCorpus)('corpus dumps, against prisma db pull', () => {
  for (const name of corpusSqlFiles()) it(`${name}: the Prisma export is what db pull reads`, async (ctx) => {
    const imported = await importFixture(readCorpusSql(name));
    const { document } = imported.result;
    // The database the import's script built, for db pull, in a session with the search_path the
    // import left (db pull prints defaults as PostgreSQL prints them under it: schema-qualified).
    const db = await imported.openDb();
    try {
      await db.query(`SELECT set_config('search_path', $1, false)`, [imported.searchPath]);
      // The schemas the document holds (db pull reads those it is told; public by default).
      const schemas = Object.values(document.namespaces).map((n) => n.name);
      // Told every schema, else (db pull fails on one) the public schema alone.
      let want: ReturnType<typeof fieldsOf> | undefined;
      let scope: Parameters<typeof fieldsOf>[1] = { qualified: true };
      let failure: unknown;
      for (const attempt of [{ schemas, scope }, { schemas: undefined, scope: { schema: 'public' } }]) {
        try {
          want = fieldsOf(await prismaIntrospect(db.db, { views: true, schemas: attempt.schemas }), attempt.scope);
          scope = attempt.scope;
          break;
        } catch (err) {
          // db pull refuses the database, or gives a schema Prisma's validator refuses.
          failure ??= err;
        }
      }
      if (!want) {
        ctx.skip(`db pull cannot read it: ${reason(failure)}`);
        return;
      }
      expect(Object.keys(want).length).toBeGreaterThan(0);
      const ours = fieldsOf(exportPrismaSync(document).files.map((f) => f.text).join('\n'), scope);
      // A column whose name has no letter (a view's "2012") db pull comments out; the export keeps it (f_2012 @map("2012")).
      for (const fields of Object.values(ours)) for (const k of Object.keys(fields)) if (!k.endsWith(' →') && !k.startsWith('@') && !/[A-Za-z]/.test(k)) delete fields[k];
      expect(ours).toEqual(want);
    } finally {
      await db.close();
    }
  }, 120_000);
});

/** The first line of db pull's error, without colours. */
function reason(err: unknown): string {
  const text = String((err as Error)?.message ?? err)
    .replace(/\\u001b\[[0-9;]*m|\u001b\[[0-9;]*m/g, '')
    .replace(/\\"/g, '"')
    .replace(/\\n/g, '\n');
  return (/error: (.*)/.exec(text)?.[1] ?? text.split('\n')[0]).slice(0, 200);
}
