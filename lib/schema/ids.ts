import type { Id } from './types';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

export type IdPrefix = 'doc' | 'ns' | 'tbl' | 'col' | 'idx' | 'chk' | 'rel' | 'enum' | 'val' | 'view' | 'raw' | 'grp' | 'note';

/** Makes ids like `tbl_k3j9x0a2mq`. Ids are never integer-like, so maps keep insertion order. */
export interface IdGenerator {
  (prefix: IdPrefix): Id;
}

function randomSuffix(): string {
  const bytes = new Uint8Array(10);
  globalThis.crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
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
