/** The archive is judged by Info-ZIP's unzip: it lists, tests and extracts what was put in. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { crc32, zipFiles } from './zip';

const unzip = (() => {
  try {
    execFileSync('unzip', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('zipFiles', () => {
  it('computes the CRC-32 of the ZIP format', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it('marks its names as UTF-8', () => {
    const zip = zipFiles([{ path: 'café.prisma', text: 'x' }]);
    const view = new DataView(zip.buffer);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect(view.getUint16(6, true) & 0x0800).toBe(0x0800);
    expect(new TextDecoder().decode(zip.subarray(30, 30 + view.getUint16(26, true)))).toBe('café.prisma');
  });

  it.skipIf(!unzip)(`makes an archive unzip tests and extracts whole, with its folders${unzip ? '' : ' (skipped: no unzip on this machine)'}`, () => {
    const files = [
      { path: 'schema/schema.prisma', text: 'datasource db {\n  provider = "postgresql"\n}\n' },
      { path: 'schema/models/user.prisma', text: 'model User {\n  id Int @id\n  // naïve ✓\n}\n' },
      { path: 'schema/models/empty.prisma', text: '' },
    ];
    const dir = mkdtempSync(path.join(tmpdir(), 'schemata-zip-'));
    const archive = path.join(dir, 'schema.zip');
    writeFileSync(archive, zipFiles(files, new Date(2026, 10, 24, 12, 30, 10)));
    expect(execFileSync('unzip', ['-t', archive], { encoding: 'utf8' })).toMatch(/No errors detected/);
    expect(execFileSync('unzip', ['-Z1', archive], { encoding: 'utf8' }).trim().split('\n')).toEqual(files.map((f) => f.path));
    expect(execFileSync('unzip', ['-l', archive], { encoding: 'utf8' })).toMatch(/2026-11-24 12:30|11-24-2026 12:30/);
    execFileSync('unzip', ['-q', archive, '-d', path.join(dir, 'out')]);
    for (const f of files) expect(readFileSync(path.join(dir, 'out', f.path), 'utf8')).toBe(f.text);
  });
});
