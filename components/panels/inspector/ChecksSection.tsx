'use client';
import { useSchema } from '@/lib/store/react';
import { addCheck, deleteCheck, updateCheck } from '@/lib/store/commands';
import { newId } from '@/lib/schema/ids';
import type { Id } from '@/lib/schema/types';
import { CommitInput, Section } from '@/components/ui/fields';
import { useSafeDispatch } from './useSafeDispatch';

export function ChecksSection({ tableId }: { tableId: Id }) {
  const checks = useSchema((s) => s.document.tables[tableId]?.checks ?? []);
  const run = useSafeDispatch();
  return (
    <Section
      title="Check constraints"
      action={
        <button
          type="button"
          className="text-xs text-sky-700 hover:underline dark:text-sky-400"
          onClick={() => run(addCheck(tableId, { id: newId('chk'), expression: 'true' }))}
        >
          Add check
        </button>
      }
    >
      <ul className="text-xs">
        {checks.map((ck) => (
          <li key={ck.id} className="flex items-center gap-1 py-0.5">
            <CommitInput label="Check expression" className="flex-1 font-mono" value={ck.expression} onCommit={(v) => v.trim() && run(updateCheck(tableId, ck.id, { expression: v.trim() }))} />
            <CommitInput label="Check name" className="w-24" placeholder="name" value={ck.dbName ?? ''} onCommit={(v) => run(updateCheck(tableId, ck.id, { dbName: v.trim() || undefined }))} />
            <button type="button" className="text-red-600" aria-label="Delete check" onClick={() => run(deleteCheck(tableId, ck.id))}>
              ✕
            </button>
          </li>
        ))}
      </ul>
    </Section>
  );
}
