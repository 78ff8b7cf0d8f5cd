import { migrateDocument } from './migrations';
import { assertValidDocument, DocumentValidationError } from './validate';
import type { SchemaDocument } from './types';

export class DocumentParseError extends Error {
  name = 'DocumentParseError';
}

/** Canonical JSON text of a document: two-space indent, trailing newline. */
export function serializeDocument(doc: SchemaDocument): string {
  return JSON.stringify(doc, null, 2) + '\n';
}

/**
 * Parses document JSON text: JSON syntax, then format migrations, then validation.
 * Throws DocumentParseError (with line and column for JSON syntax) or DocumentValidationError.
 */
export function parseDocument(text: string, fileName = 'document'): SchemaDocument {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new DocumentParseError(`${fileName}: ${describeJsonError(text, e as Error)}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data) || (data as { format?: unknown }).format !== 'schemata') {
    throw new DocumentParseError(`${fileName}: not a Schemata document (expected "format": "schemata" at the top level)`);
  }
  const migrated = migrateDocument(data);
  try {
    assertValidDocument(migrated);
  } catch (e) {
    if (e instanceof DocumentValidationError) {
      e.message = `${fileName}: ${e.message}`;
    }
    throw e;
  }
  return migrated;
}

function describeJsonError(text: string, err: Error): string {
  const m = /position (\d+)/.exec(err.message);
  if (!m) return `invalid JSON: ${err.message}`;
  const pos = Number(m[1]);
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  const reason = err.message.replace(/ in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)/, '');
  return `invalid JSON at line ${line}, column ${column}: ${reason}`;
}
