import { describe, expect, it } from 'vitest';
import { formatDefault, parseDefault } from './defaults';

describe('defaults as typed', () => {
  it.each([
    ['now()', { kind: 'function', name: 'now', args: [] }],
    ['autoincrement()', { kind: 'function', name: 'autoincrement', args: [] }],
    ['dbgenerated("gen_random_uuid()")', { kind: 'sql', expression: 'gen_random_uuid()' }],
    ['42', { kind: 'literal', value: 42 }],
    ['-1.5', { kind: 'literal', value: -1.5 }],
    ['false', { kind: 'literal', value: false }],
    ['"draft"', { kind: 'literal', value: 'draft' }],
    ["'it''s'", { kind: 'literal', value: "it's" }],
    ['["a", "b"]', { kind: 'list', values: ['a', 'b'] }],
  ])('parses %s', (text, expected) => {
    expect(parseDefault(text)).toEqual(expected);
  });
  it('treats a known enum value as an enum default, and empty as none', () => {
    expect(parseDefault('USER', ['USER', 'ADMIN'])).toEqual({ kind: 'enum', value: 'USER' });
    expect(parseDefault('  ')).toBeUndefined();
  });
  it('formats back to text that parses to the same value', () => {
    for (const t of ['now()', 'dbgenerated("now() at time zone \'utc\'")', '42', '"x y"', 'true', '[1, 2]']) {
      const d = parseDefault(t)!;
      expect(parseDefault(formatDefault(d))).toEqual(d);
    }
  });
});
