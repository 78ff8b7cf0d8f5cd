'use client';
import { memo, useEffect, useState } from 'react';
import { NodeResizer, type NodeProps } from '@xyflow/react';
import { useSchema, useSchemaStoreApi } from '@/lib/store/react';
import { updateNote } from '@/lib/store/commands';
import { useUi } from '@/components/editor/uiStore';

function NoteNodeImpl({ id, selected }: NodeProps) {
  const note = useSchema((s) => s.document.layout.notes[id]);
  const store = useSchemaStoreApi();
  const [editingHere, setEditing] = useState(false);
  // A note just added opens for typing (else its keys would be the editor's shortcuts).
  const requested = useUi((s) => s.editingNote === id);
  const editing = editingHere || requested;
  // A note removed while open (undone) leaves no request behind for a redo to open it again.
  useEffect(() => () => {
    if (useUi.getState().editingNote === id) useUi.getState().editNote(null);
  }, [id]);
  if (!note) return null;
  return (
    <div
      role="note"
      aria-label={`Note: ${note.text.slice(0, 40)}`}
      className="h-full w-full rounded-md p-2 text-sm text-slate-800 shadow"
      style={{ background: note.color ?? '#fef08a' }}
      onDoubleClick={() => setEditing(true)}
    >
      <NodeResizer
        isVisible={selected}
        minWidth={120}
        minHeight={60}
        onResizeEnd={(_, p) => store.getState().dispatch(updateNote(id, { x: p.x, y: p.y, width: p.width, height: p.height }))}
      />
      {editing ? (
        <textarea
          autoFocus
          aria-label="Note text"
          className="nodrag h-full w-full resize-none bg-transparent outline-none"
          defaultValue={note.text}
          onFocus={(e) => requested && e.target.select()}
          onBlur={(e) => {
            setEditing(false);
            if (requested) useUi.getState().editNote(null);
            if (e.target.value !== note.text) store.getState().dispatch(updateNote(id, { text: e.target.value }));
          }}
          onKeyDown={(e) => e.key === 'Escape' && (e.target as HTMLTextAreaElement).blur()}
        />
      ) : (
        <p className="h-full w-full overflow-hidden whitespace-pre-wrap">{note.text}</p>
      )}
    </div>
  );
}

export const NoteNode = memo(NoteNodeImpl);
