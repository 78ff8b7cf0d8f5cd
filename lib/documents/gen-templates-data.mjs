#!/usr/bin/env node
// Regenerates components/documents/templates-data.ts from the prisma/*.prisma templates.
// Run: node lib/documents/gen-templates-data.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const templates = [
  ['blog', 'prisma/blog.prisma'],
  ['ecommerce', 'prisma/ecommerce.prisma'],
  ['saas', 'prisma/saas.prisma'],
];
const escape = (s) => s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
let out = `/**
 * The template schemas as strings, for the browser bundle. GENERATED from prisma/*.prisma by
 * \`node lib/documents/gen-templates-data.mjs\`; lib/documents/templates.test.ts fails on drift.
 */
import type { TemplateId } from '@/lib/documents/templates';

export const TEMPLATE_TEXTS: Record<TemplateId, string> = {
`;
for (const [id, file] of templates) {
  out += `  // ${file}\n  ${id}: \`${escape(readFileSync(root + file, 'utf8'))}\`,\n`;
}
out += '};\n';
writeFileSync(root + 'components/documents/templates-data.ts', out);
console.log('wrote components/documents/templates-data.ts');
