import type { Id } from './types';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

export type IdPrefix = 'doc' | 'ns' | 'tbl' | 'col' | 'idx' | 'chk' | 'rel' | 'enum' | 'val' | 'view' | 'raw' | 'grp' | 'note';

/** Makes ids like `tbl_k3j9x0a2mq`. Ids are never integer-like, so maps keep insertion order. */
export interface IdGenerator {
  (prefix: IdPrefix): Id;
}

const SUFFIX = 10;
/** Random bytes for 256 ids at a time: one getRandomValues call per id cost ~1 ms per 1,000-column import. */
const pool = new Uint8Array(SUFFIX * 256);
let used = pool.length;

function randomSuffix(): string {
  if (used === pool.length) {
    globalThis.crypto.getRandomValues(pool);
    used = 0;
  }
  let out = '';
  for (let i = used; i < used + SUFFIX; i++) out += ALPHABET[pool[i] % ALPHABET.length];
  used += SUFFIX;
  return out;
}

export const newId: IdGenerator = (prefix) => `${prefix}_${randomSuffix()}`;

/** A deterministic generator for tests and reproducible imports: `tbl_1`, `tbl_2`, ... */
export function sequentialIds(): IdGenerator {
  const counters = new Map<string, number>();
  return (prefix) => {
    const n = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, n);
    return `${prefix}_${n}`;
  };
}

export const ID_PATTERN = /^[a-z]+_[A-Za-z0-9_-]+$/;
