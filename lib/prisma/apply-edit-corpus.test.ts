/**
 * Every corpus dump, imported, then edited through its Prisma text: the text applied unchanged must
 * give the same PostgreSQL DDL, and a field added to a model must give the same database as the DDL
 * before the edit plus ALTER TABLE ... ADD COLUMN (PostgreSQL judges, in PGlite).
 */
import { describe, expect, it } from 'vitest';
import { diffCatalogs } from '../pglite/catalog';
import { buildDdl, renderDdl, type PostgresSqlSources } from '../sql/ddl/builder';
import { postgresDialect } from '../sql/ddl/postgres';
import { appliedCatalogs } from '../sql/testing/applied';
import { corpusSqlFiles, hasCorpus, readCorpusSql } from '../sql/testing/corpus';
import { importFixture } from '../sql/testing/import-cache';
import { applyPrismaEdit } from './apply-edit';
import { exportPrismaSync } from './export';
import { importPrismaSync } from './import';
import { corpusInputs } from './testing';

const ddl = (doc: Parameters<typeof buildDdl>[0]) => renderDdl(buildDdl(doc, postgresDialect));

describe.skipIf(!hasCorpus)('Prisma text edits of corpus dumps keep what Prisma cannot express', () => {
  it.for(corpusSqlFiles())('%s', { timeout: 120_000 }, async (name) => {
    const { document } = (await importFixture(readCorpusSql(name))).result;
    const files = exportPrismaSync(document).files;
    expect(ddl(applyPrismaEdit(document, files).document)).toBe(ddl(document));

    // A field after the last field of the first model the text shows.
    const at = files.findIndex((f) => /^model \w+ \{/m.test(f.text));
    const text = files[at].text;
    const model = /^model (\w+) \{\n([\s\S]*?)\n\}/m.exec(text)!;
    const lines = model[2].split('\n');
    const last = lines.findLastIndex((l) => /^\s+\w+\s+\S/.test(l) && !/^\s+@@/.test(l));
    lines.splice(last + 1, 0, '  schemata_note String?');
    const edited = text.slice(0, model.index) + `model ${model[1]} {\n${lines.join('\n')}\n}` + text.slice(model.index + model[0].length);
    const next = applyPrismaEdit(document, files.map((f, i) => (i === at ? { ...f, text: edited } : f))).document;
    const table = Object.values(document.tables).find((t) => t.name === model[1])!;
    const schema = document.namespaces[table.namespace ?? '']?.name ?? 'public';
    const alter = `ALTER TABLE "${schema}"."${table.dbName ?? table.name}" ADD COLUMN "schemata_note" text;`;
    const { want, got, failed } = await appliedCatalogs(`${ddl(document)}\n${alter}`, buildDdl(next, postgresDialect).statements.map((s) => s.sql), next.sources.sql as PostgresSqlSources);
    expect(failed).toEqual([]);
    expect(diffCatalogs(got, want)).toEqual([]);
  });
});

const prismaInputs = corpusInputs().filter((i) => i.name.startsWith('prisma/'));

describe.skipIf(!prismaInputs.length)('Prisma text edits of corpus Prisma schemas are the edited text', () => {
  it.for(prismaInputs)('$name', ({ files }) => {
    const { document } = importPrismaSync(files, { skipValidation: true });
    // A field after the first field of the first model: exported, the document is the edited text, byte for byte.
    const at = files.findIndex((f) => /^model \w+ \{\n\s+\w+\s+\S[^\n]*/m.test(f.text));
    if (at < 0) return;
    const edited = files.map((f, i) => (i === at ? { ...f, text: f.text.replace(/^(model \w+ \{\n\s+\w+\s+\S[^\n]*)/m, '$1\n  schemata_note String?') } : f));
    const next = applyPrismaEdit(document, edited).document;
    expect(exportPrismaSync(next).files.map((f) => f.text)).toEqual(edited.map((f) => f.text));
  });
});
