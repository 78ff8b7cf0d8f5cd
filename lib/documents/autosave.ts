/**
 * Autosave: watches the store and saves the current document, debounced, when it changes.
 * In a browser it also flushes when the page is hidden or unloaded (`visibilitychange`,
 * `pagehide`), so a quick edit-then-close is not lost. A browser may end the page before
 * IndexedDB has written (a reload does), so a document not yet stored then is also kept in
 * `localStorage` (a key per document), which writes at once, and taken back into the repository on
 * the next start (recoverUnsaved).
 */
import type { SchemaStore } from '../store/store';
import type { SchemaDocument } from '../schema/types';
import { parseDocument } from '../schema/serialize';
import type { DocumentRepository } from './repository';

/** Where a document not yet stored when the page went is kept, by document id (see recoverUnsaved). */
export const UNSAVED_PREFIX = 'schemata:unsaved:';

export type BackupStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

const defaultBackup = (): BackupStorage | null => {
  try {
    return typeof window !== 'undefined' ? window.localStorage : null;
  } catch {
    return null;
  }
};

/**
 * Stores the documents the last pages kept as unsaved (see UNSAVED_PREFIX), and forgets them; the
 * one kept last becomes the last opened. Returns them. Not one that no longer reads as a document,
 * or that the repository holds a version of saved after it was kept (its own write got through, or
 * another tab saved since).
 */
export async function recoverUnsaved(repo: DocumentRepository, backup: BackupStorage | null = defaultBackup()): Promise<SchemaDocument[]> {
  if (!backup) return [];
  const keys: string[] = [];
  for (let i = 0; i < backup.length; i++) {
    const k = backup.key(i);
    if (k?.startsWith(UNSAVED_PREFIX)) keys.push(k);
  }
  if (!keys.length) return [];
  const stored = new Map((await repo.list()).map((d) => [d.id, d.updatedAt]));
  const recovered: { doc: SchemaDocument; keptAt: number }[] = [];
  for (const key of keys) {
    const text = backup.getItem(key);
    backup.removeItem(key);
    let doc: SchemaDocument;
    let keptAt: number;
    try {
      const kept = JSON.parse(text ?? '') as { keptAt: number; document: unknown };
      keptAt = Number(kept.keptAt);
      doc = parseDocument(JSON.stringify(kept.document), 'unsaved document');
    } catch {
      continue;
    }
    const at = stored.get(doc.id);
    if (at !== undefined && !(at < keptAt)) continue;
    await repo.save(doc);
    recovered.push({ doc, keptAt });
  }
  if (!recovered.length) return [];
  recovered.sort((a, b) => a.keptAt - b.keptAt);
  await repo.setLastOpenedId(recovered.at(-1)!.doc.id);
  return recovered.map((r) => r.doc);
}

export const AUTOSAVE_DELAY_MS = 400;

export interface AutosaveOptions {
  delayMs?: number;
  /** Called after each successful save. */
  onSaved?(doc: SchemaDocument): void;
  /** Called when a save fails (the default logs to the console). */
  onError?(error: unknown, doc: SchemaDocument): void;
  /** Also record the saved document as the last opened one (default true). */
  trackLastOpened?: boolean;
  /** Clock for the backup's time (see recoverUnsaved); the repository's clock in tests. */
  now?: () => number;
  /** Event target for the page-lifecycle flushes; defaults to `window` when there is one. */
  lifecycle?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | null;
  /** Where a document not yet stored is kept as the page goes; defaults to `localStorage` when there is one. */
  backup?: BackupStorage | null;
}

export interface Autosave {
  /** Saves now if a save is pending; resolves when everything scheduled so far is written. */
  flush(): Promise<void>;
  /** Drops a pending save without writing it. */
  cancel(): void;
  /** Marks a document as already stored, e.g. one just loaded from the repository. */
  markSaved(doc: SchemaDocument): void;
  readonly pending: boolean;
  /** Unsubscribes and flushes what is pending. */
  dispose(): Promise<void>;
}

export function createAutosave(store: SchemaStore, repo: DocumentRepository, opts: AutosaveOptions = {}): Autosave {
  const delayMs = opts.delayMs ?? AUTOSAVE_DELAY_MS;
  const trackLastOpened = opts.trackLastOpened ?? true;
  const onError = opts.onError ?? ((e: unknown) => console.error('Schemata autosave failed', e));
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The document object last written (or known to be stored): saving it again is skipped. */
  let saved: SchemaDocument | undefined = undefined;
  let lastOpened: string | undefined;
  /** Saves run one after another, in order. */
  let chain: Promise<void> = Promise.resolve();
  /** The document last known to be written, and the one kept in the backup storage. */
  let confirmed: SchemaDocument | undefined;
  let backedUp: { doc: SchemaDocument; key: string; text: string } | undefined;
  const backup = opts.backup === undefined ? defaultBackup() : opts.backup;
  const now = opts.now ?? Date.now;

  /**
   * The writes are issued in this task, not after the saves before them (IndexedDB runs transactions
   * on the same stores in the order they are made, so they still land in order): a page being
   * unloaded (pagehide) runs no later callback to issue them from. Their outcomes are taken in order.
   */
  const write = (): Promise<void> => {
    timer = undefined;
    const { document: doc, provisional } = store.getState();
    // A provisional document (an import preview) is never stored: the real one follows.
    if (doc === saved || provisional) return chain;
    saved = doc;
    const attempt = <T>(f: () => Promise<T>): Promise<T> => {
      try {
        return f();
      } catch (e) {
        return Promise.reject(e);
      }
    };
    const saving = attempt(() => repo.save(doc));
    const opening = trackLastOpened && lastOpened !== doc.id ? attempt(() => repo.setLastOpenedId(doc.id)) : undefined;
    saving.catch(() => {});
    opening?.catch(() => {});
    chain = chain.then(async () => {
      try {
        await saving;
        confirmed = doc;
        // Its backup is no longer needed, unless another tab has kept the document since.
        if (backedUp?.doc === doc) {
          if (backup?.getItem(backedUp.key) === backedUp.text) backup.removeItem(backedUp.key);
          backedUp = undefined;
        }
        if (opening) {
          await opening;
          lastOpened = doc.id;
        }
        opts.onSaved?.(doc);
      } catch (e) {
        if (saved === doc) saved = undefined;
        onError(e, doc);
      }
    });
    return chain;
  };

  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(write, delayMs);
  };

  const unsubscribe = store.subscribe((state, prev) => {
    if (state.document !== prev.document && state.document !== saved && !state.provisional) schedule();
  });

  const flush = (): Promise<void> => {
    if (timer !== undefined) {
      clearTimeout(timer);
      return write();
    }
    return chain;
  };

  const target = opts.lifecycle === undefined ? (typeof window !== 'undefined' ? window : null) : opts.lifecycle;
  /** The page may be going: the document, unless known to be written, is kept where it is written at once. */
  const keep = () => {
    const { document: doc, provisional } = store.getState();
    if (!backup || provisional || doc === confirmed || doc === backedUp?.doc) return;
    try {
      const key = `${UNSAVED_PREFIX}${doc.id}`;
      const text = JSON.stringify({ keptAt: now(), document: doc });
      backup.setItem(key, text);
      backedUp = { doc, key, text };
    } catch {
      // Over the storage's quota: IndexedDB's write is all there is.
    }
  };
  const onHide = () => {
    if (typeof document !== 'undefined' && document.visibilityState !== 'hidden') return;
    keep();
    void flush();
  };
  const onPageHide = () => {
    keep();
    void flush();
  };
  target?.addEventListener('visibilitychange', onHide);
  target?.addEventListener('pagehide', onPageHide);

  return {
    flush,
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
    markSaved(doc) {
      saved = doc;
      confirmed = doc;
      lastOpened = undefined;
      if (store.getState().document === doc && timer !== undefined) {
        clearTimeout(timer);
        timer = undefined;
      }
    },
    get pending() {
      return timer !== undefined;
    },
    dispose() {
      unsubscribe();
      target?.removeEventListener('visibilitychange', onHide);
      target?.removeEventListener('pagehide', onPageHide);
      return flush();
    },
  };
}
