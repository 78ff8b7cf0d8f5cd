/**
 * Import any supported input (the UI's file chooser, drop and paste all come here): choose the
 * format from the file names, read, and give every table and enum a position (a fast layered
 * layout for those without one), so the canvas can show the result at once.
 */
import { DiagnosticError } from '../schema/diagnostics';
import { withLayout } from '../layout/with-layout';
import { FORMATS, formatById } from './registry';
import type { ImportResult, SourceFile } from './types';

export function detectFormat(files: SourceFile[]): string | undefined {
  const ids = new Set<string>();
  for (const f of files) {
    const lower = f.path.toLowerCase();
    const fmt = FORMATS.find((x) => x.read && x.extensions.some((e) => lower.endsWith(e)));
    if (fmt) ids.add(fmt.id);
  }
  return ids.size === 1 ? [...ids][0] : undefined;
}

/** What a format's files are, in a sentence. */
const KIND_NAMES: Record<string, string> = { prisma: 'Prisma', postgres: 'SQL', json: 'a Schemata document' };

/** A byte-order mark (editors on Windows write one) is not part of any format. */
const hasByteOrderMark = (text: string) => text.charCodeAt(0) === 0xfeff;
export const withoutByteOrderMark = (text: string) => (hasByteOrderMark(text) ? text.slice(1) : text);

/** Guesses the format of pasted text. */
export function sniffFormat(text: string): string {
  const t = text.trimStart();
  if (t.startsWith('{')) return 'json';
  if (/^\s*(model|enum|datasource|generator|view|type)\s+\w+\s*\{/m.test(text)) return 'prisma';
  return 'postgres';
}

/** A document's name from what it is imported from: a folder's name (a multi-file schema), else the file's without its extension. */
export function documentNameFor(files: SourceFile[]): string {
  const parts = files.map((f) => f.path.replace(/\\/g, '/').split('/').filter(Boolean));
  const top = parts[0]?.length > 1 ? parts[0][0] : undefined;
  if (files.length > 1 && top && parts.every((p) => p.length > 1 && p[0] === top)) return top;
  return (parts[0]?.at(-1) ?? 'schema').replace(/\.[^.]+$/, '');
}

export async function importSourceFiles(files: SourceFile[], opts: { format?: string; name?: string; onPreview?(preview: ImportResult): void } = {}): Promise<ImportResult> {
  if (!files.length) throw new DiagnosticError([{ severity: 'error', message: 'no files to import' }]);
  const id = opts.format ?? detectFormat(files);
  const format = id ? formatById(id) : undefined;
  if (!format?.read) {
    const exts = FORMATS.filter((f) => f.read).flatMap((f) => f.extensions).join(', ');
    // Files of several known kinds: which is which. Else the first file of no known kind.
    const kinds = new Map<string, string[]>();
    for (const f of files) {
      const id = detectFormat([f]);
      if (id) kinds.set(id, [...(kinds.get(id) ?? []), f.path]);
    }
    if (kinds.size > 1) {
      const list = [...kinds].map(([id, paths]) => `${paths.join(', ')} ${paths.length > 1 ? 'are' : 'is'} ${KIND_NAMES[id] ?? id}`).join('; ');
      throw new DiagnosticError([{ severity: 'error', message: `cannot import these files together: ${list}. Choose files of one kind` }]);
    }
    const unknown = files.find((f) => !detectFormat([f])) ?? files[0];
    throw new DiagnosticError([{ severity: 'error', file: unknown.path, message: `cannot import this file: expected one of ${exts}` }]);
  }
  const name = opts.name ?? documentNameFor(files);
  files = files.map((f) => (hasByteOrderMark(f.text) ? { ...f, text: withoutByteOrderMark(f.text) } : f));
  const onPreview = opts.onPreview && ((p: ImportResult) => opts.onPreview!({ ...p, document: withLayout(p.document) }));
  const result = await format.read(files, { name, onPreview });
  return { ...result, document: withLayout(result.document) };
}
