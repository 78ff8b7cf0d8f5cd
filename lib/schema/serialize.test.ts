import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument, serializeDocument, DocumentParseError } from './serialize';
import { DocumentValidationError } from './validate';

const text = readFileSync(path.resolve(import.meta.dirname, '../../prisma/blog.schemata.json'), 'utf8');

describe('document JSON', () => {
  it('round-trips the sample byte for byte', () => {
    expect(serializeDocument(parseDocument(text))).toBe(text);
  });

  it('reports JSON syntax errors with line and column', () => {
    expect(() => parseDocument('{\n  "format": "schemata",\n  oops\n}', 'broken.json')).toThrow(
      /broken\.json: invalid JSON at line 3, column 3/,
    );
  });

  it('refuses JSON that is not a Schemata document', () => {
    expect(() => parseDocument('[1, 2]', 'x.json')).toThrow(DocumentParseError);
  });

  it('prefixes validation errors with the file name', () => {
    const doc = JSON.parse(text);
    doc.settings.provider = 'db2';
    expect(() => parseDocument(JSON.stringify(doc), 'bad.json')).toThrow(DocumentValidationError);
    expect(() => parseDocument(JSON.stringify(doc), 'bad.json')).toThrow(/^bad\.json: invalid document: settings\.provider/);
  });
});
