/**
 * What the datasource block of an imported Prisma schema asks of the database beyond its models:
 * the PostgreSQL extensions listed in `extensions = [...]` (the `postgresqlExtensions` feature),
 * which Prisma Migrate creates before anything else.
 */
import type { SchemaDocument } from '../schema/types';
import { getTrivia } from './trivia';
import { ParseError, Scanner, type Value } from './lexer';
import { strArg } from './parse-attrs';

export interface DatasourceExtension {
  /** The name PostgreSQL knows (`map:` when given). */
  name: string;
  schema?: string;
  version?: string;
}

/** The extensions of a datasource block's text (none when the list does not parse). */
export function extensionsOfDatasource(text: string): DatasourceExtension[] {
  const code = text.replace(/\/\/[^\n]*/g, '');
  const m = /^\s*extensions\s*=\s*(?=\[)/m.exec(code);
  if (!m) return [];
  let list: Value;
  try {
    const scanner = new Scanner(code);
    scanner.pos = m.index + m[0].length;
    list = scanner.value();
  } catch (e) {
    if (e instanceof ParseError) return [];
    throw e;
  }
  if (list.t !== 'arr') return [];
  return list.items.flatMap((item): DatasourceExtension[] => {
    const name = item.t === 'id' ? item.v : item.t === 'call' ? item.name : undefined;
    if (!name) return [];
    const args = item.t === 'call' ? item.args : null;
    const ext: DatasourceExtension = { name: strArg(args, 'map') ?? name };
    const schema = strArg(args, 'schema');
    const version = strArg(args, 'version');
    if (schema) ext.schema = schema;
    if (version) ext.version = version;
    return [ext];
  });
}

/** The datasource extensions of a document imported from Prisma (none otherwise). */
export function datasourceExtensions(doc: SchemaDocument): DatasourceExtension[] {
  const trivia = getTrivia(doc.sources);
  if (!trivia) return [];
  for (const f of trivia.files) for (const s of f.segments) if (s.t === 'datasource') return extensionsOfDatasource(s.text);
  return [];
}
