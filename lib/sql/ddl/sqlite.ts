import { domainWarning, escapeQuoted, type Dialect, type RenderedType } from './dialect';
import { translateExpression } from './expr';

const quote = (name: string) => escapeQuoted(name, '"');
const stringLiteral = (v: string) => `'${v.replace(/'/g, "''")}'`;

const SCALAR: Record<string, string> = {
  String: 'TEXT', Boolean: 'BOOLEAN', Int: 'INTEGER', BigInt: 'BIGINT', Float: 'REAL',
  Decimal: 'DECIMAL', DateTime: 'DATETIME', Json: 'JSONB', Bytes: 'BLOB',
};

export const sqliteDialect: Dialect = {
  id: 'sqlite',
  provider: 'sqlite',
  maxIdentifierLength: 10000,
  quote,
  stringLiteral,
  schemas: false,
  enumTypes: false,
  inlineForeignKeys: true,
  comments: 'none',
  partialIndexes: true,
  indexMethods: false,
  columnType(col, ctx): RenderedType {
    const t = col.type;
    if (t.array) {
      ctx.warn(`array column ${col.name} (${t.kind}[]) has no SQLite equivalent; stored as JSONB text`);
      return { sql: 'JSONB' };
    }
    if (t.kind === 'Enum') return { sql: 'TEXT' };
    if (t.kind === 'Unsupported') {
      if (ctx.source !== 'sqlite') ctx.warn(`column ${col.name}: type ${t.unsupported} has no SQLite equivalent; written as BLOB`);
      return { sql: ctx.source === 'sqlite' ? t.unsupported! : 'BLOB' };
    }
    if (t.kind === 'Composite') return { sql: 'JSONB' };
    if (t.domain) ctx.warn(domainWarning(col, 'SQLite', SCALAR[t.kind]));
    // A date or a time of day (not a timestamp): so that now() is today's date / the time (see now).
    if (t.kind === 'DateTime' && (t.native?.name === 'Date' || t.native?.name === 'Time' || t.native?.name === 'Timetz')) return { sql: t.native.name === 'Date' ? 'DATE' : 'TIME' };
    return { sql: SCALAR[t.kind] };
  },
  expression(expr, _source, approximated, use) {
    // SQLite refuses non-deterministic functions in index expressions, partial-index predicates and generated columns.
    const r = translateExpression(expr, 'sqlite', quote, stringLiteral, use !== 'default' && use !== 'check');
    if (r.sql !== undefined) r.approximations.forEach(approximated);
    return r.sql;
  },
  // Index names are unique per database in SQLite (and schemas are flattened).
  globalNames: { indexes: true },
  // A DATE column's now() is today; a TIME column's, the time of day.
  now: (typeSql) => (/^DATE$/i.test(typeSql) ? 'CURRENT_DATE' : /^TIME/i.test(typeSql) ? 'CURRENT_TIME' : 'CURRENT_TIMESTAMP'),
  identity: () => undefined,
  generated: (expression, stored) => `GENERATED ALWAYS AS (${expression}) ${stored ? 'STORED' : 'VIRTUAL'}`,
};
