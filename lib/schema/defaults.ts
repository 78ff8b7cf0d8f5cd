/** Default values as users type them in the inspector (`now()`, `42`, `'draft'`, `dbgenerated("...")`). */
import type { ColumnType, DefaultValue } from './types';
import { DEFAULT_FUNCTIONS } from './column-values';


export function formatDefault(d: DefaultValue | undefined): string {
  if (!d) return '';
  switch (d.kind) {
    case 'literal':
      return typeof d.value === 'string' ? JSON.stringify(d.value) : String(d.value);
    case 'enum':
      return d.value;
    case 'function':
      return `${d.name}(${d.args.join(', ')})`;
    case 'sql':
      return `dbgenerated(${JSON.stringify(d.expression)})`;
    case 'list':
      return `[${d.values.map((v) => (typeof v === 'string' ? JSON.stringify(v) : String(v))).join(', ')}]`;
  }
}

/** Parses user text; `enumValues` lets a bare word be an enum value. Returns undefined for empty text. */
export function parseDefault(text: string, enumValues: string[] = []): DefaultValue | undefined {
  const t = text.trim();
  if (!t) return undefined;
  const db = /^dbgenerated\(\s*(".*")\s*\)$/s.exec(t);
  if (db) return { kind: 'sql', expression: JSON.parse(db[1]) as string };
  const fn = /^([a-z]+)\((.*)\)$/s.exec(t);
  if (fn && Object.hasOwn(DEFAULT_FUNCTIONS, fn[1])) {
    return { kind: 'function', name: fn[1], args: fn[2].trim() ? fn[2].split(',').map((a) => a.trim()) : [] };
  }
  if (t === 'true' || t === 'false') return { kind: 'literal', value: t === 'true' };
  if (/^-?\d+(\.\d+)?$/.test(t)) return { kind: 'literal', value: Number(t) };
  if (enumValues.includes(t)) return { kind: 'enum', value: t };
  if (/^".*"$/s.test(t)) {
    try {
      return { kind: 'literal', value: JSON.parse(t) as string };
    } catch {
      /* fall through to a raw string */
    }
  }
  if (/^'.*'$/s.test(t)) return { kind: 'literal', value: t.slice(1, -1).replace(/''/g, "'") };
  if (t.startsWith('[') && t.endsWith(']')) {
    try {
      return { kind: 'list', values: JSON.parse(t) as (string | number | boolean)[] };
    } catch {
      /* not a JSON list */
    }
  }
  return { kind: 'literal', value: t };
}

/**
 * `parseDefault` for a column of type `type`: a bare number or true/false typed for a String or Json
 * column is that text, and a number past what a JavaScript number holds keeps its digits (BigInt,
 * Decimal).
 */
export function parseDefaultFor(text: string, type: Pick<ColumnType, 'kind'>, enumValues: string[] = []): DefaultValue | undefined {
  const d = parseDefault(text, enumValues);
  if (d?.kind !== 'literal' || typeof d.value === 'string') return d;
  const t = text.trim();
  if (type.kind === 'String' || type.kind === 'Json') return { kind: 'literal', value: t };
  if (typeof d.value === 'number' && String(d.value) !== t) return { kind: 'literal', value: t };
  return d;
}
