'use client';
import type { ReactFlowInstance } from '@xyflow/react';
import type { SchemaStore } from '@/lib/store/store';
import type { UiState } from './uiStore';

/** What actions get to work with: the document store, UI state and the canvas viewport. */
export interface EditorContext {
  store: SchemaStore;
  ui: () => UiState;
  flow: ReactFlowInstance;
  /** Sizes measured on the canvas, for layout. */
  measured: () => ReadonlyMap<string, { width: number; height: number }>;
}
