import { describe, expect, it } from 'vitest';
import { classify, identName, identPath } from './classify';

describe('classify', () => {
  it('does not run an ALTER that only changes an owner, and runs one that does more', () => {
    for (const text of [
      'ALTER SCHEMA public OWNER TO postgres',
      'ALTER TABLE public.film OWNER TO "Some Role"',
      'ALTER FUNCTION public.f(integer, text) OWNER TO app',
      'ALTER TYPE mood OWNER TO app',
      'ALTER TABLE t /* the app */ OWNER TO app -- its owner',
    ]) {
      expect(classify(text), text).toEqual({ execute: false, note: 'ownership' });
    }
    for (const text of [
      'ALTER TABLE t ADD COLUMN c int, OWNER TO app',
      "ALTER TABLE t ADD COLUMN c text DEFAULT 'owner to x'",
      'ALTER TABLE t RENAME COLUMN owner TO holder',
      'ALTER TABLE t RENAME owner TO holder',
      'ALTER TYPE comp RENAME ATTRIBUTE owner TO holder',
      'ALTER TABLE t ADD COLUMN c int -- was: owner to app',
    ]) {
      expect(classify(text).execute, text).toBe(true);
    }
  });

  it('reads names as PostgreSQL does: plain ones folded to lower case (ASCII letters only), quoted ones as written', () => {
    expect(identName('FooBar')).toBe('foobar');
    expect(identName('foo_bar$1')).toBe('foo_bar$1');
    expect(identName('ÄrgerNis')).toBe('Ärgernis');
    expect(identName('"Mixed ""Case"""')).toBe('Mixed "Case"');
    expect(identPath('Sales."Order Lines"')).toEqual(['sales', 'Order Lines']);
  });

  it('names what CREATE and COMMENT statements make', () => {
    expect(classify('CREATE OR REPLACE FUNCTION Sales.Total(int) RETURNS int LANGUAGE sql AS $$ SELECT 1 $$').target).toEqual({ what: 'function', path: ['sales', 'total'] });
    expect(classify('COMMENT ON COLUMN Person.Address.AddressID IS $$key$$').target).toEqual({ what: 'column', path: ['person', 'address', 'addressid'] });
    expect(classify('CREATE SEQUENCE IF NOT EXISTS s.n_seq').target).toEqual({ what: 'sequence', path: ['s', 'n_seq'] });
  });
});
