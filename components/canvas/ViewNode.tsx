'use client';
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { useSchema } from '@/lib/store/react';
import { viewRows } from '@/lib/schema/views';
import { NodeFrame } from './NodeFrame';

/** A view: its name and the columns it gives (read-only: a view is its definition). */
function ViewNodeImpl({ id, selected }: NodeProps) {
  const view = useSchema((s) => s.document.views[id]);
  const enums = useSchema((s) => s.document.enums);
  if (!view) return null;
  return (
    <NodeFrame kind="view" name={view.name} selected={selected}>
      <ul aria-label={`Columns of ${view.name}`}>
        {viewRows({ enums }, view).map((r, i) => (
          <li key={i} className="flex justify-between gap-4 border-t border-slate-100 px-3 py-1 font-mono dark:border-slate-800">
            <span>{r.name}</span>
            <span className="text-slate-500">{r.type}</span>
          </li>
        ))}
      </ul>
    </NodeFrame>
  );
}

export const ViewNode = memo(ViewNodeImpl);
