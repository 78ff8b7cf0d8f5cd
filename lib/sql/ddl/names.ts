/** Prisma Migrate's conventional constraint and index names (psl `ConstraintNames`). */

function truncate(s: string, max: number): string {
  // Prisma truncates bytes of the UTF-8 string; names are ASCII in practice.
  return s.length > max ? s.slice(0, max) : s;
}

/** `<table>_pkey`, the table name cut so the whole fits in `limit` characters. */
export function primaryKeyName(table: string, limit = 63): string {
  return `${table.length >= limit - 5 ? table.slice(0, limit - 5) : table}_pkey`;
}

function joined(table: string, columns: string[], suffix: string, limit: number): string {
  const base = `${table}_${columns.join('_')}`;
  return `${base.length >= limit - suffix.length ? truncate(base, limit - suffix.length) : base}${suffix}`;
}

/** `<table>_<cols>_key` for unique indexes, `<table>_<cols>_idx` for the others. */
export function indexName(table: string, columns: string[], unique: boolean, limit = 63): string {
  return joined(table, columns, unique ? '_key' : '_idx', limit);
}

/** `<table>_<cols>_fkey`. */
export function foreignKeyName(table: string, columns: string[], limit = 63): string {
  return joined(table, columns, '_fkey', limit);
}
