/**
 * The document store: a framework-free zustand store over one SchemaDocument, with undo/redo.
 * Components read with selectors and change the document only through `dispatch(command)`.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Command } from './command';
import type { SchemaDocument } from '../schema/types';

export const HISTORY_LIMIT = 200;

export interface SchemaState {
  document: SchemaDocument;
  past: SchemaDocument[];
  future: SchemaDocument[];
  /** Merge key of the last command, so a drag is one undo step. */
  lastMergeKey?: string;
  /** Label of the last applied command, for status display. */
  lastLabel?: string;
  /**
   * Set while the document is a provisional one (an import preview waiting for PostgreSQL): it is
   * shown, but commands, undo and redo are ignored (the UI disables them and says why) until
   * `settle` replaces it with the real one.
   */
  provisional?: string;
  /** What a provisional load replaced (document and history), restored as it was if it is taken back. */
  beforeProvisional?: Pick<SchemaState, 'document' | 'past' | 'future' | 'lastMergeKey' | 'lastLabel'>;
  dispatch(cmd: Command): void;
  undo(): void;
  redo(): void;
  /**
   * Replaces the document (open, import). Clears history unless `keepHistory`. With `mergeKey`, a
   * command dispatched next with the same key joins the load's undo step (an import's layout).
   */
  load(doc: SchemaDocument, opts?: { keepHistory?: boolean; provisional?: string; mergeKey?: string }): void;
  /**
   * Ends a provisional document: replaces it with `doc` (no new undo step: the load was the step),
   * or, without `doc`, takes the load back as if it had not happened.
   */
  settle(doc?: SchemaDocument): void;
}

export type SchemaStore = StoreApi<SchemaState>;

export function createSchemaStore(initial: SchemaDocument): SchemaStore {
  return createStore<SchemaState>()((set, get) => ({
    document: initial,
    past: [],
    future: [],
    dispatch(cmd) {
      const { document, past, lastMergeKey, provisional } = get();
      if (provisional) return;
      const next = cmd.apply(document);
      if (next === document) return;
      const merge = cmd.mergeKey !== undefined && cmd.mergeKey === lastMergeKey;
      set({
        document: next,
        past: merge ? past : [...past, document].slice(-HISTORY_LIMIT),
        future: [],
        lastMergeKey: cmd.mergeKey,
        lastLabel: cmd.label,
      });
    },
    undo() {
      const { document, past, future, provisional } = get();
      if (!past.length || provisional) return;
      set({
        document: past[past.length - 1],
        past: past.slice(0, -1),
        future: [document, ...future],
        lastMergeKey: undefined,
        lastLabel: 'Undo',
      });
    },
    redo() {
      const { document, past, future, provisional } = get();
      if (!future.length || provisional) return;
      set({
        document: future[0],
        past: [...past, document],
        future: future.slice(1),
        lastMergeKey: undefined,
        lastLabel: 'Redo',
      });
    },
    load(doc, opts) {
      const state = get();
      // Loading over a provisional document replaces it: it never becomes an undo step, and what it
      // replaced is what this load replaces.
      const before = state.beforeProvisional ?? { document: state.document, past: state.past, future: state.future, lastMergeKey: state.lastMergeKey, lastLabel: state.lastLabel };
      set({
        document: doc,
        past: opts?.keepHistory ? [...before.past, before.document].slice(-HISTORY_LIMIT) : [],
        future: [],
        lastMergeKey: opts?.mergeKey,
        provisional: opts?.provisional,
        beforeProvisional: opts?.provisional ? before : undefined,
      });
    },
    settle(doc) {
      const { provisional, beforeProvisional } = get();
      if (!provisional) return;
      if (doc) set({ document: doc, provisional: undefined, beforeProvisional: undefined });
      // Taken back: the document and its undo and redo history exactly as before the load.
      else set({ ...beforeProvisional, provisional: undefined, beforeProvisional: undefined });
    },
  }));
}
