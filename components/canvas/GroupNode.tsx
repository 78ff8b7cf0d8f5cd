'use client';
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { useSchema } from '@/lib/store/react';

function GroupNodeImpl({ id, selected }: NodeProps) {
  const group = useSchema((s) => s.document.layout.groups[id]);
  if (!group) return null;
  return (
    <div
      aria-label={`Group ${group.name}`}
      className={`h-full w-full rounded-xl border-2 ${selected ? 'border-solid' : 'border-dashed'}`}
      style={{ borderColor: group.color, background: `${group.color}14` }}
    >
      <span className="ml-3 inline-block rounded-b px-2 py-0.5 text-xs font-semibold text-white" style={{ background: group.color }}>
        {group.name}
      </span>
    </div>
  );
}

export const GroupNode = memo(GroupNodeImpl);
