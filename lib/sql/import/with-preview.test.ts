import { beforeAll, describe, expect, it } from 'vitest';
import { bootCachedPg } from '../../pglite/snapshot-node';
import { loadPgQueryNode } from '../preview/pg-query-node';
import type { ImportResult } from '../../formats/types';
import { importPostgres } from './postgres';
import { importPostgresWithPreview } from './with-preview';

beforeAll(() => loadPgQueryNode());

const boot = (ext: string[]) => bootCachedPg({ extensions: ext });
const SCRIPT = `CREATE TABLE author (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE book (id serial PRIMARY KEY, author_id int NOT NULL REFERENCES author(id), title text);
CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';
INSERT INTO author (name) VALUES ('a');`;

describe('PostgreSQL import with a preview (as the import worker runs it)', () => {
  it('shows a laid-out preview, then gives the checked document with its ids and positions', async () => {
    const previews: ImportResult[] = [];
    const files = [{ path: 'x.sql', text: SCRIPT }];
    const result = await importPostgresWithPreview(files, { boot, onPreview: (p) => previews.push(p) });
    expect(previews).toHaveLength(1);
    const preview = previews[0].document;
    const ids = Object.keys(preview.tables);
    expect(ids).toHaveLength(2);
    for (const id of ids) expect(preview.layout.nodes[id]).toEqual({ x: expect.any(Number), y: expect.any(Number) });
    expect(result.fromPreview).toBe(true);
    expect(Object.keys(result.document.tables).sort()).toEqual([...ids].sort());
    expect(result.document.layout.nodes).toEqual(preview.layout.nodes);
    // What PostgreSQL checked, not what the parser saw: the raw function is there, like a plain import.
    const plain = await importPostgres(files, { boot });
    expect(Object.values(result.document.raw).map((r) => r.kind)).toEqual(Object.values(plain.document.raw).map((r) => r.kind));
    expect(result.diagnostics).toEqual(plain.diagnostics);
    const cols = (d: typeof preview) => Object.values(d.tables).map((t) => [t.name, t.columns.map((c) => c.name)]);
    expect(cols(result.document)).toEqual(cols(plain.document));
  });

  it('a preview that could not be shown (the listener threw) is not followed', async () => {
    const result = await importPostgresWithPreview([{ path: 'x.sql', text: SCRIPT }], {
      boot,
      onPreview: () => {
        throw new Error('could not post');
      },
    });
    expect(result.fromPreview).toBeUndefined();
    expect(Object.keys(result.document.tables)).toHaveLength(2);
  });

  it('without a preview (no listener, or nothing to show) gives the plain import', async () => {
    const quiet = await importPostgresWithPreview([{ path: 'x.sql', text: SCRIPT }], { boot });
    expect(quiet.fromPreview).toBeUndefined();
    const previews: ImportResult[] = [];
    const none = await importPostgresWithPreview([{ path: 'y.sql', text: 'CREATE SCHEMA s;' }], { boot, onPreview: (p) => previews.push(p) });
    expect(previews).toEqual([]);
    expect(none.fromPreview).toBeUndefined();
  });
});
