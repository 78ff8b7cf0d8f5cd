import type { Provider } from '../../schema/types';
import type { Dialect, DialectId } from './dialect';
import { mysqlDialect } from './mysql';
import { postgresDialect } from './postgres';
import { sqliteDialect } from './sqlite';

export const DIALECTS: Record<DialectId, Dialect> = { postgres: postgresDialect, mysql: mysqlDialect, sqlite: sqliteDialect };

export function providerOfDialect(d: Dialect): Provider {
  return d.provider;
}
