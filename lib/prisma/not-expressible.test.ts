/** What a Prisma schema cannot hold is listed when the document is exported to Prisma, never dropped silently. */
import { describe, expect, it } from 'vitest';
import { createColumn, createDocument, createTable, sequentialIds } from '../schema';
import { exportPrisma } from './export';

describe('Prisma export of what Prisma cannot express', () => {
  it('warns about checks, generated and identity columns, and raw SQL objects; the result still validates', async () => {
    const ids = sequentialIds();
    const doc = createDocument({ name: 'x', provider: 'postgresql' });
    const t = createTable('orders', ids);
    const id = createColumn('id', 'Int', ids, { identity: { generation: 'always' } });
    const qty = createColumn('qty', 'Int', ids);
    const total = createColumn('total', 'Int', ids, { nullable: true, generated: { expression: 'qty * 2', stored: true } });
    qty.comment = 'how many';
    t.columns.push(id, qty, total);
    t.primaryKey = { columns: [{ column: id.id }] };
    t.checks.push({ id: 'chk_1', dbName: 'qty_pos', expression: 'qty > 0' });
    doc.tables[t.id] = t;
    doc.raw.raw_1 = { id: 'raw_1', dialect: 'postgresql', kind: 'function', name: 'touch', text: 'CREATE FUNCTION touch() ...' };
    doc.raw.raw_2 = { id: 'raw_2', dialect: 'postgresql', kind: 'function', name: 'audit', text: 'CREATE FUNCTION audit() ...' };
    doc.raw.raw_3 = { id: 'raw_3', dialect: 'postgresql', kind: 'trigger', text: 'CREATE TRIGGER tr BEFORE INSERT ON orders ...' };
    const r = await exportPrisma(doc);
    const warnings = r.diagnostics.filter((d) => d.code === 'prisma/not-expressible').map((d) => d.message);
    expect(warnings).toEqual([
      'table orders: check constraints cannot be written in Prisma and were left out: qty_pos',
      expect.stringMatching(/^table orders: generated columns are written with @default\(dbgenerated\(...\)\), as prisma db pull writes them .*: total$/),
      expect.stringMatching(/^table orders: identity columns are written as autoincrement\(\), as prisma db pull writes them .*: id$/),
      'database comments cannot be written in Prisma and were left out: column orders.qty',
      'raw SQL the document keeps, left out because Prisma cannot express it: 2 function: touch, audit',
      'raw SQL the document keeps, left out because Prisma cannot express it: 1 trigger: CREATE TRIGGER tr BEFORE INSERT ON orders ...',
    ]);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
