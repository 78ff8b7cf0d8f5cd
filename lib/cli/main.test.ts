import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
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
    // No command at all: the help, on stderr, as a usage error.
    const none = await run([]);
    expect(none).toMatchObject({ code: 2, stdout: '' });
    expect(none.stderr).toMatch(/schemata convert <input> --to <format>/);
  });

  it('a file that cannot be read is one clear line', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'schemata-'));
    // A folder whose schema file is a link to nothing (root reads any file, so a locked one is no test for root).
    mkdirSync(path.join(dir, 'schema'));
    symlinkSync(path.join(dir, 'gone.prisma'), path.join(dir, 'schema', 'main.prisma'));
    const r = await run(['convert', 'schema', '--to', 'postgres'], dir);
    expect(r.code).toBe(1);
    // Named as typed (schema/main.prisma), not by its absolute path.
    expect(r.stderr).toMatch(/^schemata: schema\/main\.prisma: cannot read it \(no such file\)\n$/);
    if (process.getuid?.() === 0) return;
    writeFileSync(path.join(dir, 'locked.sql'), 'CREATE TABLE t (id int);\n', { mode: 0o000 });
    const locked = await run(['convert', 'locked.sql', '--to', 'prisma'], dir);
    expect(locked.stderr).toMatch(/^schemata: locked\.sql: cannot read it \(permission denied\)\n$/);
  });

  it('the installed bin runs as a real process, without a stack trace on errors', () => {
    const bin = path.join(root, 'lib/cli/bin.mjs');
    const ok = execFileSync(process.execPath, [bin, 'convert', samplePath, '--to', 'json'], { encoding: 'utf8' });
    expect(ok).toBe(readFileSync(samplePath, 'utf8'));
    const bad = spawnSync(process.execPath, [bin, 'convert', 'missing.json', '--to', 'json'], { encoding: 'utf8', cwd: root });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe('schemata: missing.json: no such file or folder\n');
  });

  it('reads standard input as -, with --from naming its format', () => {
    const bin = path.join(root, 'lib/cli/bin.mjs');
    const prisma = readFileSync(path.join(root, 'prisma/blog.prisma'), 'utf8');
    const ok = spawnSync(process.execPath, [bin, 'convert', '-', '--from', 'prisma', '--to', 'postgres'], { encoding: 'utf8', input: prisma });
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/CREATE TABLE "User"/);
    // Messages name the input as stdin, with line and column.
    const sql = spawnSync(process.execPath, [bin, 'convert', '-', '--from', 'postgres', '--to', 'json'], { encoding: 'utf8', input: 'CREATE TABLE a (id int);\nGRANT ALL ON a TO bob;\n' });
    expect(sql.status).toBe(0);
    expect(sql.stderr).toMatch(/stdin\.sql:2:1/);
    expect(Object.values(JSON.parse(sql.stdout).tables)).toHaveLength(1);
    const noFormat = spawnSync(process.execPath, [bin, 'convert', '-', '--to', 'json'], { encoding: 'utf8', input: prisma });
    expect(noFormat.status).toBe(2);
    expect(noFormat.stderr).toBe('schemata: reading standard input (-) needs --from <format>\n');
  });

  it('-o ending in a slash is a folder, also for one output file', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'schemata-'));
    const r = await run(['convert', samplePath, '--to', 'json', '-o', 'out/'], dir);
    expect(r.code).toBe(0);
    expect(statSync(path.join(dir, 'out')).isDirectory()).toBe(true);
    expect(readdirSync(path.join(dir, 'out'))).toHaveLength(1);
  });

  it('error diagnostics, or an input of which nothing could be read, exit 1 (the output is still written)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'schemata-'));
    writeFileSync(path.join(dir, 'bad.prisma'), 'datasource db {\n  provider = "postgresql"\n  url = env("X")\n}\n\nmodel A {\n  id Int @id\n  b  Bogus\n}\n');
    const bad = await run(['convert', 'bad.prisma', '--to', 'postgres'], dir);
    expect(bad.stderr).toMatch(/bad\.prisma:8:\d+: error: .*Bogus/);
    expect(bad.stdout).toContain('CREATE TABLE "A"');
    expect(bad.code).toBe(1);
    writeFileSync(path.join(dir, 'garbage.sql'), 'this is not SQL;\nnor is this;\n');
    const garbage = await run(['convert', 'garbage.sql', '--to', 'prisma'], dir);
    expect(garbage.stderr).toMatch(/garbage\.sql:1:1: warning: statement skipped/);
    expect(garbage.stderr).toMatch(/nothing could be imported/);
    expect(garbage.code).toBe(1);
    // Statements skipped by design are not failures, and a schema alone is something.
    writeFileSync(path.join(dir, 'grants.sql'), "SET statement_timeout = 0;\nCREATE SCHEMA app;\nCOMMENT ON SCHEMA app IS 'the app';\nGRANT USAGE ON SCHEMA app TO web;\n");
    const grants = await run(['convert', 'grants.sql', '--to', 'postgres'], dir);
    expect(grants.stderr).toMatch(/grants\.sql:4:1: warning: .*GRANT/);
    expect(grants.stdout).toContain('CREATE SCHEMA IF NOT EXISTS "app"');
    expect(grants.code).toBe(0);
    // A table PostgreSQL refuses is missing from the output: an error, after the rest is written. Tables in
    // no order (a foreign key to one made further down) are made once what they name is.
    writeFileSync(path.join(dir, 'typo.sql'), 'CREATE TABLE posts (id int PRIMARY KEY, author int REFERENCES users);\nCREATE TABLE users (id int PRIMARY KEY);\nCREATE TABLE tags (id int, title txt);\n');
    const typo = await run(['convert', 'typo.sql', '--to', 'postgres'], dir);
    expect(typo.stderr).toMatch(/typo\.sql:1:1: info: run after the statements further down/);
    expect(typo.stderr).toMatch(/typo\.sql:3:34: error: statement skipped \(type "txt" does not exist\)/);
    expect(typo.stdout).toMatch(/CREATE TABLE "public"\."posts"[\s\S]*REFERENCES "public"\."users"/);
    expect(typo.code).toBe(1);
    writeFileSync(path.join(dir, 'empty.sql'), '-- an empty database\nSET client_encoding = \'UTF8\';\n');
    expect((await run(['convert', 'empty.sql', '--to', 'postgres'], dir)).code).toBe(0);
    // An empty file is a mistake (a wrong path, a failed redirect), in SQL as in Prisma.
    for (const name of ['blank.sql', 'blank.prisma']) {
      writeFileSync(path.join(dir, name), '\n');
      const blank = await run(['convert', name, '--to', 'postgres'], dir);
      expect(blank.stderr).toMatch(/nothing could be imported/);
      expect(blank.code).toBe(1);
    }
  });

  it('stops quietly when stdout is closed early (piped into head)', () => {
    const bin = path.join(root, 'lib/cli/bin.mjs');
    const big = path.join(mkdtempSync(path.join(os.tmpdir(), 'schemata-')), 'big.json');
    const doc = JSON.parse(readFileSync(samplePath, 'utf8'));
    doc.description = 'x'.repeat(4_000_000);
    writeFileSync(big, JSON.stringify(doc));
    const r = spawnSync('/bin/sh', ['-c', `"${process.execPath}" "${bin}" convert "${big}" --to json | head -c 10 >/dev/null`], { encoding: 'utf8' });
    expect(r.stderr).not.toMatch(/EPIPE|at /);
  });

  it('--from a format that cannot be read is a usage error that says so; a byte-order mark is ignored', async () => {
    const mysql = await run(['convert', samplePath, '--to', 'json', '--from', 'mysql']);
    expect(mysql.code).toBe(2);
    expect(mysql.stderr).toMatch(/mysql can be written, not read/);
    expect((await run(['convert', samplePath, '--to', 'json', '--from', 'xml'])).code).toBe(2);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'schemata-'));
    writeFileSync(path.join(dir, 'bom.json'), '\ufeff' + readFileSync(samplePath, 'utf8'));
    const bom = await run(['convert', 'bom.json', '--to', 'json'], dir);
    expect(bom.code).toBe(0);
    expect(bom.stdout).toBe(readFileSync(samplePath, 'utf8'));
  });
});
