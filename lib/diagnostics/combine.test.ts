import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument, tableByName } from '../schema';
import { checkDocument } from './check';
import { prismaIssues } from './prisma';
import { withoutEchoes } from './combine';

const sample = () => parseDocument(readFileSync(path.resolve(import.meta.dirname, '../../prisma/blog.schemata.json'), 'utf8'));

describe('withoutEchoes', () => {
  it('lists a foreign key whose types differ once, as the design check names it, not again as Prisma words it', async () => {
    const doc = sample();
    const post = tableByName(doc, 'Post')!;
    const authorId = post.columns.find((c) => c.name === 'authorId')!;
    authorId.type = { ...authorId.type, kind: 'String' };
    const design = checkDocument(doc);
    const prisma = await prismaIssues(doc);
    // Both find it (else this test could not fail) ...
    expect(design.filter((d) => d.code === 'type-mismatch')).toHaveLength(1);
    expect(prisma.filter((d) => /is not matching the type/.test(d.message))).toHaveLength(1);
    // ... and the list has it once.
    const all = [...design, ...withoutEchoes(doc, design, prisma)];
    expect(all.filter((d) => /types differ|is not matching the type/.test(d.message))).toEqual([expect.objectContaining({ code: 'type-mismatch', columnId: authorId.id })]);
  });

  it("keeps Prisma's errors that no design check repeats, and a type mismatch of another field", async () => {
    const doc = sample();
    const post = tableByName(doc, 'Post')!;
    const authorId = post.columns.find((c) => c.name === 'authorId')!;
    authorId.type = { ...authorId.type, kind: 'String' };
    const design = checkDocument(doc).map((d) => (d.code === 'type-mismatch' ? { ...d, columnId: post.columns.find((c) => c.name === 'title')!.id } : d));
    const prisma = await prismaIssues(doc);
    expect(withoutEchoes(doc, design, prisma)).toHaveLength(prisma.length);
  });

  it('lists a reference to columns that are not unique once', async () => {
    const doc = sample();
    const user = tableByName(doc, 'User')!;
    delete user.primaryKey;
    user.indexes = user.indexes.filter((ix) => !ix.unique);
    const design = checkDocument(doc);
    const prisma = await prismaIssues(doc);
    expect(prisma.some((d) => /must refer to a unique criterion/.test(d.message))).toBe(true);
    const all = [...design, ...withoutEchoes(doc, design, prisma)];
    expect(all.filter((d) => /unique criterion/.test(d.message))).toEqual([]);
    expect(all.filter((d) => d.code === 'not-unique-target').length).toBeGreaterThan(0);
    // Prisma's message about a reference to another model from the same table is not an echo of it.
    const other = prisma.filter((d) => /unique criterion/.test(d.message)).map((d) => ({ ...d, message: d.message.replace('in the model `User`', 'in the model `Tag`') }));
    expect(withoutEchoes(doc, design, other)).toEqual(other);
  });
});
