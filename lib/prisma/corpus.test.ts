/**
 * Every Prisma schema of the shared corpus: import, document validity, byte-identical unedited
 * export (directly and through JSON), and Prisma's validator on input vs output.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../schema/diagnostics';
import { assertValidDocument } from '../schema/validate';
import { exportPrisma } from './export';
import { importPrisma } from './import';
import { corpusInputs, HAS_CORPUS, NO_CORPUS_REASON } from './testing';
import { validatePrisma } from './validate';

const inputs = corpusInputs();
const errors = (ds: Diagnostic[]) => ds.filter((d) => d.severity === 'error');

describe.skipIf(!HAS_CORPUS)('prisma corpus round trips', () => {
  it('finds the corpus', () => {
    expect(inputs.length).toBeGreaterThan(50);
  });

  it.each(inputs.map((i) => [i.name, i] as const))('%s', async (_name, input) => {
    const { document, diagnostics } = await importPrisma(input.files);
    assertValidDocument(document);
    const direct = await exportPrisma(document);
    expect(direct.files.map((f) => f.path).sort()).toEqual(input.files.map((f) => f.path).sort());
    for (const f of input.files) expect(direct.files.find((o) => o.path === f.path)?.text).toBe(f.text);
    const viaJson = await exportPrisma(JSON.parse(JSON.stringify(document)), { skipValidation: true });
    for (const f of input.files) expect(viaJson.files.find((o) => o.path === f.path)?.text).toBe(f.text);
    // The validator agrees on input and output (they are identical, but the check is the contract).
    const inErrors = errors(await validatePrisma(input.files)).length;
    expect(errors(direct.diagnostics).length).toBe(inErrors);
    expect(errors(diagnostics).map((d) => `${d.file}:${d.line}: ${d.message}`)).toEqual([]);
  });
});

describe.skipIf(HAS_CORPUS)('prisma corpus round trips', () => {
  it.skip(NO_CORPUS_REASON, () => {});
});
