import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSchemaStore } from '../store/store';
import { moveNodes } from '../store/commands';
import { createAutosave, recoverUnsaved, UNSAVED_PREFIX } from './autosave';
import type { DocumentRepository } from './repository';
import { blogDocument, freshRepository, manualClock } from './testing';

/** Counts saves; otherwise the real repository. */
function spy(repo: DocumentRepository) {
  const saves: string[] = [];
  const wrapped: DocumentRepository = {
    ...repo,
    save: (doc) => {
      saves.push(doc.name);
      return repo.save(doc);
    },
  };
  return { repo: wrapped, saves };
}

const rename = (name: string) => ({ type: 'test/rename', label: 'Rename', apply: (d: ReturnType<typeof blogDocument>) => ({ ...d, name }) });

/** An autosave of the blog document that flushes only on the page's lifecycle events (or when asked). */
async function onLifecycle() {
  const { repo: base } = await freshRepository();
  const { repo, saves } = spy(base);
  const store = createSchemaStore(blogDocument());
  const lifecycle = new EventTarget();
  const autosave = createAutosave(store, repo, { delayMs: 10_000, lifecycle });
  return { base, saves, store, lifecycle, autosave };
}

/** Fakes only the timers autosave uses: fake-indexeddb schedules its work with setImmediate. */
const fakeTimers = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });

afterEach(() => {
  vi.useRealTimers();
});

describe('autosave', () => {
  it('saves once, delayMs after the last of a burst of changes', async () => {
    fakeTimers();
    const { repo: base } = await freshRepository();
    const { repo, saves } = spy(base);
    const store = createSchemaStore(blogDocument());
    const autosave = createAutosave(store, repo, { delayMs: 400, lifecycle: null });
    store.getState().dispatch(rename('one'));
    await vi.advanceTimersByTimeAsync(300);
    store.getState().dispatch(rename('two'));
    await vi.advanceTimersByTimeAsync(300);
    store.getState().dispatch(rename('three'));
    expect(autosave.pending).toBe(true);
    await vi.advanceTimersByTimeAsync(399);
    expect(saves).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await autosave.flush();
    expect(saves).toEqual(['three']);
    expect(autosave.pending).toBe(false);
    vi.useRealTimers();
    expect((await base.get('doc_blog'))!.name).toBe('three');
    expect(await base.getLastOpenedId()).toBe('doc_blog');
    await autosave.dispose();
  });

  it('ignores store changes that keep the document (history-only changes)', async () => {
    fakeTimers();
    const { repo: base } = await freshRepository();
    const { repo, saves } = spy(base);
    const store = createSchemaStore(blogDocument());
    const autosave = createAutosave(store, repo, { delayMs: 100, lifecycle: null });
    store.setState({ lastLabel: 'x' });
    await vi.advanceTimersByTimeAsync(500);
    expect(saves).toEqual([]);
    expect(autosave.pending).toBe(false);
    await autosave.dispose();
  });

  it('saves undo and redo, and a drag of many moves as one save', async () => {
    fakeTimers();
    const { repo: base } = await freshRepository();
    const { repo, saves } = spy(base);
    const store = createSchemaStore(blogDocument());
    const autosave = createAutosave(store, repo, { lifecycle: null });
    for (let i = 0; i < 20; i++) {
      store.getState().dispatch(moveNodes({ tbl_1: { x: i * 10, y: 0 } }, 'drag-1'));
      await vi.advanceTimersByTimeAsync(16);
    }
    await vi.advanceTimersByTimeAsync(400);
    await autosave.flush();
    expect(saves).toHaveLength(1);
    store.getState().undo();
    await vi.advanceTimersByTimeAsync(400);
    await autosave.flush();
    expect(saves).toHaveLength(2);
    vi.useRealTimers();
    expect((await base.get('doc_blog'))!.layout.nodes.tbl_1).toEqual({ x: 0, y: 0 });
    await autosave.dispose();
  });

  it('flush() writes a pending save immediately; dispose() flushes and unsubscribes', async () => {
    fakeTimers();
    const { repo: base } = await freshRepository();
    const { repo, saves } = spy(base);
    const store = createSchemaStore(blogDocument());
    const autosave = createAutosave(store, repo, { delayMs: 10_000, lifecycle: null });
    store.getState().dispatch(rename('now'));
    await autosave.flush();
    expect(saves).toEqual(['now']);
    await autosave.flush(); // nothing pending: no second save
    expect(saves).toEqual(['now']);
    store.getState().dispatch(rename('at dispose'));
    await autosave.dispose();
    expect(saves).toEqual(['now', 'at dispose']);
    store.getState().dispatch(rename('after'));
    await vi.advanceTimersByTimeAsync(20_000);
    expect(saves).toEqual(['now', 'at dispose']);
  });

  it('markSaved() skips saving a document that is already stored; cancel() drops a pending save', async () => {
    fakeTimers();
    const { repo: base } = await freshRepository();
    const { repo, saves } = spy(base);
    const store = createSchemaStore(blogDocument());
    const autosave = createAutosave(store, repo, { lifecycle: null });
    const other = { ...blogDocument(), id: 'doc_other', name: 'Other' };
    autosave.markSaved(other);
    store.getState().load(other);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(saves).toEqual([]);
    store.getState().dispatch(rename('dropped'));
    expect(autosave.pending).toBe(true);
    autosave.cancel();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(saves).toEqual([]);
    await autosave.dispose();
  });

  it('flushes on pagehide and when the page becomes hidden', async () => {
    fakeTimers();
    const { saves, store, lifecycle, autosave } = await onLifecycle();
    store.getState().dispatch(rename('hidden'));
    lifecycle.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(0);
    await autosave.flush();
    expect(saves).toEqual(['hidden']);
    store.getState().dispatch(rename('gone'));
    lifecycle.dispatchEvent(new Event('pagehide'));
    await autosave.flush();
    expect(saves).toEqual(['hidden', 'gone']);
    await autosave.dispose();
    store.getState().dispatch(rename('late'));
    lifecycle.dispatchEvent(new Event('pagehide'));
    expect(autosave.pending).toBe(false);
  });

  it('issues the save at once on pagehide, even behind a save still running (the page runs nothing later)', async () => {
    fakeTimers();
    const { base, saves, store, lifecycle, autosave } = await onLifecycle();
    store.getState().dispatch(rename('first'));
    const running = autosave.flush();
    store.getState().dispatch(rename('last'));
    lifecycle.dispatchEvent(new Event('pagehide'));
    expect(saves).toEqual(['first', 'last']);
    await running;
    await autosave.flush();
    expect((await base.list()).map((d) => d.name)).toEqual(['last']);
    await autosave.dispose();
  });

  it('keeps a document not yet written in the backup storage as the page goes, until it is written; the next start stores it', async () => {
    fakeTimers();
    const { repo } = await freshRepository();
    const items = new Map<string, string>();
    const backup = {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
      removeItem: (k: string) => void items.delete(k),
      key: (i: number) => [...items.keys()][i] ?? null,
      get length() {
        return items.size;
      },
    };
    const KEY = `${UNSAVED_PREFIX}${blogDocument().id}`;
    const store = createSchemaStore(blogDocument());
    const lifecycle = new EventTarget();
    const autosave = createAutosave(store, repo, { delayMs: 10_000, lifecycle, backup });
    store.getState().dispatch(rename('kept'));
    lifecycle.dispatchEvent(new Event('pagehide'));
    expect(JSON.parse(items.get(KEY)!).document.name).toBe('kept');
    await autosave.flush();
    expect(items.has(KEY)).toBe(false);
    // Written already: nothing to keep.
    lifecycle.dispatchEvent(new Event('pagehide'));
    expect(items.has(KEY)).toBe(false);
    await autosave.dispose();

    // A page that went before IndexedDB wrote: the next start takes the document back.
    const clock = manualClock(5_000);
    const { repo: next } = await freshRepository({ now: clock.now });
    await next.save({ ...blogDocument(), name: 'stored before' });
    clock.advance(10);
    items.set(KEY, JSON.stringify({ keptAt: clock.now(), document: { ...blogDocument(), name: 'recovered' } }));
    const [doc] = await recoverUnsaved(next, backup);
    expect(doc?.name).toBe('recovered');
    expect((await next.list()).map((d) => d.name)).toEqual(['recovered']);
    expect(await next.getLastOpenedId()).toBe(doc!.id);
    expect(items.has(KEY)).toBe(false);
    // Saved since it was kept (its write got through, or another tab saved): the stored one stays.
    items.set(KEY, JSON.stringify({ keptAt: clock.now(), document: { ...blogDocument(), name: 'stale' } }));
    clock.advance(10);
    await next.save({ ...blogDocument(), name: 'newer' });
    expect(await recoverUnsaved(next, backup)).toEqual([]);
    expect((await next.list()).map((d) => d.name)).toEqual(['newer']);
    expect(items.has(KEY)).toBe(false);
    items.set(KEY, '{not a document');
    expect(await recoverUnsaved(next, backup)).toEqual([]);
    expect(items.has(KEY)).toBe(false);
  });

  it('reports a failed save and retries the same document on the next flush', async () => {
    fakeTimers();
    const { repo: base } = await freshRepository();
    let fail = true;
    const errors: unknown[] = [];
    const repo: DocumentRepository = { ...base, save: (d) => (fail ? Promise.reject(new Error('quota')) : base.save(d)) };
    const store = createSchemaStore(blogDocument());
    const autosave = createAutosave(store, repo, { lifecycle: null, onError: (e) => errors.push(e) });
    store.getState().dispatch(rename('x'));
    await autosave.flush();
    expect(errors).toHaveLength(1);
    fail = false;
    store.getState().dispatch(rename('y'));
    await autosave.flush();
    vi.useRealTimers();
    expect((await base.get('doc_blog'))!.name).toBe('y');
    await autosave.dispose();
  });
});
