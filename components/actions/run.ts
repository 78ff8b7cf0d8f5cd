'use client';
import type { Action } from '@/lib/actions/registry';
import type { EditorContext } from '@/components/editor/context';

/** Why an action that edits does not run while an import preview is shown. */
export const READ_ONLY_WHILE_CHECKING = 'Read-only until PostgreSQL has checked the import';

/** Whether the document is read-only for `action` now (an import preview waiting for PostgreSQL). */
export function blockedByPreview(ctx: EditorContext, action: Action<EditorContext>): boolean {
  return !!action.edits && !!ctx.store.getState().provisional;
}

/** Runs an action from a button or a key: one that edits, on a read-only preview, says why instead. */
export function runAction(ctx: EditorContext, action: Action<EditorContext>): void {
  if (blockedByPreview(ctx, action)) return ctx.ui().announce(READ_ONLY_WHILE_CHECKING);
  void action.perform(ctx);
}
