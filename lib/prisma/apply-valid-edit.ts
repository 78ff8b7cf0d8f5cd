/**
 * An edit of the Prisma text, applied only once Prisma's validator accepts it. The code panel applies
 * what the user types as they pause, so the text passes through states such as a model renamed before
 * the fields that name it: read as they stand, those would drop the model's relations (and what Prisma
 * cannot express on them, such as a SQL import's DEFERRABLE) and bring them back as new ones. So an
 * edit with errors Prisma's validator did not already report for the document's own text is refused,
 * with Prisma's messages located in the text, and the document stays as it was.
 */
import type { ImportResult, SourceFile } from '../formats/types';
import { DiagnosticError, type Diagnostic } from '../schema/diagnostics';
import type { SchemaDocument } from '../schema/types';
import { applyPrismaEdit } from './apply-edit';
import { exportPrismaSync } from './export';
import { validatePrisma } from './validate';

/** Prisma's errors on each document's own text (a document is never changed in place). */
const own = new WeakMap<SchemaDocument, Promise<Diagnostic[]>>();

function ownErrors(doc: SchemaDocument): Promise<Diagnostic[]> {
  let errors = own.get(doc);
  if (!errors) own.set(doc, (errors = validatePrisma(exportPrismaSync(doc).files).then((ds) => ds.filter((d) => d.severity === 'error'))));
  return errors;
}

/** Prisma's errors in `files` beyond those of `doc`'s own text (counted by message: line numbers move with an edit). */
export async function newPrismaErrors(doc: SchemaDocument, files: SourceFile[]): Promise<Diagnostic[]> {
  const [now, before] = await Promise.all([validatePrisma(files), ownErrors(doc)]);
  const left = new Map<string, number>();
  for (const d of before) left.set(d.message, (left.get(d.message) ?? 0) + 1);
  return now.filter((d) => {
    if (d.severity !== 'error') return false;
    const n = left.get(d.message) ?? 0;
    left.set(d.message, n - 1);
    return n <= 0;
  });
}

/**
 * Checks an edit of `doc`'s Prisma text with Prisma's validator, then applies it to `doc`. Throws a
 * DiagnosticError with Prisma's own messages when the edit brings new errors.
 */
export async function applyValidPrismaEdit(doc: SchemaDocument, files: SourceFile[]): Promise<ImportResult> {
  const errors = await newPrismaErrors(doc, files);
  if (errors.length) throw new DiagnosticError(errors);
  return applyPrismaEdit(doc, files);
}
