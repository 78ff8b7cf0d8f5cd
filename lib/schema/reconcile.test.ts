import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from './serialize';
import { reconcile } from './reconcile';
import { validateDocument } from './validate';
import { tableByName } from './document';
import type { SchemaDocument } from './types';

const sample = () => parseDocument(readFileSync(path.resolve(import.meta.dirname, '../../prisma/blog.schemata.json'), 'utf8'));

/** The same schema with every id replaced, as a fresh import would produce. */
function reimported(doc: SchemaDocument): SchemaDocument {
  const text = JSON.stringify({ ...doc, layout: { nodes: {}, groups: {}, notes: {} } }).replace(/"((?:tbl|col|idx|rel|enum|val)_[a-z0-9]+)"/g, '"$1x"');
  return JSON.parse(text);
}

describe('reconcile', () => {
  it('maps a re-import back onto the previous ids and keeps the layout', () => {
    const prev = sample();
    const next = reconcile(prev, reimported(prev));
    expect(next).toEqual(prev);
  });

  it('keeps two indexes on the same columns apart, and relations of a table renamed with @@map', () => {
    const prev = sample();
    const post = tableByName(prev, 'Post')!;
    const col = post.columns[1].id;
    post.indexes.push({ id: 'idx_plain', unique: false, columns: [{ column: col }] }, { id: 'idx_hash', unique: false, method: 'hash', columns: [{ column: col }] });
    const edited = reimported(prev);
    const user = tableByName(edited, 'User')!;
    user.dbName = user.name;
    user.name = 'Member';
    const next = reconcile(prev, edited);
    expect(tableByName(next, 'Post')!.indexes.map((ix) => ix.id)).toEqual(post.indexes.map((ix) => ix.id));
    expect(Object.keys(next.relations)).toEqual(Object.keys(prev.relations));
  });

  it('keeps the ids of a view and its columns', () => {
    const prev = sample();
    prev.views.view_1 = { id: 'view_1', name: 'recent', columns: [{ id: 'col_v1', name: 'id', type: { kind: 'Int' } }, { id: 'col_v2', name: 'title', type: { kind: 'String' } }] };
    const text = JSON.stringify(prev).replace(/"((?:view|col)_v?[a-z0-9]+)"/g, '"$1x"');
    const next = reconcile(prev, JSON.parse(text));
    expect(next.views).toEqual(prev.views);
    expect(validateDocument(next)).toEqual([]);
  });

  it('keeps ids of unchanged objects when a table is added and a column renamed', () => {
    const prev = sample();
    const edited = reimported(prev);
    const post = tableByName(edited, 'Post')!;
    post.columns[1].name = 'headline';
    edited.tables.tbl_new = { id: 'tbl_new', name: 'Tag', columns: [], indexes: [], checks: [] };
    const next = reconcile(prev, edited);
    expect(validateDocument(next)).toEqual([]);
    const oldPost = tableByName(prev, 'Post')!;
    expect(tableByName(next, 'Post')!.id).toBe(oldPost.id);
    expect(next.layout.nodes[oldPost.id]).toEqual(prev.layout.nodes[oldPost.id]);
    expect(tableByName(next, 'Post')!.columns[0].id).toBe(oldPost.columns[0].id);
    expect(tableByName(next, 'Post')!.columns[1].id).not.toBe(oldPost.columns[1].id); // a text rename is a new name
    expect(tableByName(next, 'Tag')!.id).toBe('tbl_new');
    // The new table gets a place right of the others.
    const maxX = Math.max(...Object.values(prev.layout.nodes).map((n) => n.x));
    expect(next.layout.nodes.tbl_new.x).toBeGreaterThan(maxX);
  });
});
