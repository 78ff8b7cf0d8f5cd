'use client';
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { useSchema } from '@/lib/store/react';
import { columnTypeLabel } from '@/lib/schema/column-edit';
import { NodeFrame } from './NodeFrame';

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

function Row({ name, type }: { name: string; type: string }) {
  return (
    <li className="flex justify-between gap-4 border-t border-slate-100 px-3 py-1 font-mono dark:border-slate-800">
      <span>{name}</span>
      <span className="text-slate-500">{type}</span>
    </li>
  );
}

/** A view: its name and the columns it gives (read-only: a view is its definition). */
function ViewNodeImpl({ id, selected }: NodeProps) {
  const view = useSchema((s) => s.document.views[id]);
  const enums = useSchema((s) => s.document.enums);
  if (!view) return null;
  return (
    <NodeFrame kind="view" name={view.name} selected={selected}>
      <ul aria-label={`Columns of ${view.name}`}>
        {(view.columns ?? []).map((c) => (
          <Row key={c.id} name={c.name} type={columnTypeLabel({ enums }, { id: c.id, name: c.name, type: c.type, nullable: true })} />
        ))}
        {/* Declared in Prisma: its fields as written. */}
        {!view.columns?.length && prismaFields(view.prismaBody).map(([name, type], i) => <Row key={i} name={name} type={type} />)}
      </ul>
    </NodeFrame>
  );
}

export const ViewNode = memo(ViewNodeImpl);
