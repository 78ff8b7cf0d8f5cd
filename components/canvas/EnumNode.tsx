'use client';
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { useSchema } from '@/lib/store/react';
import { NodeFrame } from './NodeFrame';

function EnumNodeImpl({ id, selected }: NodeProps) {
  const en = useSchema((s) => s.document.enums[id]);
  if (!en) return null;
  return (
    <NodeFrame kind="enum" name={en.name} selected={selected}>
      <ul>
        {en.values.map((v) => (
          <li key={v.id} className="border-t border-slate-100 px-3 py-1 font-mono dark:border-slate-800">
            {v.name}
          </li>
        ))}
      </ul>
    </NodeFrame>
  );
}

export const EnumNode = memo(EnumNodeImpl);
