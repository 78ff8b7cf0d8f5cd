import { describe, expect, it } from 'vitest';
import { bootCachedPg } from '../../pglite/snapshot-node';
import { importPostgres } from './postgres';

describe('an extension PGlite does not have', () => {
  it('is named where a statement fails on a name it would have made, before or after the script creates it', async () => {
    const text = [
      'CREATE TABLE d (id int PRIMARY KEY, h hll);',
      'CREATE EXTENSION hll;',
      'CREATE EXTENSION hstore;',
      'CREATE TABLE e (id int PRIMARY KEY, h hll, tags hstore);',
      'CREATE TABLE f (id int PRIMARY KEY, n numeric DEFAULT no_such_function());',
      'CREATE TABLE g (id int PRIMARY KEY, tags hstore);',
      'CREATE TABLE h (id int PRIMARY KEY, s text COLLATE "no_such");',
    ].join('\n');
    const { document, diagnostics } = await importPostgres([{ path: 'x.sql', text }], { boot: (extensions) => bootCachedPg({ extensions }) });
    expect(diagnostics.map((d) => [d.line, d.severity, d.message])).toEqual([
      [1, 'error', 'statement skipped (type "hll" does not exist; the script creates extension hll, which PGlite does not have): CREATE TABLE d (id int PRIMARY KEY, h hll)'],
      [2, 'warning', 'statement skipped (extension "hll" is not available): CREATE EXTENSION hll'],
      [4, 'error', 'statement skipped (type "hll" does not exist; the script creates extension hll, which PGlite does not have): CREATE TABLE e (id int PRIMARY KEY, h hll, tags hstore)'],
      [5, 'error', expect.stringMatching(/^statement skipped \(function no_such_function\(\) does not exist; the script creates extension hll, which PGlite does not have\)/)],
      // Not a type, function or operator: no extension is named.
      [7, 'error', expect.stringMatching(/^statement skipped \(collation "no_such" for encoding "UTF8" does not exist\): /)],
    ]);
    expect(Object.values(document.tables).map((t) => t.name)).toEqual(['g']);
  });

  it('is not named when the script creates none', async () => {
    const { diagnostics } = await importPostgres([{ path: 'x.sql', text: 'CREATE TABLE d (id int PRIMARY KEY, h hll);' }], { boot: (extensions) => bootCachedPg({ extensions }) });
    expect(diagnostics.map((d) => d.message)).toEqual(['statement skipped (type "hll" does not exist): CREATE TABLE d (id int PRIMARY KEY, h hll)']);
  });
});
