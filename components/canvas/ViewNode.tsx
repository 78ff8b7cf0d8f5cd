'use client';
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { useSchema } from '@/lib/store/react';
import { columnTypeLabel } from '@/lib/schema/column-edit';

/** `name Type ...` lines of a Prisma view body (not comments or block attributes), as name and the rest. */
function prismaFields(body: string | undefined): [string, string][] {
  if (!body) return [];
  return body
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('//') && !l.startsWith('@@'))
    .map((l) => {
      const at = l.search(/\s/);
      return at < 0 ? [l, ''] : [l.slice(0, at), l.slice(at).trim().replace(/\s+/g, ' ')];
    });
}

/** A view: its name and the columns it gives (read-only: a view is its definition). */
function ViewNodeImpl({ id, selected }: NodeProps) {
  const view = useSchema((s) => s.document.views[id]);
  const enums = useSchema((s) => s.document.enums);
  if (!view) return null;
  return (
    <section
      aria-label={`View ${view.name}`}
      className={`min-w-56 overflow-hidden rounded-lg border border-dashed bg-white text-xs shadow-sm dark:bg-slate-900 ${
        selected ? 'border-sky-500 ring-2 ring-sky-300' : 'border-teal-400 dark:border-teal-700'
      }`}
    >
      <header className="bg-teal-700 px-3 py-1.5 font-semibold text-white">
        <span role="heading" aria-level={2}>
          {view.name}
        </span>{' '}
        <span className="font-normal opacity-70">view</span>
      </header>
      <ul aria-label={`Columns of ${view.name}`}>
        {(view.columns ?? []).map((c) => (
          <li key={c.id} className="flex justify-between gap-4 border-t border-slate-100 px-3 py-1 font-mono dark:border-slate-800">
            <span>{c.name}</span>
            <span className="text-slate-500">{columnTypeLabel({ enums }, { id: c.id, name: c.name, type: c.type, nullable: true })}</span>
          </li>
        ))}
        {/* Declared in Prisma: its fields as written. */}
        {!view.columns?.length &&
          prismaFields(view.prismaBody).map(([name, type], i) => (
            <li key={i} className="flex justify-between gap-4 border-t border-slate-100 px-3 py-1 font-mono dark:border-slate-800">
              <span>{name}</span>
              <span className="text-slate-500">{type}</span>
            </li>
          ))}
      </ul>
    </section>
  );
}

export const ViewNode = memo(ViewNodeImpl);
