import { describe, expect, it } from 'vitest';
import { documentNameFor } from './import';

describe('documentNameFor', () => {
  it("names a multi-file schema after its folder, and a file after itself", () => {
    expect(documentNameFor([{ path: 'dub-multifile/token.prisma', text: '' }, { path: 'dub-multifile/models/link.prisma', text: '' }])).toBe('dub-multifile');
    expect(documentNameFor([{ path: 'shop.prisma', text: '' }])).toBe('shop');
    expect(documentNameFor([{ path: 'db/dump.sql', text: '' }])).toBe('dump');
    expect(documentNameFor([{ path: 'a.prisma', text: '' }, { path: 'b.prisma', text: '' }])).toBe('a');
    expect(documentNameFor([{ path: 'x/a.prisma', text: '' }, { path: 'y/b.prisma', text: '' }])).toBe('a');
  });
});
