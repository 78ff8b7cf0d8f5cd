'use client';
import type { DesignIssue } from '@/lib/diagnostics/check';
import type { SchemaDocument } from '@/lib/schema/types';

/** Prisma's validator on the exported schema, in the browser; located back to the model it concerns. */
export async function prismaIssues(doc: SchemaDocument): Promise<DesignIssue[]> {
  const { exportPrismaSync, validatePrisma } = await import('@/lib/prisma');
  let files;
  try {
    files = exportPrismaSync(doc).files;
  } catch (e) {
    return [{ severity: 'error', code: 'prisma', message: `Prisma export failed: ${(e as Error).message}` }];
  }
  const diags = await validatePrisma(files);
  return diags
    .filter((d) => d.severity !== 'info')
    .map((d) => {
      const file = files.find((f) => f.path === d.file) ?? files[0];
      const lines = file.text.split('\n');
      let tableId: string | undefined;
      for (let l = (d.line ?? 1) - 1; l >= 0; l--) {
        const m = /^\s*model\s+(\w+)/.exec(lines[l] ?? '');
        if (m) {
          tableId = Object.values(doc.tables).find((t) => t.name === m[1])?.id;
          break;
        }
      }
      return { severity: d.severity === 'error' ? 'error' : 'warning', code: 'prisma', message: `Prisma: ${d.message}`, tableId, line: d.line, column: d.column, file: d.file };
    });
}
