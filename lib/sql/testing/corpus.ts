/** Node-only test helper: locating the shared corpus (tests skip when it is missing). */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceFile } from '../../formats/types';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
export const CORPUS = resolve(repoRoot, '../shared/corpus');
export const hasCorpus = existsSync(join(CORPUS, 'sql'));

export function corpusSqlFiles(): string[] {
  return hasCorpus ? readdirSync(join(CORPUS, 'sql')).filter((f) => f.endsWith('.sql')).sort() : [];
}

/** migra's diff fixtures: each case's `a.sql` and `b.sql` (PostgreSQL DDL), as `<case>/<file>`. */
export function corpusMigraScripts(): string[] {
  const dir = join(CORPUS, 'diff-fixtures', 'migra');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).sort().flatMap((c) => ['a.sql', 'b.sql'].filter((f) => existsSync(join(dir, c, f))).map((f) => `${c}/${f}`));
}

export function readCorpusMigra(name: string): SourceFile {
  return { path: name, text: readFileSync(join(CORPUS, 'diff-fixtures', 'migra', name), 'utf8') };
}

/** A schema history's migrations (`evolution/<repo>/NN_to_MM.migration.sql`, Prisma Migrate's SQL) joined in order. */
export function corpusMigrationHistory(repo: string): SourceFile | undefined {
  const dir = join(CORPUS, 'evolution', repo);
  if (!existsSync(dir)) return undefined;
  const files = readdirSync(dir).filter((f) => f.endsWith('.migration.sql')).sort();
  return { path: `${repo}-migrations.sql`, text: files.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n;\n') };
}

export function readCorpusSql(name: string): SourceFile {
  return { path: name, text: readFileSync(join(CORPUS, 'sql', name), 'utf8') };
}

/** Corpus Prisma schemas (single files and multi-file folders) whose provider is `provider`. */
export function corpusPrismaSchemas(provider: string): { name: string; files: SourceFile[] }[] {
  if (!hasCorpus) return [];
  const dir = join(CORPUS, 'prisma');
  const out: { name: string; files: SourceFile[] }[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const p = join(dir, entry);
    const paths = statSync(p).isDirectory()
      ? readdirSync(p).filter((f) => f.endsWith('.prisma')).map((f) => join(p, f))
      : entry.endsWith('.prisma') ? [p] : [];
    const files = paths.map((f) => ({ path: f.slice(dir.length + 1), text: readFileSync(f, 'utf8') }));
    if (files.some((f) => new RegExp(`provider\\s*=\\s*"${provider}"`).test(f.text))) out.push({ name: entry, files });
  }
  return out;
}

type PrismaImporter = (files: SourceFile[], opts?: object) => Promise<{ document: import('../../schema/types').SchemaDocument }>;

/** lib/prisma's importPrisma, when that module exists (it is written in parallel). */
export async function loadImportPrisma(): Promise<PrismaImporter | undefined> {
  for (const mod of ['../../prisma/index', '../../prisma/import']) {
    try {
      const m = (await import(/* @vite-ignore */ mod)) as { importPrisma?: PrismaImporter };
      if (m.importPrisma) return m.importPrisma;
    } catch {
      // not there yet
    }
  }
  return undefined;
}
