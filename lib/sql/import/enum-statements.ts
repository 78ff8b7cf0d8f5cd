/**
 * Which kept statements work on an enum: the document models enums from the catalog, with their
 * final values, name and schema, so ALTER TYPE and DROP TYPE of one are already in it (a dropped
 * enum is gone) and are not written back.
 */
import { identPath } from './classify';

/** An identifier, and a name that may be schema-qualified, as a script writes them. */
export const IDENT = String.raw`(?:"(?:[^"]|"")+"|[\w$]+)`;
export const NAME = String.raw`${IDENT}(?:\s*\.\s*${IDENT})?`;

/** `schema.name` of a path as written, unqualified names in the schema they resolved to. */
export const keyOf = (t: { path: string[]; schema: string }) => (t.path.length > 1 ? `${t.path[t.path.length - 2]}.${t.path[t.path.length - 1]}` : `${t.schema}.${t.path[0]}`);

const ALTER = new RegExp(String.raw`^alter\s+type\s+(${NAME})\s+(?:(add\s+value|rename\s+value)|rename\s+to\s+(${IDENT})|set\s+schema\s+(${IDENT}))`, 'i');
const DROP = new RegExp(String.raw`^drop\s+type\s+(?:if\s+exists\s+)?(${NAME}(?:\s*,\s*${NAME})*)\s*(?:cascade|restrict)?\s*$`, 'i');
const NAMES = new RegExp(NAME, 'g');

interface Statement {
  index: number;
  kind: string;
  text: string;
  /** The schema unqualified names resolved to. */
  schema: string;
}

/**
 * Follows enums by name through the script, in statement order: the ones it creates (`created`,
 * CREATE TYPE ... AS ENUM) and any modelled one (`modelled`, keys, e.g. made by a DO block).
 * Returns the kept statements that alter or drop one, as in Prisma Migrate's replacement of an enum
 * (CREATE TYPE x_new, RENAME x TO x_old, RENAME x_new TO x, DROP TYPE x_old).
 */
export function statementsOnEnums<S extends Statement>(kept: S[], created: { index: number; key: string }[], modelled: ReadonlySet<string>): Set<S> {
  const out = new Set<S>();
  const live = new Set<string>();
  const events: ({ index: number; key: string } | S)[] = [...created, ...kept].sort((a, b) => a.index - b.index);
  for (const e of events) {
    if (!('kind' in e)) {
      live.add(e.key);
      continue;
    }
    const alter = e.kind === 'alter' && ALTER.exec(e.text);
    if (alter) {
      const path = identPath(alter[1]);
      const key = keyOf({ path, schema: e.schema });
      if (!live.has(key) && !modelled.has(key)) continue;
      out.add(e);
      if (alter[2]) continue;
      live.delete(key);
      live.add(keyOf({ path: alter[3] ? [...path.slice(0, -1), ...identPath(alter[3])] : [...identPath(alter[4]), path.at(-1)!], schema: e.schema }));
      continue;
    }
    const drop = e.kind === 'drop' && DROP.exec(e.text);
    if (!drop) continue;
    const keys = (drop[1].match(NAMES) ?? []).map((n) => keyOf({ path: identPath(n), schema: e.schema }));
    if (!keys.every((k) => live.has(k))) continue;
    out.add(e);
    for (const k of keys) live.delete(k);
  }
  return out;
}
