import { describe, expect, it } from 'vitest';
import { migrateDocument, MIGRATIONS, FormatVersionError } from './migrations';
import { validateDocument } from './validate';
import { FORMAT_VERSION } from './types';
import { V1_DOCUMENT } from './fixtures';

const v1 = V1_DOCUMENT;

describe('format migrations', () => {
  it('are ordered and contiguous up to the current version', () => {
    MIGRATIONS.forEach((m, i) => {
      expect(m.to).toBe(m.from + 1);
      if (i > 0) expect(m.from).toBe(MIGRATIONS[i - 1].to);
    });
    expect(MIGRATIONS.at(-1)!.to).toBe(FORMAT_VERSION);
  });

  it('upgrades a format-1 document: positions move to layout, new sections appear', () => {
    const before = structuredClone(v1);
    const doc = migrateDocument(v1) as { version: number; tables: Record<string, Record<string, unknown>>; layout: Record<string, Record<string, unknown>>; raw: unknown; views: unknown };
    expect(v1).toEqual(before); // pure
    expect(doc.version).toBe(2);
    expect(doc.tables.tbl_a.position).toBeUndefined();
    expect(doc.tables.tbl_a.color).toBeUndefined();
    expect(doc.layout.nodes.tbl_a).toEqual({ x: 10, y: 20, color: '#ff0000' });
    expect(doc.layout.nodes.tbl_b).toBeUndefined();
    expect(doc.layout.groups).toEqual({});
    expect(doc.raw).toEqual({});
    expect(doc.views).toEqual({});
    expect(validateDocument(doc)).toEqual([]);
  });

  it('leaves a current document unchanged', () => {
    const current = migrateDocument(v1);
    expect(migrateDocument(current)).toBe(current);
  });

  it('refuses documents from a newer Schemata', () => {
    expect(() => migrateDocument({ ...v1, version: FORMAT_VERSION + 1 })).toThrow(FormatVersionError);
    expect(() => migrateDocument({ ...v1, version: 'one' })).toThrow(/positive integer/);
  });
});
