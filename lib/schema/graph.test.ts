import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from './serialize';
import { keysOf, relationIdsOf } from './graph';

describe('cached graph lookups', () => {
  const doc = parseDocument(readFileSync(path.resolve(import.meta.dirname, '../../prisma/blog.schemata.json'), 'utf8'));
  it('has relations to look up', () => expect(Object.keys(doc.relations).length).toBeGreaterThan(1));
  it('relationIdsOf lists each relation touching a table once, the same array until relations change', () => {
    for (const t of Object.keys(doc.tables)) {
      const want = Object.values(doc.relations)
        .filter((r) => (r.kind === 'foreign-key' ? r.from.table === t || r.to.table === t : r.a.table === t || r.b.table === t))
        .map((r) => r.id);
      expect(relationIdsOf(doc.relations, t)).toEqual(want);
      expect(relationIdsOf(doc.relations, t)).toBe(relationIdsOf(doc.relations, t));
    }
    expect(relationIdsOf({ ...doc.relations }, Object.keys(doc.tables)[0])).not.toBe(relationIdsOf(doc.relations, Object.keys(doc.tables)[0]));
  });
  it('keysOf is Object.keys, cached per object', () => {
    expect(keysOf(doc.tables)).toEqual(Object.keys(doc.tables));
    expect(keysOf(doc.tables)).toBe(keysOf(doc.tables));
  });
});
