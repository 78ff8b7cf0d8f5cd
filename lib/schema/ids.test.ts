import { describe, expect, it } from 'vitest';
import { ID_PATTERN, newId, sequentialIds } from './ids';

describe('ids', () => {
  it('makes distinct random ids past the random pool refills', () => {
    const ids = Array.from({ length: 2000 }, () => newId('col'));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^col_[a-z0-9]{10}$/);
    expect(ids.every((id) => ID_PATTERN.test(id))).toBe(true);
  });

  it('numbers ids per prefix when sequential', () => {
    const next = sequentialIds();
    expect([next('tbl'), next('col'), next('tbl')]).toEqual(['tbl_1', 'col_1', 'tbl_2']);
  });
});
