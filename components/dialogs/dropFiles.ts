'use client';
import type { SourceFile } from '@/lib/formats/types';

type Entry = FileSystemEntry;

function readEntry(entry: Entry, prefix: string, out: Promise<SourceFile | SourceFile[]>[]): void {
  if (entry.isFile) {
    out.push(
      new Promise((resolve, reject) =>
        (entry as FileSystemFileEntry).file((f) => void f.text().then((text) => resolve({ path: `${prefix}${f.name}`, text }), reject), reject),
      ),
    );
  } else if (entry.isDirectory) {
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    out.push(
      new Promise((resolve, reject) => {
        const all: Entry[] = [];
        const next = () =>
          reader.readEntries((batch) => {
            if (batch.length) {
              all.push(...batch);
              next();
            } else {
              const nested: Promise<SourceFile | SourceFile[]>[] = [];
              for (const e of all) readEntry(e, `${prefix}${entry.name}/`, nested);
              void Promise.all(nested).then((r) => resolve(r.flat()), reject);
            }
          }, reject);
        next();
      }),
    );
  }
}

/** Files from a drop, including the contents of dropped folders (for multi-file Prisma schemas). */
export async function filesFromDrop(dt: DataTransfer): Promise<SourceFile[]> {
  const entries = [...dt.items].map((i) => i.webkitGetAsEntry?.()).filter((e): e is Entry => !!e);
  if (!entries.length) return Promise.all([...dt.files].map(async (f) => ({ path: f.name, text: await f.text() })));
  const out: Promise<SourceFile | SourceFile[]>[] = [];
  for (const e of entries) readEntry(e, '', out);
  const files = (await Promise.all(out)).flat();
  // A folder drop imports its .prisma files only (a prismaSchemaFolder).
  const folder = entries.some((e) => e.isDirectory);
  return folder ? files.filter((f) => f.path.endsWith('.prisma')).map((f) => ({ ...f, path: f.path.split('/').slice(1).join('/') || f.path })) : files;
}
