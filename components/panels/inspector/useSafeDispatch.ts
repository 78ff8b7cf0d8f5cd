'use client';
import { useCallback } from 'react';
import { useSchemaStoreApi } from '@/lib/store/react';
import { CommandError, type Command } from '@/lib/store/command';
import { useUi } from '@/components/editor/uiStore';
import { READ_ONLY_WHILE_CHECKING } from '@/components/actions/run';

/** Dispatches a command; a refused command (e.g. a duplicate name, or any edit of an import preview) is announced instead of thrown. */
export function useSafeDispatch() {
  const store = useSchemaStoreApi();
  return useCallback(
    (cmd: Command) => {
      // An import preview is read-only until PostgreSQL has checked it: the edit is refused, and said so.
      if (store.getState().provisional) {
        useUi.getState().announce(READ_ONLY_WHILE_CHECKING);
        return false;
      }
      try {
        store.getState().dispatch(cmd);
        return true;
      } catch (e) {
        if (!(e instanceof CommandError)) throw e;
        useUi.getState().announce(e.message);
        return false;
      }
    },
    [store],
  );
}
