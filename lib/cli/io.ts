import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { SourceFile } from '../formats/types';
import { withoutByteOrderMark } from '../formats/import';

export class CliError extends Error {
  constructor(message: string, public readonly exitCode = 1) {
    super(message);
    this.name = 'CliError';
  }
}

export async function statPath(p: string): Promise<'file' | 'dir' | 'missing'> {
  try {
    const s = await fs.stat(p);
    return s.isDirectory() ? 'dir' : 'file';
  } catch {
    return 'missing';
  }
}

const REASONS: Record<string, string> = { EACCES: 'permission denied', EPERM: 'permission denied', EISDIR: 'is a folder', ENOENT: 'no such file', ELOOP: 'too many symbolic links' };

/** A file's text, without a byte-order mark; a file that cannot be read is one clear line. */
async function readText(p: string, shown = p): Promise<string> {
  try {
    return withoutByteOrderMark(await fs.readFile(p, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    throw new CliError(`${shown}: cannot read it (${REASONS[code] ?? ((e as Error).message || code)})`);
  }
}

/**
 * Reads a file, or every file with one of `extensions` in a folder (recursively, sorted). Errors
 * name the path as `shown` (what the user typed), not the resolved one.
 */
export async function readInput(p: string, extensions: string[], shown = p): Promise<SourceFile[]> {
  const kind = await statPath(p);
  if (kind === 'missing') throw new CliError(`${shown}: no such file or folder`);
  if (kind === 'file') return [{ path: path.basename(p), text: await readText(p, shown) }];
  const out: SourceFile[] = [];
  const walk = async (dir: string) => {
    const entries = (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) await walk(full);
      else if (extensions.some((ext) => e.name.toLowerCase().endsWith(ext))) {
        const rel = path.relative(p, full);
        out.push({ path: rel.split(path.sep).join('/'), text: await readText(full, path.join(shown, rel)) });
      }
    }
  };
  await walk(p);
  if (!out.length) throw new CliError(`${shown}: folder has no ${extensions.join(' or ')} files`);
  return out;
}

/** Writes one file to `out`, or several files into the folder `out` (also one, if `out` ends in a slash). */
export async function writeOutput(out: string, files: SourceFile[]): Promise<string[]> {
  const folder = /[\\/]$/.test(out) || (await statPath(out)) === 'dir';
  if (files.length === 1 && !folder) {
    await fs.mkdir(path.dirname(path.resolve(out)), { recursive: true });
    await fs.writeFile(out, files[0].text);
    return [out];
  }
  const written: string[] = [];
  for (const f of files) {
    const target = path.join(out, f.path);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, f.text);
    written.push(target);
  }
  return written;
}
