import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { main } from './main';

const root = path.resolve(import.meta.dirname, '../..');
const samplePath = path.join(root, 'prisma/blog.schemata.json');

async function run(args: string[], cwd = root) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd });
  return { code, stdout, stderr };
}

describe('schemata CLI', () => {
  it('--help lists the commands and formats', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/schemata convert <input> --to <format>/);
    expect(r.stdout).toMatch(/json\s+Schemata document/);
  });

  it('convert --to json round-trips the sample exactly', async () => {
    const r = await run(['convert', samplePath, '--to', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(samplePath, 'utf8'));
  });

  it('writes to -o', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'schemata-'));
    const out = path.join(dir, 'out.json');
    const r = await run(['convert', samplePath, '--to', 'json', '-o', out]);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(samplePath, 'utf8'));
  });

  it('a missing file gives one clear line and exit 1', async () => {
    const r = await run(['convert', 'missing.json', '--to', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('schemata: missing.json: no such file or folder\n');
  });

  it('a broken file gives one clear line with the position and exit 1', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'schemata-'));
    writeFileSync(path.join(dir, 'broken.json'), '{\n  "format": "schemata",\n  "version": 2,,\n}\n');
    const r = await run(['convert', 'broken.json', '--to', 'json'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^schemata: broken\.json: invalid JSON at line 3, column \d+: .+\n$/);
    expect(r.stderr.split('\n')).toHaveLength(2);
  });

  it('an invalid document names the bad path', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'schemata-'));
    const doc = JSON.parse(readFileSync(samplePath, 'utf8'));
    doc.tables.tbl_1.columns[0].type.kind = 'Integer';
    writeFileSync(path.join(dir, 'bad.json'), JSON.stringify(doc));
    const r = await run(['convert', 'bad.json', '--to', 'json'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/tables\.tbl_1\.columns\[0\]\.type\.kind: expected one of/);
  });

  it('usage errors exit 2', async () => {
    expect((await run(['convert', samplePath])).code).toBe(2);
    expect((await run(['convert', samplePath, '--to', 'cobol'])).stderr).toMatch(/unknown output format "cobol"/);
    expect((await run(['frobnicate'])).code).toBe(2);
  });

  it('the installed bin runs as a real process, without a stack trace on errors', () => {
    const bin = path.join(root, 'lib/cli/bin.mjs');
    const ok = execFileSync(process.execPath, [bin, 'convert', samplePath, '--to', 'json'], { encoding: 'utf8' });
    expect(ok).toBe(readFileSync(samplePath, 'utf8'));
    const bad = spawnSync(process.execPath, [bin, 'convert', 'missing.json', '--to', 'json'], { encoding: 'utf8', cwd: root });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe('schemata: missing.json: no such file or folder\n');
  });
});
