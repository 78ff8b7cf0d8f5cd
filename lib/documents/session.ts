/**
 * The document session: ties one editor store to the repository. It restores the last opened
 * document on start, autosaves while attached, and performs the document-menu operations
 * (open, new, rename, duplicate, delete) so the UI stays a thin layer over it.
 */
import { createDocument } from '../schema/document';
import { newId } from '../schema/ids';
import type { Id, SchemaDocument } from '../schema/types';
import { command } from '../store/command';
import type { SchemaStore } from '../store/store';
import { createAutosave, recoverUnsaved, type Autosave, type AutosaveOptions } from './autosave';
import type { DocumentRepository, DocumentSummary } from './repository';

export interface DocumentSessionOptions {
  autosave?: Omit<AutosaveOptions, 'onSaved' | 'trackLastOpened'>;
  /** The document that replaces the current one when it is deleted and nothing else is stored. */
  emptyDocument?: () => SchemaDocument;
}

export interface DocumentSession {
  readonly repo: DocumentRepository;
  /**
   * Once per session: loads the last opened document into the store, or, when there is none,
   * stores the store's current document (under a fresh id only if its id is already taken) and
   * keeps it open without touching the undo history. Later calls return the same promise.
   */
  start(): Promise<void>;
  /** Turns autosave on; returns the function that turns it off again (flushing pending edits). */
  attach(): () => void;
  flush(): Promise<void>;
  list(): Promise<DocumentSummary[]>;
  /** Loads a stored document into the editor. */
  open(id: Id): Promise<SchemaDocument>;
  /** Stores a new document (new, template, file) and loads it into the editor. */
  openNew(doc: SchemaDocument): Promise<SchemaDocument>;
  rename(id: Id, name: string): Promise<void>;
  duplicate(id: Id): Promise<SchemaDocument>;
  /** Deletes a document; deleting the open one opens the most recent other one (or a new one). */
  remove(id: Id): Promise<void>;
  /** Called whenever stored documents change (saves included). */
  subscribe(listener: () => void): () => void;
}

export function renameDocument(name: string) {
  return command('document/rename', 'Rename document', (doc) => (doc.name === name ? doc : { ...doc, name }));
}

export function createDocumentSession(store: SchemaStore, repo: DocumentRepository, opts: DocumentSessionOptions = {}): DocumentSession {
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());
  const emptyDocument = opts.emptyDocument ?? (() => createDocument());
  let autosave: Autosave | undefined;
  let attachCount = 0;
  let started: Promise<void> | undefined;
  /** The document known to be stored, so loading it does not trigger a save. */
  let stored: SchemaDocument | undefined;

  const current = () => store.getState().document;

  const load = async (doc: SchemaDocument) => {
    await autosave?.flush();
    autosave?.cancel();
    // Recorded before it is shown: a reload right after switching documents restores the one on screen.
    await repo.setLastOpenedId(doc.id);
    stored = doc;
    autosave?.markSaved(doc);
    store.getState().load(doc);
  };

  const session: DocumentSession = {
    repo,
    start() {
      started ??= (async () => {
        // What the last page had not stored when it went (see autosave): stored now, and opened.
        await recoverUnsaved(repo, opts.autosave?.backup).catch(() => undefined);
        const lastId = await repo.getLastOpenedId();
        const last = lastId ? await repo.get(lastId).catch(() => undefined) : undefined;
        if (last) {
          await load(last);
        } else {
          const doc = current();
          if (await repo.get(doc.id).catch(() => 'unreadable' as const)) {
            // Its id is taken (or unreadable): store it as a new document and switch to that.
            const fresh = { ...doc, id: newId('doc') };
            await repo.save(fresh);
            await load(fresh);
          } else {
            // Keep the editor as it is (undo history included) and store what it shows.
            await repo.save(doc);
            stored = doc;
            autosave?.markSaved(doc);
            await repo.setLastOpenedId(doc.id);
          }
        }
        notify();
      })();
      return started;
    },

    attach() {
      attachCount++;
      autosave ??= createAutosave(store, repo, { ...opts.autosave, onSaved: notify });
      if (stored) autosave.markSaved(stored);
      return () => {
        if (--attachCount > 0 || !autosave) return;
        const a = autosave;
        autosave = undefined;
        void a.dispose();
      };
    },

    flush: () => autosave?.flush() ?? Promise.resolve(),
    list: () => repo.list(),

    async open(id) {
      const doc = await repo.get(id);
      if (!doc) throw new Error(`document ${id} no longer exists`);
      await load(doc);
      notify();
      return doc;
    },

    async openNew(doc) {
      const existing = await repo.get(doc.id).catch(() => undefined);
      const fresh = existing || doc.id === current().id ? { ...doc, id: newId('doc') } : doc;
      await autosave?.flush();
      await repo.save(fresh);
      await load(fresh);
      notify();
      return fresh;
    },

    async rename(id, name) {
      if (id === current().id) {
        store.getState().dispatch(renameDocument(name));
        if (autosave) await autosave.flush();
        else await repo.save(current());
      } else {
        await repo.rename(id, name);
      }
      notify();
    },

    async duplicate(id) {
      if (id === current().id) await autosave?.flush();
      const copy = await repo.duplicate(id);
      notify();
      return copy;
    },

    async remove(id) {
      if (id === current().id) {
        autosave?.cancel();
        await repo.delete(id);
        const [next] = await repo.list();
        const doc = next ? await repo.get(next.id) : undefined;
        if (doc) await load(doc);
        else {
          const empty = emptyDocument();
          await repo.save(empty);
          await load(empty);
        }
      } else {
        await repo.delete(id);
      }
      notify();
    },

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return session;
}
