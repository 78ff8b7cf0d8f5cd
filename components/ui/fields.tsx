'use client';
import { useState, type InputHTMLAttributes } from 'react';

/** A text input that commits on blur or Enter (one undo step per edit), and reverts on Escape. */
export function CommitInput(
  props: { value: string; onCommit(v: string): void; label: string } & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>,
) {
  const { value, onCommit, label, className, ...rest } = props;
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft !== null && draft !== value) onCommit(draft);
    setDraft(null);
  };
  return (
    <input
      {...rest}
      aria-label={label}
      className={`min-w-0 rounded border border-slate-300 bg-white px-1.5 py-0.5 text-xs dark:border-slate-600 dark:bg-slate-800 ${className ?? ''}`}
      value={draft ?? value}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        // Enter commits and keeps the focus here (a blur would drop it to the page).
        if (e.key === 'Enter') commit();
        else if (e.key === 'Escape') {
          setDraft(null);
          (e.target as HTMLInputElement).blur();
        }
      }}
    />
  );
}

export function Section(props: { title: string; children: React.ReactNode; action?: React.ReactNode }) {
  return (
    <section aria-label={props.title} className="border-t border-slate-200 px-3 py-2 dark:border-slate-800">
      <div className="mb-1 flex items-center justify-between">
        <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{props.title}</h3>
        {props.action}
      </div>
      {props.children}
    </section>
  );
}
