import { describe, expect, it } from 'vitest';
import { documentNameFor, importSourceFiles } from './import';
import type { DiagnosticError } from '../schema/diagnostics';

describe('documentNameFor', () => {
  it("names a multi-file schema after its folder, and a file after itself", () => {
    expect(documentNameFor([{ path: 'dub-multifile/token.prisma', text: '' }, { path: 'dub-multifile/models/link.prisma', text: '' }])).toBe('dub-multifile');
    expect(documentNameFor([{ path: 'shop.prisma', text: '' }])).toBe('shop');
    expect(documentNameFor([{ path: 'db/dump.sql', text: '' }])).toBe('dump');
    expect(documentNameFor([{ path: 'a.prisma', text: '' }, { path: 'b.prisma', text: '' }])).toBe('a');
    expect(documentNameFor([{ path: 'x/a.prisma', text: '' }, { path: 'y/b.prisma', text: '' }])).toBe('a');
  });
});

describe('files of no known kind, or of several', () => {
  const messages = async (files: { path: string; text: string }[]) => {
    try {
      await importSourceFiles(files);
    } catch (e) {
      return (e as DiagnosticError).diagnostics;
    }
    throw new Error('imported');
  };

  it('says which file is of which kind when they are not of one', async () => {
    const [d] = await messages([{ path: 'one.sql', text: 'CREATE TABLE a (id int);' }, { path: 'z.prisma', text: 'model A { id Int @id }' }]);
    expect(d.message).toBe('cannot import these files together: one.sql is SQL; z.prisma is Prisma. Choose files of one kind');
    expect(d.file).toBeUndefined();
  });

  it('names the file of no known kind', async () => {
    const [d] = await messages([{ path: 'notes.txt', text: 'hello' }]);
    expect(d).toMatchObject({ file: 'notes.txt', message: expect.stringMatching(/^cannot import this file: expected one of .*\.prisma/) });
  });
});
