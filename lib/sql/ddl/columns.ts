/** Column definitions and defaults, shared by every dialect. */
import { providerOfDialect } from './dialects';
import type { Dialect, ExpressionUse, TypeContext } from './dialect';
import { looksPostgresOnly } from './dialect';
import { prismaStringArg } from './model';
import { inUtc } from './expr';
import type { Column, Id, Provider, SchemaDocument } from '../../schema/types';

export interface ColumnSql {
  sql: string;
  /** SQLite: the column carries `PRIMARY KEY AUTOINCREMENT`, so the table has no separate PK. */
  inlinePrimaryKey?: boolean;
  /** MySQL: the column is written AUTO_INCREMENT. */
  auto?: boolean;
  /** MySQL: the identity's first value (the table's AUTO_INCREMENT option). */
  autoStart?: string;
}

export function isAutoincrement(col: Column): boolean {
  return col.default?.kind === 'function' && (col.default.name === 'autoincrement' || col.default.name === 'sequence');
}

/**
 * An expression written for `source` in `d`'s language: as is when it is the same language, else
 * rewritten by the dialect; undefined when it has no equivalent.
 */
export function expressionFor(d: Dialect, source: string, expr: string, use: ExpressionUse, approximated: (note: string) => void): string | undefined {
  const same = providerOfDialect(d) === source || (d.id === 'postgres' && source === 'cockroachdb');
  if (same) return expr;
  if (d.expression) return d.expression(expr, source as Provider, approximated, use);
  return !looksPostgresOnly(expr) && !expr.includes('`') ? expr : undefined;
}

const SIMPLE = /^(-?\d+(\.\d+)?|'([^']|'')*'|true|false|null|CURRENT_TIMESTAMP|CURRENT_DATE|CURRENT_TIME)$/i;

export function defaultSql(d: Dialect, doc: SchemaDocument, col: Column, typeSql: string, ctx: TypeContext): string | undefined {
  const def = col.default;
  if (!def) return undefined;
  const source = doc.settings.provider;
  const where = `column ${col.name}`;
  // As PostgreSQL's catalog gave it (a SQL import): PostgreSQL reads back the same.
  if (def.postgres && d.id === 'postgres') return def.postgres;
  switch (def.kind) {
    case 'literal':
      return literalSql(d, col, def.value);
    case 'enum': {
      const e = col.type.enumId ? ctx.enumOf(col.type.enumId) : undefined;
      const v = e?.values.find((x) => x.name === def.value);
      return d.stringLiteral(v?.dbName ?? def.value);
    }
    case 'list': {
      if (d.id !== 'postgres') {
        ctx.warn(`${where}: list default has no ${d.id} equivalent; dropped`);
        return undefined;
      }
      // Enum values by their database names (@map), as the scalar enum default.
      const e = col.type.kind === 'Enum' && col.type.enumId ? ctx.enumOf(col.type.enumId) : undefined;
      const items = def.values.map((v) => (e && typeof v === 'string' ? d.stringLiteral(e.values.find((x) => x.name === v)?.dbName ?? v) : literalSql(d, col, v)));
      return `ARRAY[${items.join(', ')}]::${typeSql}`;
    }
    case 'function': {
      if (def.name === 'now') return d.now(typeSql);
      if (def.name === 'dbgenerated') {
        const expr = prismaStringArg(def.args[0]);
        if (!expr?.trim()) return undefined;
        return sqlExpression(d, source, expr, where, ctx, typeSql, !!col.type.array);
      }
      if (['autoincrement', 'sequence', 'uuid', 'cuid', 'nanoid', 'ulid', 'auto'].includes(def.name)) return undefined;
      ctx.warn(`${where}: default ${def.name}() has no database equivalent; dropped`);
      return undefined;
    }
    case 'sql':
      // dbgenerated() with no expression: the database sets no default.
      if (!def.expression.trim()) return undefined;
      return sqlExpression(d, source, def.expression, where, ctx, typeSql, !!col.type.array);
  }
}

/** A literal default (`@default("...")`, a number, a boolean) of the column's type. */
function literalSql(d: Dialect, col: Column, value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  // A number kept as written (it does not survive a JavaScript number): a numeric constant, as Prisma writes it.
  if ((col.type.kind === 'Float' || col.type.kind === 'Decimal') && /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(value)) return value;
  // Prisma writes a Bytes default in base64.
  if (col.type.kind === 'Bytes' && /^[A-Za-z0-9+/]*={0,2}$/.test(value) && value.length % 4 === 0) {
    const hex = [...atob(value)].map((ch) => ch.charCodeAt(0).toString(16).padStart(2, '0')).join('');
    return d.id === 'postgres' ? `'\\x${hex}'` : `X'${hex}'`;
  }
  // A DateTime default in ISO form: PostgreSQL's time types and MySQL take 'YYYY-MM-DD hh:mm:ss' (as Prisma writes it).
  const iso = col.type.kind === 'DateTime' && d.id !== 'sqlite' ? /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2}(?:\.\d+)?)(Z|[+-]\d{2}:?\d{2})?$/.exec(value) : null;
  // MySQL keeps no offset: the same instant in UTC.
  if (iso && d.id === 'mysql') return d.stringLiteral(iso[3] ? inUtc(`${iso[1]} ${iso[2]}${iso[3]}`) : `${iso[1]} ${iso[2]}`);
  if (iso && d.id === 'postgres') return d.stringLiteral(`${iso[1]} ${iso[2]}${iso[3] ? ` ${iso[3] === 'Z' ? '+00:00' : iso[3]}` : ''}`);
  return d.stringLiteral(value);
}

function sqlExpression(d: Dialect, source: string, expr: string, where: string, ctx: TypeContext, typeSql: string, array = false): string | undefined {
  // NaN and the infinities (PostgreSQL floats have them) and array literals: MySQL and SQLite have neither.
  if (d.id !== 'postgres' && (array || /^'[+-]?(nan|infinity|inf)'(::[\w ]+)?$/i.test(expr.trim()))) {
    ctx.warn(`${where}: default ${expr} has no ${d.id} equivalent; dropped`);
    return undefined;
  }
  const out = expressionFor(d, source, expr, 'default', (note) => ctx.warn(`${where}: default ${expr} approximated (${note})`));
  if (out === undefined) {
    ctx.warn(`${where}: default ${expr} is ${source} SQL with no ${d.id} equivalent; dropped`);
    return undefined;
  }
  if (d.id === 'postgres') return out;
  // A bit string: MySQL's BIT takes b'...'.
  if (d.id === 'mysql' && /^BIT\(/i.test(typeSql) && /^'[01]+'$/.test(out.trim())) return `b${out.trim()}`;
  // SQLite takes an expression default only in parentheses (MySQL too, for most types).
  if (providerOfDialect(d) === source && d.id === 'mysql') return out;
  // now() and friends: with the column's fractional seconds, which MySQL wants to match.
  if (/^CURRENT_TIMESTAMP$/i.test(out.trim())) return d.now(typeSql);
  if (!SIMPLE.test(out.trim())) return `(${out})`;
  return out;
}

export function columnSql(
  d: Dialect,
  doc: SchemaDocument,
  col: Column,
  ctx: TypeContext,
  opts: { singlePk: boolean; inlineComment: boolean; notNullArrays: Set<Id>; autoTaken?: boolean; frozen?: Set<string> },
): ColumnSql {
  const source = doc.settings.provider;
  // An autoincrement over a sequence of the script's own (a SQL import: `nextval('s')`): PostgreSQL
  // writes the default as the catalog gave it, on the plain integer type.
  const ownSequence = d.id === 'postgres' && isAutoincrement(col) && !!col.default?.postgres;
  let auto = (isAutoincrement(col) && !ownSequence) || (!!col.identity && d.id !== 'postgres');
  const type = d.columnType(col, ctx, auto);
  let sql = `${d.quote(col.dbName ?? col.name)} ${type.sql}`;
  if (col.collation) {
    // Only text has a collation (a column whose type was changed since may still carry one).
    if (!['String', 'Enum', 'Unsupported'].includes(col.type.kind)) ctx.warn(`column ${col.name}: collation ${col.collation} left out (a ${col.type.kind} column has none)`);
    else if (d.id === 'postgres') sql += ` COLLATE ${col.collation}`;
    else ctx.warn(`column ${col.name}: the PostgreSQL collation ${col.collation} has no ${d.id} equivalent; left out`);
  }
  let inlinePrimaryKey = false;
  if (d.id === 'sqlite' && auto) {
    if (opts.singlePk && /INT/i.test(type.sql)) {
      sql = `${d.quote(col.dbName ?? col.name)} INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT`;
      inlinePrimaryKey = true;
    } else ctx.warn(`column ${col.name}: SQLite only auto-increments a single-column INTEGER PRIMARY KEY; dropped`);
    auto = false;
  }
  if (auto && d.id === 'mysql' && opts.autoTaken) {
    ctx.warn(`column ${col.name}: MySQL has one AUTO_INCREMENT column per table; written without it`);
    auto = false;
  }
  // The generated expression, unless it has no equivalent or MariaDB refuses it (over `opts.frozen`).
  const genExpr = col.generated && expressionFor(d, source, col.generated.expression, 'generated', (note) => ctx.warn(`column ${col.name}: generated expression approximated (${note})`));
  const over = genExpr !== undefined && genExpr ? [...(opts.frozen ?? [])].find((n) => genExpr.includes(d.quote(n))) : undefined;
  // MariaDB refuses NOT NULL on a generated column (its value is never missing unless the expression is NULL).
  const generatedNotNull = d.id === 'mysql' && !!genExpr && over === undefined;
  if (generatedNotNull && !col.nullable) ctx.warn(`column ${col.name}: NOT NULL dropped from a generated column (MariaDB refuses it)`);
  if (!col.nullable && !inlinePrimaryKey && !generatedNotNull && (!col.type.array || opts.notNullArrays.has(col.id))) sql += ' NOT NULL';
  if (auto && d.autoincrementSuffix) sql += ` ${d.autoincrementSuffix}`;
  if (!isAutoincrement(col) || ownSequence) {
    const def = defaultSql(d, doc, col, type.sql, ctx);
    if (def !== undefined) sql += ` DEFAULT ${d.defaultClause ? d.defaultClause(def, type.sql) : def}`;
  }
  if (col.identity && d.id === 'postgres') sql += ` ${d.identity(col.identity.generation, col.identity.sequence)!}`;
  if (col.generated) {
    if (over !== undefined) ctx.warn(`column ${col.name}: generated over ${over}, an AUTO_INCREMENT column or one a foreign key action changes, which MariaDB refuses; written as a plain column`);
    else if (genExpr) {
      if (d.id === 'postgres' && !col.generated.stored) ctx.warn(`column ${col.name}: virtual generated column written as STORED`);
      sql += ` ${d.generated(genExpr, d.id === 'postgres' ? true : col.generated.stored)}`;
    } else ctx.warn(`column ${col.name}: generated expression is ${source} SQL; dropped`);
  }
  if (opts.inlineComment && col.comment) sql += ` COMMENT ${d.stringLiteral(commentWithin(col.comment, 1024, (m) => ctx.warn(`column ${col.name}: comment ${m}`)))}`;
  // Identity options: MySQL keeps the first value (a table option); the rest has no equivalent.
  let autoStart: string | undefined;
  // The defaults (INCREMENT BY 1, START WITH 1, ...) need no equivalent.
  const options = col.identity?.sequence?.replace(/\b(INCREMENT\s+(?:BY\s+)?1|START\s+(?:WITH\s+)?1|MINVALUE\s+1|NO\s+(?:MINVALUE|MAXVALUE|CYCLE)|CACHE\s+1)\b/gi, '').trim();
  if (options && d.id !== 'postgres') {
    const start = /\bSTART\s+(?:WITH\s+)?(\d+)\b/i.exec(options);
    if (auto && d.id === 'mysql' && start) autoStart = start[1];
    const rest = options.replace(auto && d.id === 'mysql' && start ? start[0] : '', '').replace(/\s+/g, ' ').trim();
    if (rest) ctx.warn(`column ${col.name}: identity options (${rest}) have no ${d.id} equivalent; dropped`);
  }
  if (col.identity?.generation === 'always' && d.id !== 'postgres') ctx.warn(`column ${col.name}: GENERATED ALWAYS has no ${d.id} equivalent; explicit values are accepted`);
  return { sql, inlinePrimaryKey, auto, autoStart };
}

/** A MySQL comment cut to its limit (characters), with a warning when cut. */
export function commentWithin(text: string, max: number, warn: (message: string) => void): string {
  if (text.length <= max) return text;
  warn(`longer than MySQL's ${max} characters; cut`);
  return text.slice(0, max);
}
