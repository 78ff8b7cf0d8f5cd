/** Parse+print time of the largest corpus Prisma schemas and a generated 3,000-line schema. */
import type { BenchCase } from '../bench/types';
import type { SourceFile } from '../formats/types';
import { sequentialIds } from '../schema/ids';
import { updateColumn } from '../store/commands';
import { applyPrismaEdit } from './apply-edit';
import { newPrismaErrors } from './apply-valid-edit';
import { exportPrismaSync } from './export';
import { importPrismaSync } from './import';
import { corpusInputs, HAS_CORPUS, NO_CORPUS_REASON } from './testing';
import { generatedDocument } from '../schema/schema.bench';

const lines = (files: SourceFile[]) => files.reduce((n, f) => n + f.text.split('\n').length, 0);

/** A schema of `n` models (~15 lines each) chained by relations, in prisma format style. */
export function generatedSchema(n: number): string {
  const out = ['generator client {\n  provider = "prisma-client-js"\n}\n\ndatasource db {\n  provider = "postgresql"\n}\n'];
  for (let i = 0; i < n; i++) {
    const next = i + 1 < n ? `  children    Model${i + 1}[]\n` : '';
    const parent = i > 0 ? `  parentId    Int?\n  parent      Model${i - 1}? @relation(fields: [parentId], references: [id], onDelete: Cascade)\n` : '';
    out.push(
      `/// Model number ${i}\nmodel Model${i} {\n  id          Int      @id @default(autoincrement())\n  name        String   @db.VarChar(255)\n  email       String?  @unique\n  count       Int      @default(0)\n  createdAt   DateTime @default(now())\n  updatedAt   DateTime @updatedAt\n  data        Json?\n${parent}${next}\n  @@index([name, createdAt(sort: Desc)])\n  @@map("model_${i}")\n}\n`,
    );
  }
  return out.join('\n');
}

function roundTrip(files: SourceFile[]) {
  const { document } = importPrismaSync(files, { ids: sequentialIds() });
  return exportPrismaSync(document);
}

const generated: SourceFile[] = [{ path: 'schema.prisma', text: generatedSchema(200) }];
/** A document drawn on the canvas (no Prisma source): every model is a new block, as in the code panel. */
const drawn = generatedDocument(1000);
const largest = corpusInputs()
  .filter((i) => i.name.startsWith('prisma/'))
  .sort((a, b) => lines(b.files) - lines(a.files))
  .slice(0, 4);

export const cases: BenchCase[] = [
  {
    name: 'prisma: parse+print generated schema',
    size: `${lines(generated).toLocaleString('en')} lines`,
    target: '< 50 ms',
    targetMs: 50,
    warmup: 10,
    iterations: 30,
    run: () => roundTrip(generated),
  },
  {
    name: 'prisma: parse+edit+print generated schema',
    size: `${lines(generated).toLocaleString('en')} lines`,
    target: '< 50 ms',
    targetMs: 50,
    warmup: 10,
    iterations: 30,
    run: () => {
      const { document } = importPrismaSync(generated, { ids: sequentialIds() });
      const t = Object.values(document.tables)[100];
      return exportPrismaSync(updateColumn(t.id, t.columns[1].id, { name: 'renamed' }).apply(document));
    },
  },
  {
    // What the Prisma code panel pays on each edit of a large drawn schema (no target in the issues).
    name: 'prisma: print 1,000 drawn tables (no source text)',
    size: '1,000 tables',
    warmup: 10,
    iterations: 30,
    run: () => exportPrismaSync(drawn),
  },
  {
    // The Prisma code panel applying an edit of the text (import, reconcile, three-way merge): the
    // first edit of a document also imports its own text again (the merge's base; the panel works it
    // out ahead while the document is still), later edits of the same document reuse it.
    name: 'prisma: apply an edit of the text, 1,000 models',
    size: '1,000 models',
    async measure() {
      const files = [{ path: 'schema.prisma', text: generatedSchema(1000) }];
      const doc = importPrismaSync(files, { skipValidation: true }).document;
      const text = exportPrismaSync(doc).files[0].text;
      const edited = [{ path: 'schema.prisma', text: text.replace(/(model Model500 \{\n[^\n]*)/, '$1\n  note String?') }];
      const time = (fn: () => unknown) => {
        const t = performance.now();
        fn();
        return performance.now() - t;
      };
      const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      const first: number[] = [];
      const cached: number[] = [];
      for (let i = 0; i < 5; i++) {
        const d = { ...doc };
        first.push(time(() => applyPrismaEdit(d, edited)));
        cached.push(time(() => applyPrismaEdit(d, edited)));
      }
      // The code panel first asks Prisma's validator (the document's own text checked once, then the edit's).
      const validate: number[] = [];
      await newPrismaErrors(doc, edited);
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        await newPrismaErrors(doc, edited);
        validate.push(performance.now() - t);
      }
      return { firstEdit: median(first), laterEdit: median(cached), validateEdit: median(validate) };
    },
  },
  ...(HAS_CORPUS
    ? largest.map((i): BenchCase => ({
        name: `prisma: parse+print ${i.name}`,
        size: `${lines(i.files).toLocaleString('en')} lines${i.files.length > 1 ? `, ${i.files.length} files` : ''}`,
        target: '< 50 ms',
        targetMs: 50,
        warmup: 10,
        iterations: 30,
        run: () => roundTrip(i.files),
      }))
    : [{ name: 'prisma: parse+print corpus schemas', skip: NO_CORPUS_REASON }]),
];
