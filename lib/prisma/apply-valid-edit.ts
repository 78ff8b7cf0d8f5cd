/**
 * An edit of the Prisma text, applied only once Prisma's validator accepts it. The code panel applies
 * what the user types as they pause, so the text passes through states such as a model renamed before
 * the fields that name it: read as they stand, those would drop the model's relations (and what Prisma
 * cannot express on them, such as a SQL import's DEFERRABLE) and bring them back as new ones. So an
 * edit with errors Prisma's validator did not already report for the document's own text is refused,
 * with Prisma's messages located in the text, and the document stays as it was.
 */
import type { ImportResult, SourceFile } from '../formats/types';
import { sameContent } from '../schema/content';
import { DiagnosticError, type Diagnostic } from '../schema/diagnostics';
import type { SchemaDocument } from '../schema/types';
import { applyPrismaEdit } from './apply-edit';
import { exportPrismaSync } from './export';
import { validatePrisma } from './validate';

/** Prisma's errors on each document's own text (a document is never changed in place). */
const own = new WeakMap<SchemaDocument, Diagnostic[]>();

const unavailable = (ds: Diagnostic[]) => ds.some((d) => d.code === 'prisma/validator-unavailable');

async function ownErrors(doc: SchemaDocument): Promise<Diagnostic[] | undefined> {
  const known = own.get(doc);
  if (known) return known;
  const ds = await validatePrisma(exportPrismaSync(doc).files);
  // A validator that could not load says nothing (and is asked again next time).
  if (unavailable(ds)) return undefined;
  const errors = ds.filter((d) => d.severity === 'error');
  own.set(doc, errors);
  return errors;
}

/**
 * Prisma's errors in `files` beyond those of `doc`'s own text. Counted by message (line numbers move
 * with an edit); when the document's text has errors of its own, an edit may also reword them (a
 * field renamed that one names), so then only more errors than it had count.
 */
export async function newPrismaErrors(doc: SchemaDocument, files: SourceFile[]): Promise<Diagnostic[]> {
  const [all, before] = await Promise.all([validatePrisma(files), ownErrors(doc)]);
  if (!before || unavailable(all)) return [];
  const now = all.filter((d) => d.severity === 'error');
  if (before.length && now.length <= before.length) return [];
  const left = new Map<string, number>();
  for (const d of before) left.set(d.message, (left.get(d.message) ?? 0) + 1);
  const added = now.filter((d) => {
    const n = left.get(d.message) ?? 0;
    left.set(d.message, n - 1);
    return n <= 0;
  });
  return added.length ? added : now;
}

/**
 * Checks an edit of `doc`'s Prisma text with Prisma's validator, then applies it to the document
 * `current()` gives then (its layout may have moved meanwhile). Undefined, applied or refused alike,
 * when the document's content changed while the validator ran (the edit is of a text no longer
 * shown); else throws a DiagnosticError with Prisma's own messages when the edit brings new errors.
 */
export async function applyValidPrismaEdit(doc: SchemaDocument, files: SourceFile[], current: () => SchemaDocument = () => doc): Promise<ImportResult | undefined> {
  const errors = await newPrismaErrors(doc, files);
  const now = current();
  if (now !== doc && !sameContent(now, doc)) return undefined;
  if (errors.length) throw new DiagnosticError(errors);
  return applyPrismaEdit(now, files);
}
