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
    expect(renameColumnRefs(`price > 0::numeric AND 'price' <> price_2 AND lower(price::text) <> ''`, [['price', 'cost']])).toBe(`"cost" > 0::numeric AND 'price' <> price_2 AND lower("cost"::text) <> ''`);
    expect(renameColumnRefs(`"Price" > 0 AND price > 1`, [['Price', 'a"b']])).toBe(`"a""b" > 0 AND price > 1`);
  });

  it('renames all at once: swapped and chained names', () => {
    expect(renameColumnRefs(`a < b AND b > 0`, [['a', 'b'], ['b', 'a']])).toBe(`"b" < "a" AND "a" > 0`);
    expect(renameColumnRefs(`a < b AND b > 0`, [['a', 'b'], ['b', 'c']])).toBe(`"b" < "c" AND "c" > 0`);
  });

  it("leaves an index column's options and a constraint's attributes alone", () => {
    const list = `(lower(title), created_at DESC NULLS LAST, "desc" text_pattern_ops, code COLLATE "C") INCLUDE (first) WHERE (last IS NULL)`;
    for (const no of ['desc', 'nulls', 'text_pattern_ops', 'C', 'lower']) expect(namesColumn(list.replace('"desc"', 'x'), no), no).toBe(false);
    for (const yes of ['title', 'created_at', 'desc', 'code', 'first', 'last']) expect(namesColumn(list, yes), yes).toBe(true);
    expect(renameColumnRefs(list, [['desc', 'description']])).toBe(list.replace('"desc" text_pattern_ops', '"description" text_pattern_ops'));
    expect(namesColumn(`UNIQUE (code) DEFERRABLE INITIALLY DEFERRED`, 'deferrable')).toBe(false);
  });

  it('leaves type names, AT TIME ZONE, typed literals and EXTRACT fields alone', () => {
    const expr = `date((created AT TIME ZONE 'UTC'::text)) > date '2020-01-01' AND (x)::timestamp without time zone IS NOT NULL AND (price)::double precision > extract(year FROM made) AND CAST(at AS character varying) <> ''`;
    for (const no of ['at', 'time', 'zone', 'without', 'precision', 'year', 'date', 'character', 'varying', 'double', 'timestamp']) expect(namesColumn(expr, no), no).toBe(no === 'at');
    for (const yes of ['created', 'x', 'price', 'made']) expect(namesColumn(expr, yes), yes).toBe(true);
    expect(renameColumnRefs(expr, [['zone', 'tz'], ['time', 't'], ['at', 'happened']])).toBe(expr.replace('CAST(at AS', 'CAST("happened" AS'));
  });
});
