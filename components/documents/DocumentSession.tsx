'use client';
/** Restores the last open document on start and autosaves changes. Renders nothing. */
import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useSchemaStoreApi } from '@/lib/store/react';
import { getDocumentSession } from './session-client';

export function DocumentSession() {
  const store = useSchemaStoreApi();
  const flow = useReactFlow();
  useEffect(() => {
    let live = true;
    let detach: (() => void) | undefined;
    getDocumentSession(store)
      .then(async (session) => {
        const before = store.getState().document.id;
        await session.start();
        // The restored document is not the one the canvas was fitted to.
        if (store.getState().document.id !== before) requestAnimationFrame(() => void flow.fitView({ padding: 0.1 }));
        if (live) detach = session.attach();
      })
      .catch((e) => console.error('Schemata: documents are not saved in this browser', e));
    return () => {
      live = false;
      detach?.();
    };
  }, [store, flow]);
  return null;
}
