import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SLOWEST } from './slow-first';

describe('slow-first test order', () => {
  it('names files that exist, once each (a renamed test file would silently fall back to the end)', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    expect(SLOWEST.filter((f) => !existsSync(path.join(root, f)))).toEqual([]);
    expect(new Set(SLOWEST).size).toBe(SLOWEST.length);
  });
});
