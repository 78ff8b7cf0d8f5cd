/** Prisma Migrate's conventional constraint and index names (psl `ConstraintNames`). */

const utf8 = new TextEncoder();

/** A name's length in UTF-8 bytes (PostgreSQL's limit is 63 bytes, and Prisma counts bytes). */
function byteLength(s: string): number {
  return /^[\x00-\x7f]*$/.test(s) ? s.length : utf8.encode(s).length;
}

/** The longest start of `s` within `max` UTF-8 bytes, cut at a character boundary (as Prisma and PostgreSQL cut). */
export function cutBytes(s: string, max: number): string {
  if (byteLength(s) <= max) return s;
  let out = '';
  let n = 0;
  for (const ch of s) {
    n += byteLength(ch);
    if (n > max) break;
    out += ch;
  }
  return out;
}

/** `<table>_pkey`, the table name cut so the whole fits in `limit` bytes. */
export function primaryKeyName(table: string, limit = 63): string {
  return `${cutBytes(table, limit - 5)}_pkey`;
}

function joined(table: string, columns: string[], suffix: string, limit: number): string {
  return `${cutBytes(`${table}_${columns.join('_')}`, limit - suffix.length)}${suffix}`;
}

/** `<table>_<cols>_key` for unique indexes, `<table>_<cols>_idx` for the others. */
export function indexName(table: string, columns: string[], unique: boolean, limit = 63): string {
  return joined(table, columns, unique ? '_key' : '_idx', limit);
}

/** `<table>_<cols>_fkey`. */
export function foreignKeyName(table: string, columns: string[], limit = 63): string {
  return joined(table, columns, '_fkey', limit);
}
