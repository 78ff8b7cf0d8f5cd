/** Prisma names for introspected objects, like `prisma db pull`. */

const VALID = /^[A-Za-z][A-Za-z0-9_]*$/;

/** A valid Prisma identifier for a database name: invalid characters become `_`. */
export function prismaIdentifier(dbName: string, fallbackPrefix = 'x'): string {
  if (VALID.test(dbName)) return dbName;
  let s = dbName.replace(/[^A-Za-z0-9_]/g, '_');
  if (!/^[A-Za-z]/.test(s)) s = `${fallbackPrefix}${/^_/.test(s) ? '' : '_'}${s}`;
  return s;
}

/** Hands out unique names within one scope (models, or the fields of one model). */
export class NameScope {
  private used = new Set<string>();
  constructor(reserved: Iterable<string> = []) {
    for (const r of reserved) this.used.add(r.toLowerCase());
  }
  has(name: string): boolean {
    return this.used.has(name.toLowerCase());
  }
  /** `preferred`, else `alternative`, else `preferred_2`, `_3`, ... */
  claim(preferred: string, alternative?: string): string {
    let name = preferred;
    if (this.has(name) && alternative) name = alternative;
    for (let i = 2; this.has(name); i++) name = `${preferred}_${i}`;
    this.used.add(name.toLowerCase());
    return name;
  }
}

/** Prisma reserves these as model and enum names. */
export const RESERVED_MODEL_NAMES = ['String', 'Int', 'BigInt', 'Float', 'Decimal', 'Boolean', 'DateTime', 'Json', 'Bytes', 'Unsupported', 'PrismaClient', 'Prisma'];
