import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validateDocument, assertValidDocument, DocumentValidationError } from './validate';
import type { SchemaDocument } from './types';

const samplePath = path.resolve(import.meta.dirname, '../../prisma/blog.schemata.json');
const sample = (): SchemaDocument => JSON.parse(readFileSync(samplePath, 'utf8'));
const firstTable = (d: SchemaDocument) => Object.values(d.tables)[0];
const tableNamed = (d: SchemaDocument, n: string) => Object.values(d.tables).find((t) => t.name === n)!;

describe('validateDocument', () => {
  it('accepts the sample document', () => {
    expect(validateDocument(sample())).toEqual([]);
  });

  // Each case breaks one thing and names the path the message must point at.
  const cases: [string, (d: SchemaDocument) => void, string, RegExp][] = [
    ['wrong format', (d) => ((d as { format: string }).format = 'other'), 'format', /expected "schemata"/],
    ['future version', (d) => (d.version = 99), 'version', /expected 2/],
    ['unknown provider', (d) => ((d.settings as { provider: string }).provider = 'oracle'), 'settings.provider', /one of postgresql/],
    ['table id mismatch', (d) => (firstTable(d).id = 'tbl_other'), 'tables.tbl_1.id', /must equal its key/],
    ['empty table name', (d) => (firstTable(d).name = ''), 'tables.tbl_1.name', /must not be empty/],
    ['bad column type kind', (d) => ((firstTable(d).columns[1].type as { kind: string }).kind = 'Strin'), 'tables.tbl_1.columns[1].type.kind', /got "Strin"/],
    ['nullable not boolean', (d) => ((firstTable(d).columns[0] as { nullable: unknown }).nullable = 'yes'), 'tables.tbl_1.columns[0].nullable', /true or false/],
    ['duplicate column name', (d) => (firstTable(d).columns[2].name = 'email'), 'tables.tbl_1.columns[2].name', /duplicate column name "email"/],
    ['enum column with unknown enum', (d) => (firstTable(d).columns[3].type.enumId = 'enum_404'), 'tables.tbl_1.columns[3].type.enumId', /unknown enum "enum_404"/],
    ['bad default kind', (d) => ((firstTable(d).columns[0].default as { kind: string }).kind = 'magic'), 'tables.tbl_1.columns[0].default.kind', /one of literal/],
    ['primary key on missing column', (d) => (firstTable(d).primaryKey!.columns[0].column = 'col_404'), 'tables.tbl_1.primaryKey.columns[0].column', /not in this table/],
    ['index without columns', (d) => (firstTable(d).indexes[0].columns = []), 'tables.tbl_1.indexes[0].columns', /at least one column/],
    ['unknown index method', (d) => ((firstTable(d).indexes[0] as { method: string }).method = 'rtree'), 'tables.tbl_1.indexes[0].method', /one of btree/],
    ['foreign key to unknown table', (d) => {
      const r = Object.values(d.relations).find((x) => x.kind === 'foreign-key')!;
      if (r.kind === 'foreign-key') r.to.table = 'tbl_404';
    }, 'relations.rel_1.to.table', /unknown table "tbl_404"/],
    ['foreign key column arity mismatch', (d) => {
      const r = Object.values(d.relations)[0];
      if (r.kind === 'foreign-key') r.to.columns.push(tableNamed(d, 'User').columns[1].id);
    }, 'relations.rel_1.to.columns', /has 2 columns but from.columns has 1/],
    ['foreign key column from another table', (d) => {
      const r = Object.values(d.relations)[0];
      if (r.kind === 'foreign-key') r.from.columns = [tableNamed(d, 'User').columns[1].id];
    }, 'relations.rel_1.from.columns[0]', /not in table/],
    ['duplicate enum value', (d) => (Object.values(d.enums)[0].values[1].name = 'USER'), 'enums.enum_1.values[1].name', /duplicate enum value "USER"/],
    ['layout for unknown object', (d) => (d.layout.nodes['tbl_ghost'] = { x: 0, y: 0 }), 'layout.nodes.tbl_ghost', /unknown object/],
    ['layout position not a number', (d) => ((firstTable(d) && d.layout.nodes.tbl_1) as { x: unknown }).x = 'left', 'layout.nodes.tbl_1.x', /finite number/],
    ['duplicate id across objects', (d) => (firstTable(d).columns[1].id = firstTable(d).columns[0].id), 'tables.tbl_1.columns[1]', /duplicate id "col_1"/],
    ['invalid id key', (d) => {
      const t = firstTable(d);
      d.tables = { '42': { ...t, id: '42' } };
    }, 'tables.42', /not a valid id/],
    ['tables not an object', (d) => ((d as { tables: unknown }).tables = []), 'tables', /expected an object, got an array/],
    ['view column of unknown enum', (d) => (d.views.view_1 = { id: 'view_1', name: 'v', columns: [{ id: 'col_v1', name: 'k', type: { kind: 'Enum', enumId: 'enum_404' } }] }), 'views.view_1.columns[0].type.enumId', /unknown enum "enum_404"/],
    ['duplicate view column name', (d) => (d.views.view_1 = { id: 'view_1', name: 'v', columns: [{ id: 'col_v1', name: 'a', type: { kind: 'Int' } }, { id: 'col_v2', name: 'a', type: { kind: 'Int' } }] }), 'views.view_1.columns[1].name', /duplicate column name "a"/],
    ['view column id taken', (d) => (d.views.view_1 = { id: 'view_1', name: 'v', columns: [{ id: 'col_1', name: 'a', type: { kind: 'Int' } }] }), 'views.view_1.columns[0]', /duplicate id "col_1"/],
  ];

  it.each(cases)('rejects %s with a path-specific message', (_name, breakIt, expectedPath, message) => {
    const doc = sample();
    breakIt(doc);
    const issues = validateDocument(doc);
    const hit = issues.find((i) => i.path === expectedPath);
    expect(hit, `issues were: ${JSON.stringify(issues)}`).toBeDefined();
    expect(hit!.message).toMatch(message);
  });

  it('assertValidDocument throws an error that names the path', () => {
    const doc = sample();
    firstTable(doc).columns[0].name = '';
    expect(() => assertValidDocument(doc)).toThrow(DocumentValidationError);
    expect(() => assertValidDocument(doc)).toThrow(/tables\.tbl_1\.columns\[0\]\.name: must not be empty/);
  });

  it('rejects non-objects at the root', () => {
    expect(validateDocument(null)).toEqual([{ path: '$', message: 'expected an object, got null' }]);
  });
});
