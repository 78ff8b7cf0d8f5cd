import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TEMPLATE_TEXTS } from '../../components/documents/templates-data';
import { importPrisma } from '../prisma';
import { formatPrisma } from '../prisma/validate';
import { validateDocument } from '../schema/validate';
import { gridLayout } from './layout';
import { TEMPLATES } from './templates';
import { blogDocument } from './testing';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (file: string) => readFileSync(root + file, 'utf8');

interface SchemaWasm {
  validate(params: string): void;
}
const require = createRequire(import.meta.url);
(globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY ??= { set_message() {} };
const wasm = require('@prisma/prisma-schema-wasm') as SchemaWasm;

describe('templates', () => {
  it('lists blog, e-commerce and SaaS with distinct ids and existing files', () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual(['blog', 'ecommerce', 'saas']);
    for (const t of TEMPLATES) expect(read(t.file).length).toBeGreaterThan(100);
  });

  for (const t of TEMPLATES) {
    describe(t.name, () => {
      const text = read(t.file);

      it('the bundled string equals the .prisma file byte for byte (run node lib/documents/gen-templates-data.mjs)', () => {
        expect(TEMPLATE_TEXTS[t.id]).toBe(text);
      });

      it('is valid Prisma (prisma-schema-wasm validate)', () => {
        expect(() => wasm.validate(JSON.stringify({ prismaSchema: [['schema.prisma', text]], noColor: true }))).not.toThrow();
      });

      it('is in `prisma format` style, Prisma 7 datasource without url', async () => {
        const [formatted] = await formatPrisma([{ path: 'schema.prisma', text }]);
        expect(formatted.text).toBe(text);
        expect(text).toMatch(/datasource db \{\n {2}provider = "postgresql"\n\}/);
        expect(text).toContain('generator client {\n  provider = "prisma-client-js"\n}');
        expect(text).not.toMatch(/\burl\s*=/);
      });

      it('imports without errors into a valid, laid-out document', async () => {
        const { document, diagnostics } = await importPrisma([{ path: t.file, text }], { name: t.name });
        expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
        const laid = gridLayout(document);
        expect(validateDocument(laid)).toEqual([]);
        const nodeIds = [...Object.keys(laid.tables), ...Object.keys(laid.enums)];
        expect(Object.keys(laid.layout.nodes).sort()).toEqual(nodeIds.sort());
      });
    });
  }

  it('blog.prisma describes the same schema as the sample document', async () => {
    const { document } = await importPrisma([{ path: 'prisma/blog.prisma', text: read('prisma/blog.prisma') }]);
    const sample = blogDocument();
    const shape = (d: typeof sample) => ({
      tables: Object.values(d.tables).map((t) => ({
        name: t.name,
        columns: t.columns.map((c) => [c.name, c.dbName, c.type.kind, c.type.native?.name, c.nullable, c.default?.kind, !!c.updatedAt]),
        indexes: t.indexes.map((i) => [i.unique, i.columns.length]),
      })),
      enums: Object.values(d.enums).map((e) => [e.name, e.values.map((v) => v.name)]),
      relations: Object.values(d.relations).map((r) => (r.kind === 'foreign-key' ? [r.kind, d.tables[r.from.table].name, d.tables[r.to.table].name, r.onDelete] : [r.kind])),
    });
    expect(shape(document)).toEqual(shape(sample));
  });

  it('e-commerce has about a dozen models and SaaS scopes uniques to the tenant', async () => {
    const ecommerce = (await importPrisma([{ path: 'e.prisma', text: read('prisma/ecommerce.prisma') }], { skipValidation: true })).document;
    expect(Object.keys(ecommerce.tables).length).toBeGreaterThanOrEqual(12);
    expect(Object.values(ecommerce.tables).every((t) => t.dbName && t.dbName === t.dbName.toLowerCase())).toBe(true);
    const saas = (await importPrisma([{ path: 's.prisma', text: read('prisma/saas.prisma') }], { skipValidation: true })).document;
    const orgCol = (tableName: string) => Object.values(saas.tables).find((t) => t.name === tableName)!.columns.find((c) => c.name === 'organizationId')!.id;
    for (const name of ['Project', 'Invitation', 'Invoice', 'ApiKey']) {
      const table = Object.values(saas.tables).find((t) => t.name === name)!;
      expect(table.indexes.some((i) => i.unique && i.columns.length > 1 && i.columns[0].column === orgCol(name))).toBe(true);
    }
  });
});
