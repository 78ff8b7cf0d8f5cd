import type { Format } from '../formats/types';
import { exportPrisma } from './export';
import { importPrisma } from './import';

/** Prisma schema files: one `.prisma` file or a prismaSchemaFolder. */
export const prismaFormat: Format = {
  id: 'prisma',
  description: 'Prisma schema (file or prismaSchemaFolder)',
  extensions: ['.prisma'],
  readsFolders: true,
  read: (files, opts) => importPrisma(files, { name: opts.name }),
  write: (doc) => exportPrisma(doc),
};
