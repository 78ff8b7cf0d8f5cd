/**
 * The shape of `doc.sources.prisma`: everything the Prisma exporter needs to give back the input
 * byte for byte, as plain JSON keyed by document ids.
 *
 * - `files`: each file as a list of segments: free text (comments, blank lines, generator blocks),
 *   the datasource, or a reference to a document object (table, enum, view, raw `type` block).
 * - `blocks`: per object id, the original lines and a fingerprint (hash of the canonical print of
 *   the block when it was imported). If the canonical print of the object is unchanged, the original
 *   text is written back. Otherwise the block is rebuilt line by line: each line keeps its original
 *   text when its own canonical print is unchanged.
 */
import type { Id } from '../schema/types';

export type SegmentRec =
  | { t: 'text'; text: string }
  | { t: 'datasource'; text: string; provider: string }
  | { t: 'ref'; id: Id };

export interface FileRec {
  path: string;
  segments: SegmentRec[];
}

/**
 * One line (or multi-line entry) of a block. `item` lines are printed from the document; `key`
 * says which part (`head`, `c:<columnId>`, `r:<relationId>:from|to|a|b`, `v:<valueId>`, `pk`,
 * `i:<indexId>`, `map`, `ignore`, `schema`) and `fp` is the hash of its canonical print at import.
 */
export type LineRec = { k: 'item'; key: string; text: string; fp: string } | { k: 'raw'; text: string };

/** What a line carries that the document cannot express: kept and re-attached when reprinted. */
export interface ItemExtra {
  /** Attributes kept verbatim, e.g. `@zod.string.email()`. */
  attrs?: string[];
  /** Trailing `//` comment. */
  comment?: string;
}

export interface BlockRec {
  kind: 'model' | 'enum' | 'view';
  /** Original text of a view (models and enums: the `lines` joined with `\n`). */
  text?: string;
  fp: string;
  lines: LineRec[];
  extras: Record<string, ItemExtra>;
  /** How keys were written: `pk` or an index id → `field` (`@id`/`@unique`) or `block` (`@@id`/...). */
  style: Record<string, 'field' | 'block'>;
}

export interface PrismaTrivia {
  version: 1;
  /** The file holding the datasource (or the first file). */
  main: string;
  files: FileRec[];
  blocks: Record<Id, BlockRec>;
}

export function getTrivia(sources: { prisma?: unknown }): PrismaTrivia | undefined {
  const t = sources.prisma as PrismaTrivia | undefined;
  if (t && typeof t === 'object' && t.version === 1 && Array.isArray(t.files) && t.blocks) return t;
  return undefined;
}
