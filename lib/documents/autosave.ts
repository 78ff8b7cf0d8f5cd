/**
 * Autosave: watches the store and saves the current document, debounced, when it changes.
 * In a browser it also flushes when the page is hidden or unloaded (`visibilitychange`,
 * `pagehide`), so a quick edit-then-close is not lost.
 */
import type { SchemaStore } from '../store/store';
import type { SchemaDocument } from '../schema/types';
import type { DocumentRepository } from './repository';

export const AUTOSAVE_DELAY_MS = 400;

export interface AutosaveOptions {
  delayMs?: number;
  /** Called after each successful save. */
  onSaved?(doc: SchemaDocument): void;
  /** Called when a save fails (the default logs to the console). */
  onError?(error: unknown, doc: SchemaDocument): void;
  /** Also record the saved document as the last opened one (default true). */
  trackLastOpened?: boolean;
  /** Event target for the page-lifecycle flushes; defaults to `window` when there is one. */
  lifecycle?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | null;
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

  const write = (): Promise<void> => {
    timer = undefined;
    const { document: doc, provisional } = store.getState();
    // A provisional document (an import preview) is never stored: the real one follows.
    if (doc === saved || provisional) return chain;
    saved = doc;
    chain = chain.then(async () => {
      try {
        await repo.save(doc);
        if (trackLastOpened && lastOpened !== doc.id) {
          await repo.setLastOpenedId(doc.id);
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
  const onHide = () => {
    if (typeof document === 'undefined' || document.visibilityState === 'hidden') void flush();
  };
  const onPageHide = () => void flush();
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
