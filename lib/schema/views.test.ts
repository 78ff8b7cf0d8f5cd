import { describe, expect, it } from 'vitest';
import { viewRows } from './views';

describe('viewRows', () => {
  const enums = { enum_1: { id: 'enum_1', name: 'Mood', values: [] } };

  it("gives a SQL import's columns with their types, optional", () => {
    const rows = viewRows({ enums }, { id: 'view_1', name: 'v', columns: [{ id: 'col_1', name: 'n', type: { kind: 'BigInt' } }, { id: 'col_2', name: 'm', type: { kind: 'Enum', enumId: 'enum_1', array: true } }], prismaBody: '  ignored Int' });
    expect(rows).toEqual([{ name: 'n', type: 'BigInt?' }, { name: 'm', type: 'Mood[]' }]);
  });

  it('gives the fields a Prisma body declares, as written, without comments and block attributes', () => {
    const rows = viewRows({ enums }, { id: 'view_1', name: 'v', prismaBody: '  id   Int    @unique\n  // a note\n\n  name String?\n  @@map("v_names")' });
    expect(rows).toEqual([{ name: 'id', type: 'Int @unique' }, { name: 'name', type: 'String?' }]);
  });
});
