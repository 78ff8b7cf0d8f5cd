/**
 * An instant preview of a PostgreSQL import: PostgreSQL's own parser (libpg_query) reads the
 * script, and the tables, keys and relations it would create are shown while PGlite runs the
 * script for real. The preview is provisional: the document read back from PGlite's catalog
 * replaces it (see importPostgres), and only that one is ever kept.
 */
import type { IdGenerator } from '../../schema/ids';
import type { SchemaDocument } from '../../schema/types';
import type { SourceFile } from '../../formats/types';
import { splitStatements, type SqlStatement } from '../split';
import { catalogToDocument } from '../import/to-document';
import { AstCatalog } from './ast-catalog';
import { parsePg, pgQueryLoaded } from './pg-query';

/** Statements that can create what the canvas shows; the rest wait for PostgreSQL. */
const RELEVANT = /^(create\s+(schema|type|domain|(?:(?:global|local)\s+)?(?:(?:temp|temporary|unlogged)\s+)?table|(unique\s+)?index|(or\s+replace\s+)?view)\b|alter\s+(table|domain)\b|comment\s+on\s+(table|column)\b|set\s+search_path\b)/i;

/** The preview document, or undefined when the parser is not loaded. `statements`: each file's, when already split. */
export function previewPostgres(files: SourceFile[], opts: { name?: string; ids?: IdGenerator; statements?: SqlStatement[][] } = {}): SchemaDocument | undefined {
  if (!pgQueryLoaded()) return undefined;
  const cat = new AstCatalog();
  for (const [fileIndex, file] of files.entries()) {
    const texts: string[] = [];
    for (const st of opts.statements?.[fileIndex] ?? splitStatements(file.text)) if (st.type === 'sql' && RELEVANT.test(st.text.slice(0, 60))) texts.push(st.text);
    if (!texts.length) continue;
    const joined = texts.join(';\n');
    try {
      cat.add(joined, parsePg(joined).stmts);
    } catch {
      // One statement PostgreSQL's grammar rejects: parse them one by one and leave that one out.
      for (const t of texts) {
        try {
          cat.add(t, parsePg(t).stmts);
        } catch {
          /* reported by the real import */
        }
      }
    }
  }
  const { doc } = catalogToDocument(cat.finish(), { name: opts.name, ids: opts.ids });
  return doc;
}
