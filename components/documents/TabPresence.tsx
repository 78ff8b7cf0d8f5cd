'use client';
import { useEffect, useRef, useState } from 'react';
import { useSchema } from '@/lib/store/react';
import { watchPresence, type Presence } from '@/lib/documents/presence';

/** Says so while another tab shows the same document: their saves overwrite each other's (lib/documents/presence). */
export function TabPresence() {
  const docId = useSchema((s) => s.document.id);
  const presence = useRef<Presence | null>(null);
  const [others, setOthers] = useState(0);
  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    // Not crypto.randomUUID: pages served over plain http (not localhost) lack it.
    const tab = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
    const p = watchPresence(new BroadcastChannel('schemata-presence'), tab, setOthers);
    presence.current = p;
    return () => {
      presence.current = null;
      p.dispose();
    };
  }, []);
  useEffect(() => {
    presence.current?.show(docId);
  }, [docId]);
  if (!others) return null;
  return (
    <span className="rounded bg-amber-100 px-2 py-0.5 text-xs text-amber-900 dark:bg-amber-900/40 dark:text-amber-200" title="Autosave keeps the last tab's save: edits made in the other tab and here overwrite each other.">
      Also open in {others === 1 ? 'another tab' : `${others} other tabs`}: the last to save wins
    </span>
  );
}
