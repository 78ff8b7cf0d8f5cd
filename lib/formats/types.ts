import type { Diagnostic } from '../schema/diagnostics';
import type { SchemaDocument } from '../schema/types';

/** A text file handed to an importer, with its path relative to the input root. */
export interface SourceFile {
  path: string;
  text: string;
}

export interface ImportResult {
  document: SchemaDocument;
  diagnostics: Diagnostic[];
  /**
   * The reader showed a preview (`ReadOptions.onPreview`) and this document already carries its ids
   * and positions (it was reconciled with it where the import ran), so the caller need not.
   */
  fromPreview?: boolean;
}

export interface ExportResult {
  /** One file, or several (multi-file Prisma schemas). Paths are relative. */
  files: SourceFile[];
  diagnostics: Diagnostic[];
}

export interface ReadOptions {
  name?: string;
  /**
   * Called with a provisional result before the real one, when the reader has one (the PostgreSQL
   * import's parser preview, shown while PGlite runs the script). The returned promise still
   * resolves with the real result, which replaces it.
   */
  onPreview?(preview: ImportResult): void;
}

export interface Format {
  id: string;
  description: string;
  /** File extensions this format reads, with the dot. */
  extensions: string[];
  /** Whether a folder of files can be read as one input. */
  readsFolders?: boolean;
  read?(files: SourceFile[], opts: ReadOptions): Promise<ImportResult>;
  write?(doc: SchemaDocument): Promise<ExportResult>;
}
