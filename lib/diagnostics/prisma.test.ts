import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument, tableByName } from '../schema';
import { prismaIssues } from './prisma';

const sample = () => parseDocument(readFileSync(path.resolve(import.meta.dirname, '../../prisma/blog.schemata.json'), 'utf8'));

describe('prismaIssues', () => {
  it('finds nothing in the sample', async () => {
    expect(await prismaIssues(sample())).toEqual([]);
  });

  it("locates Prisma's errors in the model they belong to", async () => {
    const doc = sample();
    const category = tableByName(doc, 'Category')!;
    delete doc.tables[category.id].primaryKey;
    doc.tables[category.id].indexes = [];
    const issues = await prismaIssues(doc);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0]).toMatchObject({ severity: 'error', code: 'prisma', tableId: category.id });
    expect(issues[0].line).toBeGreaterThan(0);
  });
});
