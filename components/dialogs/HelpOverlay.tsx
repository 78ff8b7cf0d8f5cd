'use client';
import { useUi } from '@/components/editor/uiStore';
import { Dialog, DialogHeader } from '@/components/ui/Dialog';
import { ACTIONS } from '@/components/actions';
import { displayShortcut } from '@/lib/actions/shortcuts';

const GROUPS = ['Edit', 'Table', 'View', 'Document', 'Help'] as const;

export function HelpOverlay() {
  const open = useUi((s) => s.dialog === 'help');
  const close = () => useUi.getState().openDialog(null);
  if (!open) return null;
  const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
  return (
    <Dialog label="Keyboard shortcuts" onClose={close} wide>
      <DialogHeader title="Keyboard shortcuts" onClose={close} />
      <div className="grid grid-cols-2 gap-6 text-sm">
        {GROUPS.map((g) => (
          <section key={g} aria-label={g}>
            <h3 className="mb-1 font-semibold text-slate-500">{g}</h3>
            <table className="w-full">
              <tbody>
                {ACTIONS.filter((a) => a.group === g && a.shortcuts?.length).map((a) => (
                  <tr key={a.id}>
                    <td className="py-0.5">{a.label}</td>
                    <td className="py-0.5 text-right">
                      {a.shortcuts!.map((s) => (
                        <kbd key={s} className="ml-1 rounded border border-slate-300 px-1 font-mono text-xs dark:border-slate-600">
                          {displayShortcut(s, isMac)}
                        </kbd>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </div>
      <p className="mt-4 text-xs text-slate-500">Drag from a column&apos;s dot to another table&apos;s column to create a relation. Shift-click or drag a box to select several tables.</p>
    </Dialog>
  );
}
