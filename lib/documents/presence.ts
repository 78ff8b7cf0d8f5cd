/**
 * Which documents other tabs have open, over a BroadcastChannel: autosave is last-writer-wins, so two
 * tabs on one document overwrite each other's edits; the editor says so while it is the case.
 *
 * Each tab says which document it shows when it changes (`here`), asks the others on start (`who`),
 * and says `gone` when it closes.
 */
import type { Id } from '../schema/types';

export interface PresenceChannel {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
  close(): void;
}

type Message = { type: 'here'; tab: string; doc?: Id } | { type: 'who'; tab: string } | { type: 'gone'; tab: string };

export interface Presence {
  /** The document this tab shows (undefined: none). */
  show(doc: Id | undefined): void;
  /** How many other tabs show this tab's document. */
  readonly others: number;
  dispose(): void;
}

/** `onChange` gets how many other tabs show the same document, whenever that changes. */
export function watchPresence(channel: PresenceChannel, tab: string, onChange: (others: number) => void): Presence {
  const docs = new Map<string, Id | undefined>();
  let mine: Id | undefined;
  let last = 0;
  const count = () => (mine === undefined ? 0 : [...docs.values()].filter((d) => d === mine).length);
  const changed = () => {
    const n = count();
    if (n !== last) onChange((last = n));
  };
  const onMessage = (e: MessageEvent) => {
    const m = e.data as Message;
    if (!m || typeof m !== 'object' || m.tab === tab) return;
    if (m.type === 'who') channel.postMessage({ type: 'here', tab, doc: mine } satisfies Message);
    else if (m.type === 'here') docs.set(m.tab, m.doc);
    else if (m.type === 'gone') docs.delete(m.tab);
    changed();
  };
  channel.addEventListener('message', onMessage);
  channel.postMessage({ type: 'who', tab } satisfies Message);
  return {
    show(doc) {
      if (doc === mine) return;
      mine = doc;
      channel.postMessage({ type: 'here', tab, doc } satisfies Message);
      changed();
    },
    get others() {
      return count();
    },
    dispose() {
      channel.postMessage({ type: 'gone', tab } satisfies Message);
      channel.removeEventListener('message', onMessage);
      channel.close();
    },
  };
}
