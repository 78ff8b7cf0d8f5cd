/**
 * What an edit may set as a column's native type arguments and default: what PostgreSQL and Prisma
 * accept for the column's type, so that the Prisma text and the DDL written from the document stay
 * valid. Each returns a message for the user, or undefined when the value is fine.
 */
import type { Column, ColumnType } from './types';
import { nativeTypeInfo } from './native-types';

/** Upper limits of PostgreSQL's type modifiers. */
const MAX_LENGTH: Record<string, number> = { varchar: 10485760, char: 10485760, bit: 83886080, varbit: 83886080 };

export function nativeArgsProblem(type: ColumnType): string | undefined {
  const n = type.native;
  const info = n && !type.domain ? nativeTypeInfo(n.name) : undefined;
  if (!n || !info) return undefined;
  const { args } = n;
  if (info.args === 'none') return args.length ? `${info.sql} takes no length or precision` : undefined;
  if (!args.length) return undefined;
  const what = info.args === 'length' ? 'a length' : info.args === 'precision' ? 'a precision' : 'a precision and a scale';
  if (args.length > (info.args === 'precision-scale' ? 2 : 1) || args.some((a) => !/^\d+$/.test(a))) {
    return `${info.sql} takes ${what} as whole numbers (e.g. ${info.args === 'precision-scale' ? '10, 2' : info.args === 'length' ? '255' : '3'}), not "${args.join(', ')}"`;
  }
  const [a, b] = args.map(Number);
  if (info.args === 'length' && (a < 1 || a > MAX_LENGTH[info.sql])) return `the length of ${info.sql} is from 1 to ${MAX_LENGTH[info.sql]}, not ${a}`;
  if (info.args === 'precision' && a > 6) return `the precision of ${info.sql} is from 0 to 6, not ${a}`;
  if (info.args === 'precision-scale') {
    if (a < 1 || a > 1000) return `the precision of numeric is from 1 to 1000, not ${a}`;
    if (b !== undefined && b > a) return `the scale of numeric(${a}, ${b}) is greater than its precision`;
  }
  return undefined;
}

/** Prisma's default functions: the column types each fits, and its arguments. */
export const DEFAULT_FUNCTIONS: Record<string, { kinds: string[]; args: RegExp; argsText: string }> = {
  now: { kinds: ['DateTime'], args: /^$/, argsText: 'now() takes no arguments' },
  autoincrement: { kinds: ['Int', 'BigInt'], args: /^$/, argsText: 'autoincrement() takes no arguments' },
  sequence: { kinds: ['Int', 'BigInt'], args: /^(\w+:\s*-?\d+(,\s*\w+:\s*-?\d+)*)?$/, argsText: 'sequence() takes options such as maxValue: 10' },
  uuid: { kinds: ['String'], args: /^(4|7)?$/, argsText: 'uuid() takes 4 or 7' },
  cuid: { kinds: ['String'], args: /^(1|2)?$/, argsText: 'cuid() takes 1 or 2' },
  nanoid: { kinds: ['String'], args: /^(\d+)?$/, argsText: 'nanoid() takes a length' },
  ulid: { kinds: ['String'], args: /^$/, argsText: 'ulid() takes no arguments' },
  auto: { kinds: ['String'], args: /^$/, argsText: 'auto() takes no arguments' },
};

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** A literal value's problem for a column of this type (an item, for a list). */
function valueProblem(v: string | number | boolean, t: ColumnType, enumValues?: string[]): string | undefined {
  const shown = typeof v === 'string' ? JSON.stringify(v) : String(v);
  switch (t.kind) {
    case 'Int':
    case 'BigInt':
      return (typeof v === 'number' && Number.isInteger(v)) || (typeof v === 'string' && /^-?\d+$/.test(v)) ? undefined : `${shown} is not a whole number`;
    case 'Float':
    case 'Decimal':
      return typeof v === 'number' || (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) ? undefined : `${shown} is not a number`;
    case 'Boolean':
      return typeof v === 'boolean' ? undefined : `${shown} is not true or false`;
    case 'String':
      return typeof v === 'string' ? undefined : `${shown} is not text: quote it`;
    case 'DateTime':
      return typeof v === 'string' && RFC3339.test(v) && !Number.isNaN(Date.parse(v)) ? undefined : `${shown} is not a date and time such as "2024-01-31T12:00:00Z" (or now())`;
    case 'Json':
      if (typeof v !== 'string') return `${shown} is not JSON text: quote it`;
      try {
        JSON.parse(v);
        return undefined;
      } catch {
        return `${shown} is not valid JSON`;
      }
    case 'Bytes':
      return typeof v === 'string' && /^[A-Za-z0-9+/]*={0,2}$/.test(v) ? undefined : `${shown} is not base64`;
    case 'Enum':
      return typeof v === 'string' && (!enumValues || enumValues.includes(v)) ? undefined : `${shown} is not a value of the column's enum`;
    default:
      return `a column of type ${t.unsupported ?? t.kind} takes only dbgenerated("…") as its default`;
  }
}

/** The default's problem for its column; `enumValues`: the names of the values of the column's enum. */
export function defaultProblem(col: Pick<Column, 'type' | 'default'>, enumValues?: string[]): string | undefined {
  const d = col.default;
  const t = col.type;
  if (!d || d.kind === 'sql') return undefined;
  const type = `${t.kind === 'Unsupported' ? (t.unsupported ?? 'Unsupported') : t.kind}${t.array ? '[]' : ''}`;
  const problem = (() => {
    if (d.kind === 'function') {
      const f = DEFAULT_FUNCTIONS[d.name];
      if (!f) return `${d.name}() is not one of Prisma's defaults (${Object.keys(DEFAULT_FUNCTIONS).map((n) => `${n}()`).join(', ')}, dbgenerated("…"))`;
      if (t.array || !f.kinds.includes(t.kind)) return `${d.name}() is a default of ${f.kinds.join(' and ')} columns`;
      return f.args.test(d.args.join(', ')) ? undefined : f.argsText;
    }
    if (d.kind === 'list') return t.array ? d.values.map((v) => valueProblem(v, t, enumValues)).find(Boolean) : 'a list default needs a list column';
    if (t.array) return 'the default of a list column is a list, such as [] or [1, 2]';
    if (d.kind === 'enum') return valueProblem(d.value, t, enumValues);
    return valueProblem(d.value, t, enumValues);
  })();
  return problem && `default for ${/^[AEIOU]/.test(type) ? 'an' : 'a'} ${type} column: ${problem}`;
}
