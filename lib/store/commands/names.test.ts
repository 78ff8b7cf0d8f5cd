import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument, tableByName, type SchemaDocument } from '../../schema';
import { validatePrisma } from '../../prisma/validate';
import { RESERVED_TYPE_NAMES } from './names';
import { updateTable } from './table';
import { updateEnum } from './enum';

const sample = (): SchemaDocument => parseDocument(readFileSync(path.resolve(import.meta.dirname, '../../../prisma/blog.schemata.json'), 'utf8'));
const schema = (block: string) => `datasource db {\n  provider = "postgresql"\n}\n${block}\n`;
const errors = async (text: string) => (await validatePrisma([{ path: 'schema.prisma', text }])).filter((d) => d.severity === 'error');

describe('names Prisma reserves for models and enums', () => {
  it('are the ones Prisma refuses, and only those', async () => {
    for (const name of RESERVED_TYPE_NAMES) {
      expect(await errors(schema(`model ${name} {\n  id Int @id\n}`)), `model ${name}`).not.toEqual([]);
      expect(await errors(schema(`enum ${name} {\n  A\n}`)), `enum ${name}`).not.toEqual([]);
    }
    for (const name of ['Prisma', 'static', 'Unsupported', 'model', 'view', 'Order', 'User']) expect(await errors(schema(`model ${name} {\n  id Int @id\n}`)), name).toEqual([]);
  });

  it('are refused as a table or enum name, saying so', () => {
    const doc = sample();
    const post = tableByName(doc, 'Post')!;
    expect(() => updateTable(post.id, { name: 'class' }).apply(doc)).toThrow('"class" cannot be a table name: Prisma reserves it (set it as the database table name instead)');
    expect(() => updateTable(post.id, { name: 'String' }).apply(doc)).toThrow(/Prisma reserves it/);
    expect(() => updateTable(post.id, { dbName: 'class' }).apply(doc)).not.toThrow();
    const role = Object.values(doc.enums)[0];
    expect(() => updateEnum(role.id, { name: 'PrismaClient' }).apply(doc)).toThrow('"PrismaClient" cannot be an enum name: Prisma reserves it');
  });
});
