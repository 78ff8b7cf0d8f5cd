'use client';
import dynamic from 'next/dynamic';
import { useUi, type PanelTab } from '@/components/editor/uiStore';
import { Inspector } from './inspector/Inspector';
import { EnumsPanel } from './EnumsPanel';
import { DiagnosticsPanel } from './DiagnosticsPanel';

// CodeMirror loads only when the code tab is opened.
const CodePanel = dynamic(() => import('./code/CodePanel').then((m) => m.CodePanel), {
  ssr: false,
  loading: () => <p className="p-3 text-xs text-slate-500">Loading editor…</p>,
});

const TABS: [PanelTab, string][] = [
  ['inspector', 'Inspector'],
  ['enums', 'Enums'],
  ['code', 'Code'],
  ['diagnostics', 'Diagnostics'],
];

export function SidePanel() {
  const tab = useUi((s) => s.panel);
  const open = useUi((s) => s.panelOpen);
  if (!open) {
    return (
      <button type="button" className="btn m-1 self-start" aria-label="Show panel" onClick={() => useUi.getState().togglePanel()}>
        ⟨
      </button>
    );
  }
  return (
    <aside aria-label="Side panel" className={`flex shrink-0 flex-col border-l border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900 ${tab === 'code' ? 'w-[34rem]' : 'w-96'}`}>
      <div role="tablist" aria-label="Panels" className="flex items-center border-b border-slate-200 text-sm dark:border-slate-800">
        {TABS.map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            aria-controls={`panel-${id}`}
            className={`px-3 py-2 ${tab === id ? 'border-b-2 border-sky-600 font-semibold' : 'text-slate-500'}`}
            onClick={() => useUi.getState().showPanel(id)}
          >
            {label}
          </button>
        ))}
        <button type="button" className="ml-auto px-2 text-slate-500" aria-label="Hide panel" onClick={() => useUi.getState().togglePanel()}>
          ⟩
        </button>
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-label={TABS.find(([id]) => id === tab)![1]} className="min-h-0 flex-1 overflow-auto">
        {tab === 'inspector' && <Inspector />}
        {tab === 'enums' && <EnumsPanel />}
        {tab === 'code' && <CodePanel />}
        {tab === 'diagnostics' && <DiagnosticsPanel />}
      </div>
    </aside>
  );
}
