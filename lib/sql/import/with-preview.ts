/**
 * PostgreSQL import with an instant preview, as the import worker runs it: the script is split once;
 * PostgreSQL's parser gives the preview (laid out, so it can be shown at once); PGlite runs the
 * script; and the document read from its catalog takes the preview's ids and positions. All of it
 * runs where the import runs, off the main thread in the app.
 */
import type { ImportResult, SourceFile } from '../../formats/types';
import { withLayout } from '../../layout/with-layout';
import { reconcile } from '../../schema/reconcile';
import type { SchemaDocument } from '../../schema/types';
import { previewPostgres } from '../preview/preview';
import { splitStatements } from '../split';
import { importPostgres, type ImportPostgresOptions } from './postgres';

export interface PreviewImportOptions extends Pick<ImportPostgresOptions, 'name' | 'boot' | 'ids'> {
  /** Gets the preview, when the parser is loaded and the script creates tables. */
  onPreview?(preview: ImportResult): void;
}

export async function importPostgresWithPreview(files: SourceFile[], opts: PreviewImportOptions = {}): Promise<ImportResult> {
  const statements = files.map((f) => splitStatements(f.text));
  let preview: SchemaDocument | undefined;
  if (opts.onPreview) {
    try {
      const doc = previewPostgres(files, { name: opts.name, ids: opts.ids, statements });
      if (doc && Object.keys(doc.tables).length) preview = withLayout(doc);
    } catch {
      // No preview: the import itself decides.
    }
    if (preview) {
      try {
        opts.onPreview({ document: preview, diagnostics: [] });
      } catch {
        preview = undefined; // not shown: the result need not follow it
      }
    }
  }
  const result = await importPostgres(files, { name: opts.name, ids: opts.ids, boot: opts.boot, statements });
  return preview ? { ...result, document: reconcile(preview, result.document), fromPreview: true } : result;
}
