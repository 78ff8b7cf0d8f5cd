'use client';
/** Restores the last open document on start and autosaves changes. Renders nothing. */
import { useEffect } from 'react';
import { useSchemaStoreApi } from '@/lib/store/react';
import { getDocumentSession } from './session-client';

export function DocumentSession() {
  const store = useSchemaStoreApi();
  useEffect(() => {
    let live = true;
    let detach: (() => void) | undefined;
    getDocumentSession(store)
      .then(async (session) => {
        // A restored document other than the sample is fitted by the canvas (useFitOnOpen).
        await session.start();
        if (live) detach = session.attach();
      })
      .catch((e) => console.error('Schemata: documents are not saved in this browser', e));
    return () => {
      live = false;
      detach?.();
    };
  }, [store]);
  return null;
}
