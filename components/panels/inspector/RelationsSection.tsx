'use client';
import { useSchema } from '@/lib/store/react';
import { deleteRelation, updateRelation } from '@/lib/store/commands';
import { relationEdge, relationIdsOf } from '@/lib/schema/graph';
import type { Id, ReferentialAction, Relation } from '@/lib/schema/types';
import { Section } from '@/components/ui/fields';
import { ReferentialActionSelect } from '@/components/ui/ReferentialActionSelect';
import { useSafeDispatch } from './useSafeDispatch';

export function RelationEditor({ relationId }: { relationId: Id }) {
  const rel = useSchema((s) => s.document.relations[relationId]);
  const label = useSchema((s) => (rel ? relationEdge(s.document, rel)?.label : undefined));
  const run = useSafeDispatch();
  if (!rel) return null;
  const set = (k: 'onDelete' | 'onUpdate', v: string) => run(updateRelation(relationId, { [k]: (v || undefined) as ReferentialAction | undefined } as Partial<Relation>));
  return (
    <li aria-label={`Relation ${label}`} className="border-b border-slate-100 py-1 text-xs dark:border-slate-800">
      <div className="flex items-center gap-1">
        <span className="font-mono">{label}</span>
        <button type="button" className="ml-auto text-red-600" aria-label={`Delete relation ${label}`} onClick={() => run(deleteRelation(relationId))}>
          ✕
        </button>
      </div>
      {rel.kind === 'foreign-key' && (
        <div className="mt-1 grid grid-cols-2 gap-1">
          {(['onDelete', 'onUpdate'] as const).map((k) => (
            <ReferentialActionSelect
              key={k}
              label={k === 'onDelete' ? 'On delete' : 'On update'}
              className="rounded border border-slate-300 bg-white px-1 dark:border-slate-600 dark:bg-slate-800"
              value={rel[k] ?? ''}
              onChange={(v) => set(k, v)}
            />
          ))}
        </div>
      )}
    </li>
  );
}

export function RelationsSection({ tableId }: { tableId: Id }) {
  const ids = useSchema((s) => relationIdsOf(s.document.relations, tableId));
  return (
    <Section title="Relations">
      {ids.length ? (
        <ul>
          {ids.map((id) => (
            <RelationEditor key={id} relationId={id} />
          ))}
        </ul>
      ) : (
        <p className="text-xs text-slate-500">Drag from a column&apos;s dot to another table to relate them.</p>
      )}
    </Section>
  );
}
