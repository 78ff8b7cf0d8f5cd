import sample from '@/prisma/blog.schemata.json';
import { parseDocument } from '@/lib/schema/serialize';
import type { SchemaDocument } from '@/lib/schema/types';

/** The sample schema the editor opens on, validated like any other document. */
export function sampleDocument(): SchemaDocument {
  return parseDocument(JSON.stringify(sample), 'prisma/blog.schemata.json');
}
