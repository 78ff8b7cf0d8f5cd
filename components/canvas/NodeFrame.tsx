'use client';
import type { ReactNode } from 'react';

const TONES = {
  enum: { border: 'border-violet-300 dark:border-violet-800', header: 'bg-violet-700', width: 'min-w-40' },
  view: { border: 'border-dashed border-teal-400 dark:border-teal-700', header: 'bg-teal-700', width: 'min-w-56' },
} as const;

/** The frame of a canvas node that is not a table: a region named `<Kind> <name>`, its header, then its rows. */
export function NodeFrame({ kind, name, selected, children }: { kind: keyof typeof TONES; name: string; selected?: boolean; children: ReactNode }) {
  const tone = TONES[kind];
  return (
    <section
      aria-label={`${kind === 'enum' ? 'Enum' : 'View'} ${name}`}
      className={`${tone.width} overflow-hidden rounded-lg border bg-white text-xs shadow-sm dark:bg-slate-900 ${selected ? 'border-sky-500 ring-2 ring-sky-300' : tone.border}`}
    >
      <header className={`${tone.header} px-3 py-1.5 font-semibold text-white`}>
        <span role="heading" aria-level={2}>
          {name}
        </span>{' '}
        <span className="font-normal opacity-70">{kind}</span>
      </header>
      {children}
    </section>
  );
}
