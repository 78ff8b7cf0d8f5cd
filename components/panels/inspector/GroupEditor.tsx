'use client';
import { useSchema } from '@/lib/store/react';
import { deleteGroup, updateGroup } from '@/lib/store/commands';
import type { Id } from '@/lib/schema/types';
import { CommitInput } from '@/components/ui/fields';
import { useSafeDispatch } from './useSafeDispatch';

const COLORS = ['#0ea5e9', '#22c55e', '#f59e0b', '#ef4444', '#a855f7', '#14b8a6'];

export function GroupEditor({ groupId }: { groupId: Id }) {
  const group = useSchema((s) => s.document.layout.groups[groupId]);
  const run = useSafeDispatch();
  if (!group) return null;
  return (
    <div className="space-y-2 p-3 text-xs" aria-label={`Group ${group.name}`}>
      <CommitInput label="Group name" className="w-full text-sm" value={group.name} onCommit={(v) => run(updateGroup(groupId, { name: v }))} />
      <div role="group" aria-label="Group colour" className="flex gap-1">
        {COLORS.map((c) => (
          <button key={c} type="button" aria-label={`Colour ${c}`} aria-pressed={group.color === c} className="h-4 w-4 rounded-full" style={{ background: c }} onClick={() => run(updateGroup(groupId, { color: c }))} />
        ))}
      </div>
      <button type="button" className="btn" onClick={() => run(deleteGroup(groupId))}>
        Ungroup
      </button>
    </div>
  );
}
