'use client';
import { useSchema } from '@/lib/store/react';
import { addEnum, deleteEnum, updateEnum } from '@/lib/store/commands';
import { newId } from '@/lib/schema/ids';
import type { Enum } from '@/lib/schema/types';
import { CommitInput } from '@/components/ui/fields';
import { useSafeDispatch } from './inspector/useSafeDispatch';
import { useEditorContext } from '@/components/editor/EditorContextProvider';
import { viewportCenter } from '@/components/actions/helpers';
import { setNodeLayout } from '@/lib/store/commands';
import { command } from '@/lib/store/command';

function EnumEditor({ en }: { en: Enum }) {
  const run = useSafeDispatch();
  const setValues = (values: Enum['values']) => run(updateEnum(en.id, { values }));
  return (
    <li aria-label={`Enum ${en.name}`} className="border-b border-slate-200 px-3 py-2 dark:border-slate-800">
      <div className="mb-1 flex items-center gap-1">
        <CommitInput label="Enum name" className="flex-1 text-sm font-semibold" value={en.name} onCommit={(v) => v.trim() && run(updateEnum(en.id, { name: v.trim() }))} />
        <button type="button" className="text-xs text-red-600" aria-label={`Delete enum ${en.name}`} onClick={() => run(deleteEnum(en.id))}>
          Delete
        </button>
      </div>
      <ol className="space-y-0.5 text-xs">
        {en.values.map((v, i) => (
          <li key={v.id} className="flex items-center gap-1">
            <CommitInput label="Enum value" className="flex-1 font-mono" value={v.name} onCommit={(name) => setValues(en.values.map((x) => (x.id === v.id ? { ...x, name: name.trim() } : x)))} />
            <button type="button" aria-label={`Move ${v.name} up`} disabled={i === 0} onClick={() => setValues([...en.values.slice(0, i - 1), v, en.values[i - 1], ...en.values.slice(i + 1)])}>
              ↑
            </button>
            <button type="button" aria-label={`Remove ${v.name}`} className="text-red-600" onClick={() => setValues(en.values.filter((x) => x.id !== v.id))}>
              ✕
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="mt-1 text-xs text-sky-700 hover:underline dark:text-sky-400"
        onClick={() => {
          const taken = new Set(en.values.map((v) => v.name));
          let name = 'VALUE';
          for (let i = 2; taken.has(name); i++) name = `VALUE_${i}`;
          setValues([...en.values, { id: newId('val'), name }]);
        }}
      >
        Add value
      </button>
    </li>
  );
}

export function EnumsPanel() {
  const enums = useSchema((s) => s.document.enums);
  const run = useSafeDispatch();
  const ctx = useEditorContext();
  return (
    <div>
      <div className="flex items-center justify-between px-3 py-2">
        <h2 className="text-sm font-semibold">Enums</h2>
        <button
          type="button"
          className="btn"
          onClick={() => {
            // Enums, tables and views share one namespace.
            const d = ctx.store.getState().document;
            const taken = new Set([...Object.values(d.enums), ...Object.values(d.tables), ...Object.values(d.views)].map((x) => x.name));
            let name = 'Status';
            for (let i = 2; taken.has(name); i++) name = `Status${i}`;
            const en = { id: newId('enum'), name, values: [{ id: newId('val'), name: 'ACTIVE' }, { id: newId('val'), name: 'INACTIVE' }] };
            const c = viewportCenter(ctx);
            const add = addEnum(en);
            const place = setNodeLayout(en.id, { x: Math.round(c.x - 80), y: Math.round(c.y - 50), pinned: true });
            // One undo step: the enum and its place on the canvas.
            run(command('enum/add', add.label, (d) => place.apply(add.apply(d))));
          }}
        >
          Add enum
        </button>
      </div>
      <ul>
        {Object.values(enums).map((e) => (
          <EnumEditor key={e.id} en={e} />
        ))}
      </ul>
    </div>
  );
}
