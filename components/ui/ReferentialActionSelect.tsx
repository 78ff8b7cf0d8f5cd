'use client';
import type { ReferentialAction } from '@/lib/schema/types';

export const REFERENTIAL_ACTIONS: { value: ReferentialAction | ''; label: string }[] = [
  { value: '', label: 'Default' },
  { value: 'cascade', label: 'Cascade' },
  { value: 'restrict', label: 'Restrict' },
  { value: 'no-action', label: 'No action' },
  { value: 'set-null', label: 'Set null' },
  { value: 'set-default', label: 'Set default' },
];

/** A labelled ON DELETE / ON UPDATE picker. */
export function ReferentialActionSelect(props: { label: string; value: ReferentialAction | ''; onChange(v: ReferentialAction | ''): void; className?: string }) {
  return (
    <label className="flex flex-col">
      {props.label}
      <select
        className={props.className ?? 'btn'}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value as ReferentialAction | '')}
      >
        {REFERENTIAL_ACTIONS.map((a) => (
          <option key={a.value} value={a.value}>
            {a.label}
          </option>
        ))}
      </select>
    </label>
  );
}
