'use client';
import { useSchema } from '@/lib/store/react';
import { useUi } from '@/components/editor/uiStore';
import { TableInspector } from './TableInspector';
import { RelationEditor } from './RelationsSection';
import { GroupEditor } from './GroupEditor';

export function Inspector() {
  const selected = useUi((s) => s.selected);
  const kinds = useSchema((s) => [...selected].map((id) => (s.document.tables[id] ? 'table' : s.document.relations[id] ? 'relation' : s.document.layout.groups[id] ? 'group' : 'other')).join(','));
  const ids = [...selected];
  if (ids.length === 1 && kinds === 'table') return <TableInspector key={ids[0]} tableId={ids[0]} />;
  if (ids.length === 1 && kinds === 'relation') {
    return (
      <ul className="p-3">
        <RelationEditor relationId={ids[0]} />
      </ul>
    );
  }
  if (ids.length === 1 && kinds === 'group') return <GroupEditor groupId={ids[0]} />;
  return (
    <div className="p-3 text-sm text-slate-500">
      {ids.length > 1 ? (
        <p>{ids.length} items selected. Copy (Ctrl+C), duplicate (Ctrl+D), group (Ctrl+G) or delete them.</p>
      ) : (
        <p>Select a table to edit it, or add one with “Add table”. Press ? for shortcuts.</p>
      )}
    </div>
  );
}
