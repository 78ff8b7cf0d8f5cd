'use client';
import { createContext, useContext, useMemo, useRef, type ReactNode } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useSchemaStoreApi } from '@/lib/store/react';
import { useUi } from './uiStore';
import type { EditorContext } from './context';

type Sizes = Map<string, { width: number; height: number }>;
const Ctx = createContext<{ ctx: EditorContext; sizes: { current: Sizes } } | null>(null);

/** Gives components the action context: store, UI state, viewport. (Handles, not schema state.) */
export function EditorContextProvider({ children }: { children: ReactNode }) {
  const store = useSchemaStoreApi();
  const flow = useReactFlow();
  const sizes = useRef<Sizes>(new Map());
  const value = useMemo(
    () => ({ ctx: { store, flow, ui: () => useUi.getState(), measured: () => sizes.current }, sizes }),
    [store, flow],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useEditorContext(): EditorContext {
  const v = useContext(Ctx);
  if (!v) throw new Error('useEditorContext needs <EditorContextProvider>');
  return v.ctx;
}

/** The canvas reports measured node sizes here, for layout and focusing. */
export function useMeasuredSizes(): { current: Sizes } {
  const v = useContext(Ctx);
  if (!v) throw new Error('useMeasuredSizes needs <EditorContextProvider>');
  return v.sizes;
}
