'use client';
/**
 * One document session per editor store, shared by <DocumentSession> (start + autosave) and
 * <DocumentMenu> (operations). Opened lazily, in the browser only.
 */
import { openDocumentRepository } from '@/lib/documents/repository';
import { createDocumentSession, type DocumentSession } from '@/lib/documents/session';
import type { SchemaStore } from '@/lib/store/store';

const sessions = new WeakMap<SchemaStore, Promise<DocumentSession>>();

export function getDocumentSession(store: SchemaStore): Promise<DocumentSession> {
  let session = sessions.get(store);
  if (!session) {
    session = openDocumentRepository().then((repo) => createDocumentSession(store, repo));
    sessions.set(store, session);
  }
  return session;
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
