import { describe, expect, it } from 'vitest';
import { exportPrisma } from './export';
import { importPrisma } from './import';
import { setSchemaWasmLoader, validatePrisma } from './validate';

const TEXT = 'datasource db {\n  provider = "sqlite"\n}\n\nmodel A {\n  id Int @id\n}\n';

describe('validatePrisma without the wasm module (e.g. a browser without a loader)', () => {
  it('degrades to an info diagnostic, and import/export still work', async () => {
    setSchemaWasmLoader(() => Promise.reject(new Error('fs is not available')));
    const diags = await validatePrisma([{ path: 's.prisma', text: TEXT }]);
    expect(diags).toMatchObject([{ severity: 'info', code: 'prisma/validator-unavailable' }]);
    const { document } = await importPrisma([{ path: 's.prisma', text: TEXT }]);
    expect(document.settings.provider).toBe('sqlite');
    expect((await exportPrisma(document)).files[0].text).toBe(TEXT);
  });
});
