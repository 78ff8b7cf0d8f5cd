'use client';
import { useEffect, useMemo, useState } from 'react';
import { useSchemaContent } from '@/lib/store/react';
import { checkDocument, type DesignIssue } from '@/lib/diagnostics/check';
import { useEditorContext } from '@/components/editor/EditorContextProvider';
import { focusTable } from '@/components/actions/helpers';
import { prismaIssues } from '@/lib/diagnostics/prisma';
import { withoutEchoes } from '@/lib/diagnostics/combine';

export function DiagnosticsPanel() {
  const doc = useSchemaContent();
  const ctx = useEditorContext();
  const design = useMemo(() => checkDocument(doc), [doc]);
  const [prisma, setPrisma] = useState<{ doc: unknown; issues: DesignIssue[] } | null>(null);
  useEffect(() => {
    let live = true;
    const t = setTimeout(() => {
      // Echoes are judged against the document Prisma checked (the one shown may have changed since).
      void prismaIssues(doc).then((issues) => live && setPrisma({ doc, issues: withoutEchoes(doc, design, issues) }));
    }, 300);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [doc, design]);
  const all = [...design, ...(prisma?.issues ?? [])];
  return (
    <div className="p-2 text-xs">
      <p className="mb-2 px-1 text-slate-500" aria-live="polite">
        {all.length ? `${all.length} problem${all.length > 1 ? 's' : ''}` : 'No problems found.'}
        {prisma?.doc !== doc && ' Checking with Prisma…'}
      </p>
      <ul aria-label="Problems">
        {all.map((d, i) => (
          <li key={i}>
            <button
              type="button"
              className="flex w-full gap-2 rounded px-1 py-1 text-left hover:bg-slate-100 dark:hover:bg-slate-800"
              onClick={() => d.tableId && focusTable(ctx, d.tableId)}
              disabled={!d.tableId}
            >
              <span className={d.severity === 'error' ? 'text-red-600' : 'text-amber-600'}>{d.severity === 'error' ? '●' : '▲'}</span>
              <span>
                {d.message}
                {d.code === 'prisma' && d.line ? <span className="text-slate-500"> ({d.file ?? 'schema.prisma'}:{d.line}:{d.column})</span> : null}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
