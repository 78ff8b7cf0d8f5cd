import type { Action } from '@/lib/actions/registry';
import { layoutGraph } from '@/lib/layout/graph';
import { setLayout } from '@/lib/store/commands';
import { layoutInWorker } from '@/components/canvas/layoutClient';
import type { EditorContext } from '@/components/editor/context';
import type { NodeLayout } from '@/lib/schema/types';
import { sameContent } from '@/lib/schema/content';

/**
 * Lays out the document with ELK in a worker. `keepPinned` keeps tables the user placed by hand.
 * `mergeKey` makes the layout part of the undo step that set it (an import's). A layout computed
 * for a schema that has changed meanwhile (undone, edited, another file opened) is not applied.
 */
export async function runAutoLayout(ctx: EditorContext, keepPinned: boolean, mergeKey?: string) {
  const doc = ctx.store.getState().document;
  const keep = keepPinned ? new Set(Object.entries(doc.layout.nodes).filter(([, n]) => n.pinned).map(([id]) => id)) : undefined;
  ctx.ui().announce('Laying out…');
  const positions = await layoutInWorker(layoutGraph(doc, { sizes: ctx.measured(), keep }));
  const now = ctx.store.getState().document;
  if (!sameContent(doc, now)) {
    ctx.ui().announce('Layout not applied: the schema changed while it was computed');
    return;
  }
  const current = now.layout.nodes;
  const nodes: Record<string, NodeLayout> = { ...current };
  for (const [id, p] of Object.entries(positions)) {
    const prev = current[id];
    nodes[id] = { ...prev, x: p.x, y: p.y };
    if (!keep?.has(id)) delete nodes[id].pinned;
  }
  ctx.store.getState().dispatch(setLayout(nodes, mergeKey));
  setTimeout(() => void ctx.flow.fitView({ padding: 0.1, duration: 300 }), 80);
  ctx.ui().announce('Layout done');
}

export const autoLayoutAction: Action<EditorContext> = {
  id: 'auto-layout',
  edits: true,
  label: 'Auto layout',
  group: 'View',
  shortcuts: ['Shift+L'],
  perform: (ctx) => runAutoLayout(ctx, false),
};

export const autoLayoutKeepAction: Action<EditorContext> = {
  id: 'auto-layout-keep',
  edits: true,
  label: 'Auto layout, keep placed tables',
  group: 'View',
  shortcuts: ['Alt+Shift+L'],
  perform: (ctx) => runAutoLayout(ctx, true),
};
