import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument, tableByName } from '../schema';
import { checkDocument } from './check';

const sample = () => parseDocument(readFileSync(path.resolve(import.meta.dirname, '../../prisma/blog.schemata.json'), 'utf8'));

describe('checkDocument', () => {
  it('finds nothing wrong in the sample', () => {
    expect(checkDocument(sample())).toEqual([]);
  });

  it('reports duplicate names, type mismatches, non-unique targets and missing keys, each with its table', () => {
    const doc = sample();
    const post = tableByName(doc, 'Post')!;
    const user = tableByName(doc, 'User')!;
    const cat = tableByName(doc, 'Category')!;
    cat.name = 'Post';
    post.columns.find((c) => c.name === 'authorId')!.type = { kind: 'String' };
    const comment = tableByName(doc, 'Comment')!;
    const rel = Object.values(doc.relations).find((r) => r.kind === 'foreign-key' && r.from.table === comment.id && r.to.table === user.id)!;
    if (rel.kind === 'foreign-key') rel.to.columns = [user.columns.find((c) => c.name === 'name')!.id];
    delete doc.tables[comment.id].primaryKey;
    const codes = checkDocument(doc).map((i) => [i.code, doc.tables[i.tableId!]?.name]);
    expect(codes).toContainEqual(['duplicate-name', 'Post']);
    expect(codes).toContainEqual(['type-mismatch', 'Post']);
    expect(codes).toContainEqual(['not-unique-target', 'Comment']);
    expect(codes).toContainEqual(['type-mismatch', 'Comment']); // Int authorId → String? name
    expect(codes).toContainEqual(['no-primary-key', 'Comment']);
  });

  it('reports foreign keys to missing columns', () => {
    const doc = sample();
    const rel = Object.values(doc.relations).find((r) => r.kind === 'foreign-key')!;
    if (rel.kind === 'foreign-key') rel.to.columns = ['col_gone'];
    expect(checkDocument(doc).map((i) => i.code)).toContain('missing-column');
  });
});
