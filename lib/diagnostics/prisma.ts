/**
 * Prisma's validator on a document's Prisma export, as design issues located back to the model
 * each one is in (so the diagnostics panel can focus its table). Loads lib/prisma lazily.
 */
import type { DesignIssue } from './check';
import type { SchemaDocument } from '../schema/types';

export async function prismaIssues(doc: SchemaDocument): Promise<DesignIssue[]> {
  const { exportPrismaSync, validatePrisma } = await import('../prisma');
  let files;
  try {
    files = exportPrismaSync(doc).files;
  } catch (e) {
    return [{ severity: 'error', code: 'prisma', message: `Prisma export failed: ${(e as Error).message}` }];
  }
  const tableByName = new Map(Object.values(doc.tables).map((t) => [t.name, t.id]));
  const diags = await validatePrisma(files);
  return diags
    .filter((d) => d.severity !== 'info')
    .map((d) => {
      const lines = (files.find((f) => f.path === d.file) ?? files[0]).text.split('\n');
      let tableId: string | undefined;
      for (let l = (d.line ?? 1) - 1; l >= 0; l--) {
        const m = /^\s*model\s+(\w+)/.exec(lines[l] ?? '');
        if (m) {
          tableId = tableByName.get(m[1]);
          break;
        }
      }
      return { severity: d.severity === 'error' ? 'error' : 'warning', code: 'prisma', message: `Prisma: ${d.message}`, tableId, line: d.line, column: d.column, file: d.file };
    });
}
