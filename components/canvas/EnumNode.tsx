'use client';
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { useSchema } from '@/lib/store/react';

function EnumNodeImpl({ id, selected }: NodeProps) {
  const en = useSchema((s) => s.document.enums[id]);
  if (!en) return null;
  return (
    <section
      aria-label={`Enum ${en.name}`}
      className={`min-w-40 overflow-hidden rounded-lg border bg-white text-xs shadow-sm dark:bg-slate-900 ${
        selected ? 'border-sky-500 ring-2 ring-sky-300' : 'border-violet-300 dark:border-violet-800'
      }`}
    >
      <header className="bg-violet-700 px-3 py-1.5 font-semibold text-white">
        <span role="heading" aria-level={2}>
          {en.name}
        </span>{' '}
        <span className="font-normal opacity-70">enum</span>
      </header>
      <ul>
        {en.values.map((v) => (
          <li key={v.id} className="border-t border-slate-100 px-3 py-1 font-mono dark:border-slate-800">
            {v.name}
          </li>
        ))}
      </ul>
    </section>
  );
}

export const EnumNode = memo(EnumNodeImpl);
