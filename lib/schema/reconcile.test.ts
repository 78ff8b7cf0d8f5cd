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

  it('keeps a many-to-many relation whose sides come the other way round', () => {
    const prev = sample();
    const edited = reimported(prev);
    for (const r of Object.values(edited.relations)) if (r.kind === 'many-to-many') [r.a, r.b] = [r.b, r.a];
    const next = reconcile(prev, edited);
    expect(Object.keys(next.relations).sort()).toEqual(Object.keys(prev.relations).sort());
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
    expect(tableByName(next, 'Post')!.columns[1].id).toBe(oldPost.columns[1].id); // renamed in place
    expect(tableByName(next, 'Tag')!.id).toBe('tbl_new');
    // The new table gets a place right of the others.
    const maxX = Math.max(...Object.values(prev.layout.nodes).map((n) => n.x));
    expect(next.layout.nodes.tbl_new.x).toBeGreaterThan(maxX);
  });

  it('pairs what is renamed in place, and only that', () => {
    const prev = sample();
    const post = tableByName(prev, 'Post')!;
    const edited = reimported(prev);
    const cols = tableByName(edited, 'Post')!.columns;
    // A new column between two that stay is new; a column of another kind where one went is new too.
    cols.splice(1, 0, { ...cols[1], id: 'col_added', name: 'added' });
    const kindOf = cols.findIndex((c) => c.type.kind !== 'String' && c.name !== 'id');
    const other = { ...cols[kindOf], name: `${cols[kindOf].name}_x`, type: { kind: 'String' as const } };
    cols[kindOf] = other;
    const next = reconcile(prev, edited);
    const ids = tableByName(next, 'Post')!.columns.map((c) => c.id);
    expect(ids).toContain('col_added');
    expect(ids).not.toContain(post.columns[kindOf - 1].id);
    expect(ids.filter((id) => post.columns.some((c) => c.id === id))).toHaveLength(post.columns.length - 1);
  });

  it('pairs a renamed model, enum and view with the one they share most names with, unless two tie', () => {
    const prev = sample();
    prev.views.view_1 = { id: 'view_1', name: 'recent', columns: [{ id: 'col_v1', name: 'id', type: { kind: 'Int' } }, { id: 'col_v2', name: 'title', type: { kind: 'String' } }] };
    const en = Object.values(prev.enums)[0];
    const user = tableByName(prev, 'User')!;
    const edited = reimported(prev);
    tableByName(edited, 'User')!.name = 'Member';
    Object.values(edited.enums).find((e) => e.name === en.name)!.name = 'Renamed';
    Object.values(edited.views)[0].name = 'latest';
    const next = reconcile(prev, edited);
    expect(tableByName(next, 'Member')!.id).toBe(user.id);
    expect(tableByName(next, 'Member')!.columns.map((c) => c.id)).toEqual(user.columns.map((c) => c.id));
    expect(Object.values(next.enums).find((e) => e.name === 'Renamed')!.id).toBe(en.id);
    expect(next.views.view_1?.name).toBe('latest');

    // Two copies of a removed model: neither is it.
    const twice = reimported(prev);
    const member = tableByName(twice, 'User')!;
    member.name = 'Member';
    twice.tables.tbl_copy = { ...member, id: 'tbl_copy', name: 'Copy', columns: member.columns.map((c) => ({ ...c, id: `${c.id}c` })) };
    const ids = Object.keys(reconcile(prev, twice).tables);
    expect(ids).not.toContain(user.id);
  });

  it('does not take a model for another that shares only one field with it', () => {
    const prev = sample();
    prev.tables.tbl_tag = { id: 'tbl_tag', name: 'tag', columns: [{ id: 'col_t1', name: 'id', type: { kind: 'Int' }, nullable: false }, { id: 'col_t2', name: 'name', type: { kind: 'String' }, nullable: false }], indexes: [], checks: [] };
    const edited = reimported(prev);
    const tag = edited.tables.tbl_tagx;
    tag.name = 'color';
    tag.columns[1].name = 'hex';
    expect(reconcile(prev, edited).tables.tbl_tag).toBeUndefined();
    tag.columns[1].name = 'name';
    expect(reconcile(prev, edited).tables.tbl_tag?.name).toBe('color');
  });
});
