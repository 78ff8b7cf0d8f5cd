'use client';
/** UI-only state (selection, panels). Never schema state: that lives in the document store. */
import { create } from 'zustand';

export interface UiState {
  selected: ReadonlySet<string>;
  select(ids: string[], additive?: boolean): void;
  setSelected(id: string, on: boolean): void;
  clearSelection(): void;
}

export const useUi = create<UiState>()((set) => ({
  selected: new Set(),
  select: (ids, additive) => set((s) => ({ selected: new Set(additive ? [...s.selected, ...ids] : ids) })),
  setSelected: (id, on) =>
    set((s) => {
      if (s.selected.has(id) === on) return s;
      const next = new Set(s.selected);
      if (on) next.add(id);
      else next.delete(id);
      return { selected: next };
    }),
  clearSelection: () => set((s) => (s.selected.size ? { selected: new Set() } : s)),
}));
