import { describe, expect, it } from 'vitest';
import { autoValueOf, columnTypeLabel, typeChoiceOf, typeFromChoice, withAutoValue } from './column-edit';
import type { Column } from './types';

const col = (extra: Partial<Column> = {}): Column => ({ id: 'col_1', name: 'id', type: { kind: 'Int' }, nullable: false, ...extra });

describe('column editing', () => {
  it('maps type choices both ways, keeping list flags and same-type arguments', () => {
    expect(typeChoiceOf({ kind: 'String', native: { name: 'VarChar', args: ['40'] } })).toBe('pg:VarChar');
    expect(typeChoiceOf({ kind: 'Enum', enumId: 'enum_1' })).toBe('enum:enum_1');
    expect(typeFromChoice('pg:VarChar', { kind: 'String', array: true })).toEqual({ kind: 'String', native: { name: 'VarChar', args: ['255'] }, array: true });
    expect(typeFromChoice('pg:VarChar', { kind: 'String', native: { name: 'VarChar', args: ['40'] } }).native!.args).toEqual(['40']);
    expect(typeFromChoice('pg:Decimal', { kind: 'Int' })).toEqual({ kind: 'Decimal', native: { name: 'Decimal', args: ['10', '2'] } });
    expect(typeFromChoice('scalar:Json', { kind: 'Int' })).toEqual({ kind: 'Json' });
    const unsupported = { kind: 'Unsupported' as const, unsupported: 'tsvector' };
    expect(typeFromChoice('unsupported', unsupported)).toBe(unsupported);
  });

  it('switches between autoincrement, identity and none, keeping a plain default', () => {
    const plain = col({ default: { kind: 'literal', value: 7 } });
    expect(autoValueOf(plain)).toBe('none');
    expect(withAutoValue(plain, 'none')).toEqual({ identity: undefined, default: { kind: 'literal', value: 7 } });
    const auto = col(withAutoValue(plain, 'autoincrement'));
    expect(autoValueOf(auto)).toBe('autoincrement');
    expect(withAutoValue(auto, 'none')).toEqual({ identity: undefined, default: undefined });
    const identity = col(withAutoValue(auto, 'always'));
    expect(identity).toMatchObject({ identity: { generation: 'always' }, default: undefined });
    expect(autoValueOf(identity)).toBe('always');
  });

  it('labels types with native type, list and optional markers', () => {
    const enums = { enum_1: { id: 'enum_1', name: 'Role', values: [] } };
    expect(columnTypeLabel({ enums }, col({ type: { kind: 'Enum', enumId: 'enum_1' }, nullable: true }))).toBe('Role?');
    expect(columnTypeLabel({ enums }, col({ type: { kind: 'String', native: { name: 'VarChar', args: ['9'] }, array: true } }))).toBe('String[] @db.VarChar(9)');
    // Prisma has no optional lists: a nullable array column is written `String[]`.
    expect(columnTypeLabel({ enums }, col({ type: { kind: 'String', array: true }, nullable: true }))).toBe('String[]');
    expect(columnTypeLabel({ enums }, col({ type: { kind: 'String', native: { name: 'Text', args: [] } }, nullable: true }))).toBe('String? @db.Text');
    // A type Prisma does not support shows its SQL type, `public.` left out as for a domain.
    expect(columnTypeLabel({ enums }, col({ type: { kind: 'Unsupported', unsupported: 'public.geometry(Polygon,4326)' } }))).toBe('geometry(Polygon,4326)');
    expect(columnTypeLabel({ enums }, col({ type: { kind: 'Unsupported', unsupported: 'gis.geometry' }, nullable: true }))).toBe('gis.geometry?');
  });
});
