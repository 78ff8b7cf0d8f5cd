import { parseDocument, serializeDocument } from '../schema/serialize';
import type { Format } from './types';

export const jsonFormat: Format = {
  id: 'json',
  description: 'Schemata document (JSON)',
  extensions: ['.json'],
  async read(files) {
    if (files.length !== 1) throw new Error(`json: expected one file, got ${files.length}`);
    return { document: parseDocument(files[0].text, files[0].path), diagnostics: [] };
  },
  async write(doc) {
    return { files: [{ path: 'schema.json', text: serializeDocument(doc) }], diagnostics: [] };
  },
};
