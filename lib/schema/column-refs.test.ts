import { describe, expect, it } from 'vitest';
import { namesColumn, renameColumnRefs } from './column-refs';

describe('column references in expressions', () => {
  it('finds a column, not a cast, a function, a string, a qualified name or a keyword', () => {
    const check = `length((title)::text) > 0 AND kind <> 'price' AND "Mixed" IS NOT NULL AND s.date = now()`;
    expect(namesColumn(check, 'title')).toBe(true);
    expect(namesColumn(check, 'kind')).toBe(true);
    expect(namesColumn(check, 'Mixed')).toBe(true);
    expect(namesColumn(check, 'mixed')).toBe(false);
    for (const no of ['text', 'length', 'price', 'now', 'date', 's', 'and', 'null']) expect(namesColumn(check, no)).toBe(false);
    expect(namesColumn(`(price IS NULL OR length(title) > 1)`, 'price')).toBe(true);
    expect(namesColumn(`E'it''s \\' price'`, 'price')).toBe(false);
  });

  it('renames the references only', () => {
    expect(renameColumnRefs(`price > 0::numeric AND 'price' <> price_2 AND lower(price::text) <> ''`, 'price', 'cost')).toBe(`"cost" > 0::numeric AND 'price' <> price_2 AND lower("cost"::text) <> ''`);
    expect(renameColumnRefs(`"Price" > 0 AND price > 1`, 'Price', 'a"b')).toBe(`"a""b" > 0 AND price > 1`);
  });
});
