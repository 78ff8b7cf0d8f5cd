import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from './serialize';
import { searchSchema } from './search';

const doc = parseDocument(readFileSync(path.resolve(import.meta.dirname, '../../prisma/blog.schemata.json'), 'utf8'));

describe('searchSchema', () => {
  it('ranks tables and columns: exact, then prefix, then substring', () => {
    const r = searchSchema(doc, 'post');
    expect(r[0]).toMatchObject({ label: 'Post', detail: 'table' });
    expect(r.map((x) => x.label)).toContain('Comment.postId');
  });
  it('finds columns by database name', () => {
    expect(searchSchema(doc, 'created_at')[0].label).toBe('User.createdAt');
  });
  it('lists tables for an empty query', () => {
    expect(searchSchema(doc, '')).toHaveLength(5);
  });
});
