/**
 * What the datasource block of an imported Prisma schema asks of the database beyond its models:
 * the PostgreSQL extensions listed in `extensions = [...]` (the `postgresqlExtensions` feature),
 * which Prisma Migrate creates before anything else.
 */
import type { SchemaDocument } from '../schema/types';
import { getTrivia } from './trivia';

export interface DatasourceExtension {
  /** The name PostgreSQL knows (`map:` when given). */
  name: string;
  schema?: string;
  version?: string;
}

/** Splits `a, b(x: "1", y: "2"), c` at top-level commas. */
function topLevelItems(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = false;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const ch = list[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === '"') quote = false;
    } else if (ch === '"') quote = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      out.push(list.slice(start, i));
      start = i + 1;
    }
  }
  out.push(list.slice(start));
  return out.map((s) => s.trim()).filter(Boolean);
}

/** The extensions of a datasource block's text. */
export function extensionsOfDatasource(text: string): DatasourceExtension[] {
  const m = /^\s*extensions\s*=\s*\[([^\]]*)\]/m.exec(text.replace(/\/\/[^\n]*/g, ''));
  if (!m) return [];
  return topLevelItems(m[1]).map((item) => {
    const name = /^[\w$]+/.exec(item)?.[0] ?? item;
    const arg = (key: string) => new RegExp(`\\b${key}\\s*:\\s*"([^"]*)"`).exec(item)?.[1];
    const ext: DatasourceExtension = { name: arg('map') ?? name };
    const schema = arg('schema');
    const version = arg('version');
    if (schema) ext.schema = schema;
    if (version) ext.version = version;
    return ext;
  });
}

/** The datasource extensions of a document imported from Prisma (none otherwise). */
export function datasourceExtensions(doc: SchemaDocument): DatasourceExtension[] {
  const trivia = getTrivia(doc.sources);
  if (!trivia) return [];
  for (const f of trivia.files) for (const s of f.segments) if (s.t === 'datasource') return extensionsOfDatasource(s.text);
  return [];
}
