import { jsonFormat } from './json';
import { prismaFormat } from '../prisma/format';
import { mysqlFormat, postgresFormat, sqliteFormat } from '../sql/format';
import type { Format } from './types';

/** Every format Schemata reads or writes. The CLI and the UI both use this list. */
export const FORMATS: Format[] = [jsonFormat, prismaFormat, postgresFormat, mysqlFormat, sqliteFormat];

export function formatById(id: string): Format | undefined {
  return FORMATS.find((f) => f.id === id);
}

/** The input format of a path: by extension, or the folder reader for directories. */
export function formatForPath(path: string, isDirectory: boolean): Format | undefined {
  if (isDirectory) return FORMATS.find((f) => f.readsFolders);
  const lower = path.toLowerCase();
  return FORMATS.find((f) => f.read && f.extensions.some((ext) => lower.endsWith(ext)));
}

/**
 * Replaces how a format reads, e.g. the browser runs PostgreSQL import in a worker instead of on
 * the main thread. Returns a function that restores the previous reader.
 */
export function overrideReader(id: string, read: NonNullable<Format['read']>): () => void {
  const format = formatById(id);
  if (!format) return () => {};
  const previous = format.read;
  format.read = read;
  return () => {
    format.read = previous;
  };
}
