'use client';
/** Browser-side helpers of the document menu: templates, JSON files in and out. */
import { gridLayout } from '@/lib/documents/layout';
import { TEMPLATES, type TemplateId } from '@/lib/documents/templates';
import { parseDocument, serializeDocument } from '@/lib/schema/serialize';
import type { SchemaDocument } from '@/lib/schema/types';
import { TEMPLATE_TEXTS } from './templates-data';

/** Imports a template's Prisma schema (validated by the template tests, so not again here) and lays it out. */
export async function documentFromTemplate(id: TemplateId): Promise<SchemaDocument> {
  const template = TEMPLATES.find((t) => t.id === id);
  if (!template) throw new Error(`unknown template ${id}`);
  const { importPrisma } = await import('@/lib/prisma');
  const { document } = await importPrisma([{ path: template.file, text: TEMPLATE_TEXTS[id] }], {
    name: template.name,
    skipValidation: true,
  });
  return gridLayout(document);
}

export async function readDocumentFile(file: File): Promise<SchemaDocument> {
  return parseDocument(await file.text(), file.name);
}

/** `<name>.schemata.json`, with characters file systems reject replaced. */
export function documentFileName(name: string): string {
  const safe = name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').trim() || 'schema';
  return `${safe}.schemata.json`;
}

export function downloadDocument(doc: SchemaDocument): void {
  const url = URL.createObjectURL(new Blob([serializeDocument(doc)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = documentFileName(doc.name);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
