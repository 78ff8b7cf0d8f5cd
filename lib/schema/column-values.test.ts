import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultProblem, nativeArgsProblem } from './column-values';
import { parseDefaultFor } from './defaults';
import { parseDocument, tableByName, type SchemaDocument } from '.';
import type { ColumnType, DefaultValue } from './types';
import { updateColumn } from '../store/commands/column';
import { exportPrismaSync } from '../prisma/export';
import { validatePrisma } from '../prisma/validate';
import { buildDdl, renderDdl } from '../sql/ddl/builder';
import { postgresDialect } from '../sql/ddl/postgres';
import { mysqlDialect } from '../sql/ddl/mysql';
import { bootCachedPg } from '../pglite/snapshot-node';

const native = (name: string, ...args: string[]): ColumnType => ({ kind: 'String', native: { name, args } });
const sample = (): SchemaDocument => parseDocument(readFileSync(path.resolve(import.meta.dirname, '../../prisma/blog.schemata.json'), 'utf8'));
const fn = (name: string, ...args: string[]): DefaultValue => ({ kind: 'function', name, args });
const lit = (value: string | number | boolean): DefaultValue => ({ kind: 'literal', value });

describe('native type arguments an edit may set', () => {
  it('takes whole numbers within PostgreSQL limits, and nothing else', () => {
    for (const ok of [native('VarChar', '255'), native('VarChar'), native('Char', '1'), { kind: 'Decimal', native: { name: 'Decimal', args: ['10', '2'] } }, { kind: 'DateTime', native: { name: 'Timestamp', args: ['3'] } }, native('Text')] as ColumnType[]) {
      expect(nativeArgsProblem(ok), JSON.stringify(ok)).toBeUndefined();
    }
    expect(nativeArgsProblem(native('VarChar', '5)'))).toMatch(/whole numbers .* not "5\)"/);
    expect(nativeArgsProblem(native('VarChar', 'abc'))).toMatch(/whole numbers/);
    expect(nativeArgsProblem(native('VarChar', '-5'))).toMatch(/whole numbers/);
    expect(nativeArgsProblem(native('VarChar', '10', '2'))).toMatch(/whole numbers/);
    expect(nativeArgsProblem(native('VarChar', '0'))).toMatch(/from 1 to 10485760, not 0/);
    expect(nativeArgsProblem({ kind: 'DateTime', native: { name: 'Timestamp', args: ['7'] } })).toMatch(/from 0 to 6/);
    expect(nativeArgsProblem({ kind: 'Decimal', native: { name: 'Decimal', args: ['2', '5'] } })).toMatch(/scale .* greater than its precision/);
    expect(nativeArgsProblem(native('Text', '5'))).toMatch(/takes no length/);
  });
});

describe('defaults an edit may set', () => {
  const col = (type: ColumnType | ColumnType['kind'], d: DefaultValue) => ({ type: typeof type === 'string' ? { kind: type } : type, default: d }) as Parameters<typeof defaultProblem>[0];
  it('fit the column type, as Prisma and PostgreSQL take them', () => {
    const fine: [ColumnType['kind'] | ColumnType, DefaultValue][] = [
      ['DateTime', fn('now')], ['Int', fn('autoincrement')], ['BigInt', fn('autoincrement')], ['String', fn('uuid')], ['String', fn('uuid', '7')], ['String', fn('cuid', '2')], ['String', fn('nanoid', '12')],
      ['Int', lit(42)], ['BigInt', lit('9007199254740993')], ['Decimal', lit('0.10')], ['Float', lit(1.5)], ['Boolean', lit(true)], ['String', lit('1) @unique')],
      ['DateTime', lit('2024-01-31T12:00:00Z')], ['Json', lit('{"a": 1}')], ['Bytes', lit('AQID')], ['Boolean', { kind: 'sql', expression: 'anything' }],
      [{ kind: 'Int', array: true }, { kind: 'list', values: [1, 2] }], [{ kind: 'String', array: true }, { kind: 'list', values: [] }],
    ];
    for (const [t, d] of fine) expect(defaultProblem(col(t, d)), `${JSON.stringify(t)} ${JSON.stringify(d)}`).toBeUndefined();
    expect(defaultProblem({ type: { kind: 'Enum', enumId: 'e' }, default: { kind: 'enum', value: 'ADMIN' } }, ['USER', 'ADMIN'])).toBeUndefined();
  });

  it('refuse what does not fit, saying why', () => {
    const bad: [ColumnType['kind'] | ColumnType, DefaultValue, RegExp][] = [
      ['Int', lit('1) @unique'), /Int column: "1\) @unique" is not a whole number/],
      ['Int', fn('autoincrement', ')'), /autoincrement\(\) takes no arguments/],
      ['Boolean', fn('now'), /now\(\) is a default of DateTime columns/],
      ['String', fn('autoincrement'), /autoincrement\(\) is a default of Int and BigInt columns/],
      ['String', fn('uuid', '5'), /uuid\(\) takes 4 or 7/],
      ['Int', fn('random'), /random\(\) is not one of Prisma's defaults/],
      ['Int', lit('abc'), /"abc" is not a whole number/],
      ['Int', lit(1.5), /1.5 is not a whole number/],
      ['DateTime', lit('2020-01-01'), /not a date and time such as/],
      ['Json', lit('{oops'), /not valid JSON/],
      ['Boolean', lit('yes'), /not true or false/],
      [{ kind: 'Int', array: true }, lit(1), /default of a list column is a list/],
      ['Int', { kind: 'list', values: [1] }, /a list default needs a list column/],
      [{ kind: 'Int', array: true }, { kind: 'list', values: [1, 'x'] }, /"x" is not a whole number/],
      [{ kind: 'Unsupported', unsupported: 'geometry' }, lit('x'), /geometry takes only dbgenerated/],
    ];
    for (const [t, d, re] of bad) expect(defaultProblem(col(t, d)), `${JSON.stringify(t)} ${JSON.stringify(d)}`).toMatch(re);
    expect(defaultProblem({ type: { kind: 'Enum', enumId: 'e' }, default: { kind: 'literal', value: 'OWNER' } }, ['USER', 'ADMIN'])).toMatch(/not a value of the column's enum/);
  });

  it('typed in the inspector, read for the column: a number or true typed for text is text, long numbers keep their digits', () => {
    expect(parseDefaultFor('5', { kind: 'String' })).toEqual(lit('5'));
    expect(parseDefaultFor('true', { kind: 'Json' })).toEqual(lit('true'));
    expect(parseDefaultFor('5', { kind: 'Int' })).toEqual(lit(5));
    expect(parseDefaultFor('9007199254740993', { kind: 'BigInt' })).toEqual(lit('9007199254740993'));
    expect(parseDefaultFor('0.10', { kind: 'Decimal' })).toEqual(lit('0.10'));
    expect(parseDefaultFor('now()', { kind: 'DateTime' })).toEqual(fn('now'));
  });
});

describe('a column edit', () => {
  it('is refused with the reason when its length or default does not fit, and the document stays as it was', () => {
    const doc = sample();
    const post = tableByName(doc, 'Post')!;
    const authorId = post.columns.find((c) => c.name === 'authorId')!;
    const title = post.columns.find((c) => c.name === 'title')!;
    expect(() => updateColumn(post.id, authorId.id, { default: lit('1) @unique') }).apply(doc)).toThrow(/Post\.authorId: default for an Int column/);
    expect(() => updateColumn(post.id, title.id, { type: native('VarChar', '5)') }).apply(doc)).toThrow(/Post\.title: varchar takes a length as whole numbers/);
    expect(() => updateColumn(post.id, title.id, { type: native('VarChar', '0') }).apply(doc)).toThrow(/from 1 to/);
    const ok = updateColumn(post.id, title.id, { type: native('VarChar', '120'), default: lit('untitled') }).apply(doc);
    expect(ok.tables[post.id].columns.find((c) => c.id === title.id)).toMatchObject({ type: { native: { args: ['120'] } }, default: lit('untitled') });
    // Edits that leave the default alone do not judge it (a list column's default is checked when it is set).
    expect(() => updateColumn(post.id, authorId.id, { nullable: true }).apply(doc)).not.toThrow();
  });
});

describe('a document holding such values anyway (edited by hand, an older version)', () => {
  const broken = (withDefault = true) => {
    const doc = sample();
    const post = tableByName(doc, 'Post')!;
    post.columns = post.columns.map((c) =>
      c.name === 'authorId' && withDefault ? { ...c, default: lit('1) @unique') } : c.name === 'title' ? { ...c, type: native('VarChar', '5) @unique @default("x"') } : c,
    );
    return doc;
  };

  it('still gives Prisma text that parses: Prisma names the wrong values, and nothing ends an attribute early', async () => {
    const prisma = exportPrismaSync(broken()).files[0].text;
    expect(prisma).toContain('@default("1) @unique")');
    expect(prisma).toContain('@db.VarChar("5) @unique @default(\\"x\\"")');
    const problems = await validatePrisma([{ path: 'schema.prisma', text: prisma }]);
    expect(problems.some((p) => p.severity === 'error')).toBe(true);
    expect(problems.filter((p) => /syntax|unexpected/i.test(p.message))).toEqual([]);
  });

  it('still gives DDL that runs, the arguments that are not numbers left out and said', async () => {
    // A default of the wrong type is a quoted literal, which PostgreSQL refuses as such.
    expect(renderDdl(buildDdl(broken(), postgresDialect))).toMatch(/"authorId" INTEGER NOT NULL DEFAULT '1\) @unique'/);
    const pg = buildDdl(broken(false), postgresDialect);
    expect(pg.diagnostics.map((d) => d.message)).toContainEqual(expect.stringMatching(/Post\.title: the arguments of @db.VarChar\(.*\) are not numbers; written without them/));
    const db = await bootCachedPg();
    try {
      await db.exec(renderDdl(pg));
      const [row] = await db.query<{ t: string }>(`SELECT format_type(atttypid, atttypmod) AS t FROM pg_attribute WHERE attrelid = '"Post"'::regclass AND attname = 'title'`);
      expect(row.t).toBe('character varying');
    } finally {
      await db.close();
    }
    expect(renderDdl(buildDdl(broken(false), mysqlDialect))).not.toContain('@unique');
  });
});
