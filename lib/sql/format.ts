/** The SQL formats: PostgreSQL (read .sql, write), MySQL and SQLite (write only). */
import type { Format } from '../formats/types';
import type { SchemaDocument } from '../schema/types';
import { buildDdl, renderDdl } from './ddl/builder';
import type { Dialect } from './ddl/dialect';
import { mysqlDialect } from './ddl/mysql';
import { postgresDialect } from './ddl/postgres';
import { sqliteDialect } from './ddl/sqlite';

function writer(d: Dialect, file: string) {
  return async (doc: SchemaDocument) => {
    const r = buildDdl(doc, d);
    return { files: [{ path: file, text: renderDdl(r) }], diagnostics: r.diagnostics };
  };
}

export const postgresFormat: Format = {
  id: 'postgres',
  description: 'PostgreSQL DDL (reads dumps through PGlite, writes CREATE statements)',
  extensions: ['.sql'],
  // Loaded on first use, so PGlite stays out of bundles that only export.
  read: async (files, opts) => (await import('./import/postgres')).importPostgres(files, { name: opts.name }),
  write: writer(postgresDialect, 'schema.postgres.sql'),
};

export const mysqlFormat: Format = {
  id: 'mysql',
  description: 'MySQL / MariaDB DDL (write only)',
  extensions: ['.sql'],
  write: writer(mysqlDialect, 'schema.mysql.sql'),
};

export const sqliteFormat: Format = {
  id: 'sqlite',
  description: 'SQLite DDL (write only)',
  extensions: ['.sql'],
  write: writer(sqliteDialect, 'schema.sqlite.sql'),
};
