'use client';
/** UI-only state (selection, dialogs, panels, theme). Never schema state: that lives in the document store. */
import { create } from 'zustand';
import type { Id } from '@/lib/schema/types';
import type { Fragment } from '@/lib/store/commands/clipboard';
import type { Diagnostic } from '@/lib/schema/diagnostics';

export type Dialog = 'search' | 'help' | 'import' | 'export' | null;
export type PanelTab = 'inspector' | 'enums' | 'code' | 'diagnostics';
export type CodeTab = 'prisma' | 'sql';
/** The SQL tab's dialects (format ids). */
export type SqlDialect = 'postgres' | 'mysql' | 'sqlite';

export interface PendingConnection {
  source: { table: Id; column?: Id };
  target: { table: Id; column?: Id };
}

export interface ConfirmRequest {
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm(): void;
}

export interface PrismaDraft {
  path: string;
  /** The exported text the draft was typed over. */
  base: string;
  text: string;
}

export interface UiState {
  selected: ReadonlySet<Id>;
  dialog: Dialog;
  panel: PanelTab;
  panelOpen: boolean;
  dark: boolean;
  clipboard: Fragment | null;
  pendingConnection: PendingConnection | null;
  confirm: ConfirmRequest | null;
  /** Announced to screen readers and shown briefly. */
  status: string;
  /** Counts announcements, so the same one made twice shows again. */
  statusSeq: number;
  /** What the last import reported (skipped statements, warnings, errors), shown by the import dialog. */
  importReport: Diagnostic[] | null;
  /** A note to open for editing (a new one), until its text is left. */
  editingNote: Id | null;
  /** The import dialog's running import (it runs on when the dialog closes). */
  importRunning: AbortController | null;
  /** The code panel's tab and the SQL tab's dialect: kept while other panels are shown. */
  codeTab: CodeTab;
  sqlDialect: SqlDialect;
  /**
   * Prisma text typed in the code panel and not applied yet (Prisma's validator refuses it so far):
   * kept while other panels are shown, for the file `path` as long as that file's text is still `base`.
   */
  prismaDraft: PrismaDraft | null;
  select(ids: Id[], additive?: boolean): void;
  setSelected(id: Id, on: boolean): void;
  clearSelection(): void;
  openDialog(d: Dialog): void;
  showPanel(tab: PanelTab): void;
  togglePanel(): void;
  setDark(dark: boolean): void;
  setClipboard(f: Fragment | null): void;
  setPendingConnection(c: PendingConnection | null): void;
  askConfirm(c: ConfirmRequest | null): void;
  announce(status: string): void;
  setImportReport(report: Diagnostic[] | null): void;
  editNote(id: Id | null): void;
  setImportRunning(c: AbortController | null): void;
  setCodeTab(tab: CodeTab): void;
  setSqlDialect(dialect: SqlDialect): void;
  setPrismaDraft(draft: PrismaDraft | null): void;
}

export const useUi = create<UiState>()((set) => ({
  selected: new Set(),
  dialog: null,
  panel: 'inspector',
  panelOpen: true,
  dark: false,
  clipboard: null,
  pendingConnection: null,
  confirm: null,
  status: '',
  statusSeq: 0,
  importReport: null,
  editingNote: null,
  importRunning: null,
  codeTab: 'prisma',
  sqlDialect: 'postgres',
  prismaDraft: null,
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
  openDialog: (dialog) => set({ dialog }),
  showPanel: (panel) => set({ panel, panelOpen: true }),
  togglePanel: () => set((s) => ({ panelOpen: !s.panelOpen })),
  setDark: (dark) => set({ dark }),
  setClipboard: (clipboard) => set({ clipboard }),
  setPendingConnection: (pendingConnection) => set({ pendingConnection }),
  askConfirm: (confirm) => set({ confirm }),
  announce: (status) => set((s) => ({ status, statusSeq: s.statusSeq + 1 })),
  setImportReport: (importReport) => set({ importReport }),
  editNote: (editingNote) => set({ editingNote }),
  setImportRunning: (importRunning) => set({ importRunning }),
  setCodeTab: (codeTab) => set({ codeTab }),
  setSqlDialect: (sqlDialect) => set({ sqlDialect }),
  setPrismaDraft: (prismaDraft) => set({ prismaDraft }),
}));
