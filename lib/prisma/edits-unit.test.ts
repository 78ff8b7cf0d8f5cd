/** Small edits on a hand-written schema: each touches only its blocks and stays valid Prisma. */
import { describe, expect, it } from 'vitest';
import { createColumn, createTable, tableByName } from '../schema/document';
import { sequentialIds } from '../schema/ids';
import type { SchemaDocument } from '../schema/types';
import { addTable, deleteColumn, renameTable, updateTable } from '../store/commands';
import { exportPrisma } from './export';
import { importPrisma } from './import';
import { changesOutside } from './testing';

const TEXT = `generator client {
  provider = "prisma-client-js"
}

datasource db {
  provider = "postgresql"
}

/// People
model User {
  id      Int     @id @default(autoincrement())
  email   String  @unique
  role    Role    @default(USER)
  posts   Post[]
  profile Profile?
}

model Profile {
  id     Int  @id
  userId Int  @unique
  user   User @relation(fields: [userId], references: [id])
}

model Post {
  id       Int    @id
  title    String
  authorId Int
  author   User   @relation(fields: [authorId], references: [id])

  @@index([authorId])
}

enum Role {
  USER
  ADMIN
}
`;

async function setup() {
  const { document, diagnostics } = await importPrisma([{ path: 'schema.prisma', text: TEXT }], { ids: sequentialIds() });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return document;
}

async function expectEdit(doc: SchemaDocument, blocks: string[]) {
  const out = await exportPrisma(doc);
  expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(changesOutside(TEXT, out.files[0].text, blocks)).toEqual([]);
  return out.files[0].text;
}

describe('prisma export after edits', () => {
  it('renames a model: its block and the blocks pointing at it', async () => {
    const doc = await setup();
    const text = await expectEdit(renameTable(tableByName(doc, 'User')!.id, 'Person').apply(doc), ['User', 'Person', 'Post', 'Profile']);
    expect(text).toContain('  author   Person @relation(fields: [authorId], references: [id])');
    expect(text).toContain('/// People\nmodel Person {');
  });

  it('deletes a foreign-key column with its relation fields', async () => {
    const doc = await setup();
    const post = tableByName(doc, 'Post')!;
    const text = await expectEdit(deleteColumn(post.id, post.columns[2].id).apply(doc), ['Post', 'User']);
    expect(text).toContain('model Post {\n  id    Int    @id\n  title String\n}\n');
    expect(text).toContain('  profile Profile?\n}');
  });

  it('maps a table and adds an index as block attributes', async () => {
    const doc = await setup();
    const post = tableByName(doc, 'Post')!;
    const idx = { id: 'idx_new', unique: true, columns: [{ column: post.columns[1].id }, { column: post.columns[2].id }] };
    const edited = updateTable(post.id, { dbName: 'posts', indexes: [...post.indexes, idx] }).apply(doc);
    const text = await expectEdit(edited, ['Post']);
    expect(text).toContain('  @@index([authorId])\n  @@unique([title, authorId])\n  @@map("posts")\n}');
  });

  it('prints relation fields for a relation made without field names', async () => {
    const doc = await setup();
    const post = tableByName(doc, 'Post')!;
    const user = tableByName(doc, 'User')!;
    const editor = createColumn('editorId', 'Int', sequentialIds(), { id: 'col_editor', nullable: true });
    const edited: SchemaDocument = {
      ...doc,
      tables: { ...doc.tables, [post.id]: { ...post, columns: [...post.columns, editor] } },
      relations: { ...doc.relations, rel_e: { id: 'rel_e', kind: 'foreign-key', from: { table: post.id, columns: [editor.id] }, to: { table: user.id, columns: [user.columns[0].id] } } },
    };
    const text = await expectEdit(edited, ['Post', 'User']);
    expect(text).toContain('@relation("Post_user", fields: [editorId], references: [id])');
  });

  it('changes the provider in the datasource only', async () => {
    const doc = await setup();
    const out = await exportPrisma({ ...doc, settings: { ...doc.settings, provider: 'mysql' } });
    expect(out.files[0].text).toBe(TEXT.replace('provider = "postgresql"', 'provider = "mysql"'));
  });
});

describe('prisma export with CRLF line ends', () => {
  it('round trips and keeps CRLF on edited lines', async () => {
    const text = TEXT.replace(/\n/g, '\r\n');
    const { document } = await importPrisma([{ path: 'schema.prisma', text }], { ids: sequentialIds() });
    expect((await exportPrisma(document)).files[0].text).toBe(text);
    const post = tableByName(document, 'Post')!;
    const edited = renameTable(post.id, 'Article').apply(document);
    const out = (await exportPrisma(edited)).files[0].text;
    expect(out.split('\n').slice(0, -1).every((l) => l.endsWith('\r'))).toBe(true);
    expect(out).toContain('model Article {\r\n');
  });
});

describe('prisma export appends new models after the file', () => {
  const withNewModels = async (text: string) => {
    const { document } = await importPrisma([{ path: 'schema.prisma', text }], { ids: sequentialIds() });
    let doc = document;
    for (const name of ['Alpha', 'Beta', 'Gamma']) {
      const ids = (prefix: string) => `${prefix}_new${name}`;
      doc = addTable(createTable(name, ids, { columns: [createColumn('id', { kind: 'Int' }, ids)] })).apply(doc);
    }
    return (await exportPrisma(doc, { skipValidation: true })).files[0].text;
  };

  it('each after one blank line, the file before them untouched', async () => {
    const out = await withNewModels(TEXT);
    expect(out.startsWith(TEXT)).toBe(true);
    const added = out.slice(TEXT.length);
    expect(added).toMatch(/^\n?model Alpha \{[^}]*\}\n\nmodel Beta \{[^}]*\}\n\nmodel Gamma \{[^}]*\}\n$/);
  });

  it('leaves the text before them byte for byte, stray carriage returns included', async () => {
    const text = 'datasource db {\r\n  provider = "postgresql"\r\n}\r\n\r\n// note\r\r\nmodel User {\r\n  id Int @id\r\n}\r\n';
    const out = await withNewModels(text);
    expect(out.startsWith(text)).toBe(true);
    expect(out.slice(text.length)).toMatch(/^\r\nmodel Alpha \{\r\n/);
  });

  it('with CRLF line ends in a CRLF file, exactly as the LF file gets them', async () => {
    const lf = await withNewModels(TEXT);
    const crlf = await withNewModels(TEXT.replace(/\n/g, '\r\n'));
    expect(crlf).toBe(lf.replace(/\n/g, '\r\n'));
  });
});
