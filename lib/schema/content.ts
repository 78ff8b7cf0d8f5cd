/**
 * A document's schema content is everything but its `layout` (positions, sizes, colours, groups,
 * notes). Exporters, checks and the code panel read only content, so a drag, which changes only the
 * layout, need not recompute them.
 */
import type { SchemaDocument } from './types';

/**
 * Same content, by reference: commands keep every part they do not change, so this is exact, and as
 * cheap as comparing the document's top-level fields (every field but `layout`, whatever fields the
 * format gains).
 */
export function sameContent(a: SchemaDocument, b: SchemaDocument): boolean {
  if (a === b) return true;
  const x = a as unknown as Record<string, unknown>;
  const y = b as unknown as Record<string, unknown>;
  for (const k in x) if (k !== 'layout' && x[k] !== y[k]) return false;
  for (const k in y) if (!(k in x)) return false;
  return true;
}
