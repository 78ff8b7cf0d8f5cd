'use client';
import { useCallback } from 'react';
import { useSchemaStoreApi } from '@/lib/store/react';
import { CommandError, type Command } from '@/lib/store/command';
import { useUi } from '@/components/editor/uiStore';

/** Dispatches a command; a refused command (e.g. a duplicate name) is announced instead of thrown. */
export function useSafeDispatch() {
  const store = useSchemaStoreApi();
  return useCallback(
    (cmd: Command) => {
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
