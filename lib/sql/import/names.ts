/** Prisma names for introspected objects, like `prisma db pull`. */

const VALID = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Whether a database name is a Prisma identifier as it is. */
export const isPrismaIdentifier = (dbName: string) => VALID.test(dbName);

/**
 * A valid Prisma identifier for a database name, as `prisma db pull` sanitizes one: leading
 * characters that are not letters go (`_id` is `id`, `1col` is `col`), other invalid ones become
 * `_`. Where nothing is left (`123`, `é`; db pull comments such a field out), the prefixed form.
 */
export function prismaIdentifier(dbName: string, fallbackPrefix = 'x'): string {
  if (VALID.test(dbName)) return dbName;
  return dbName.replace(/^[^A-Za-z]+/, '').replace(/[^A-Za-z0-9_]/g, '_') || prefixedIdentifier(dbName, fallbackPrefix);
}

/** A valid Prisma identifier that keeps the whole name: invalid characters become `_`, and one not starting with a letter gets `<prefix>_`. */
export function prefixedIdentifier(dbName: string, prefix = 'x'): string {
  if (VALID.test(dbName)) return dbName;
  let s = dbName.replace(/[^A-Za-z0-9_]/g, '_');
  if (!/^[A-Za-z]/.test(s)) s = `${prefix}${/^_/.test(s) ? '' : '_'}${s}`;
  return s;
}

/**
 * Hands out unique names within one scope: models (compared in any case, as Prisma Client's
 * `prisma.user` could be either of `User` and `user`), or the fields of one model (`caseSensitive`:
 * Prisma takes a field `Tag` beside a field `tag`, as db pull writes them).
 */
export class NameScope {
  private used = new Set<string>();
  private kept = new Set<string>();
  private readonly key: (name: string) => string;
  constructor(reserved: Iterable<string> = [], opts: { caseSensitive?: boolean } = {}) {
    this.key = opts.caseSensitive ? (n) => n : (n) => n.toLowerCase();
    for (const r of reserved) this.used.add(this.key(r));
  }
  has(name: string): boolean {
    return this.used.has(this.key(name));
  }
  /** Keeps a name for the database name that is it exactly: a name made from another one does not take it. */
  keep(name: string): void {
    this.kept.add(this.key(name));
  }
  /** `preferred`, else `alternative`, else `preferred_2`, `_3`, ...; a name kept is free only to `exact` claims (see keep). */
  claim(preferred: string, alternative?: string, exact = false): string {
    const taken = (n: string) => this.has(n) || (!exact && this.kept.has(this.key(n)));
    let name = preferred;
    if (taken(name) && alternative) name = alternative;
    for (let i = 2; taken(name); i++) name = `${preferred}_${i}`;
    this.used.add(this.key(name));
    return name;
  }
  /** The name for a database name: itself when valid, else as db pull makes it, else (taken) the prefixed form. */
  claimFor(dbName: string, prefix: string, alternative?: string): string {
    if (VALID.test(dbName)) return this.claim(dbName, alternative, true);
    return this.claim(prismaIdentifier(dbName, prefix), alternative ?? prefixedIdentifier(dbName, prefix));
  }
}

/** The options of a model's field scope: names in another case are other names (see NameScope). */
export const FIELD_NAMES = { caseSensitive: true };

/** Prisma reserves these as model and enum names. */
export const RESERVED_MODEL_NAMES = ['String', 'Int', 'BigInt', 'Float', 'Decimal', 'Boolean', 'DateTime', 'Json', 'Bytes', 'Unsupported', 'PrismaClient', 'Prisma'];
