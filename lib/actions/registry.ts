import { matchesShortcut, normalizeShortcut, type KeyInput } from './shortcuts';

/**
 * A user action: one file each (components/actions/*), registered with its shortcuts.
 * `Ctx` is whatever the host passes to perform (the editor passes its store and UI handles).
 */
export interface Action<Ctx> {
  id: string;
  /** Accessible name of the button or menu item, e.g. "Add table". */
  label: string;
  /** Shortcuts, e.g. ['Mod+Z']. */
  shortcuts?: string[];
  /** Help-overlay section. */
  group: 'Edit' | 'Table' | 'View' | 'Document' | 'Help';
  /** Whether the action fires while focus is in a text field. Default false. */
  inInputs?: boolean;
  /** It changes the document (schema or layout): not while the document is read-only (an import preview being checked). */
  edits?: boolean;
  enabled?(ctx: Ctx): boolean;
  perform(ctx: Ctx): void | Promise<void>;
}

export class ShortcutClashError extends Error {
  name = 'ShortcutClashError';
}

export class ActionRegistry<Ctx> {
  private byId = new Map<string, Action<Ctx>>();
  private byShortcut = new Map<string, string>();

  constructor(actions: Action<Ctx>[] = []) {
    for (const a of actions) this.register(a);
  }

  /** Adds an action; refuses a duplicate id or a shortcut another action already has. */
  register(action: Action<Ctx>): void {
    if (this.byId.has(action.id)) throw new ShortcutClashError(`action "${action.id}" is registered twice`);
    for (const s of action.shortcuts ?? []) {
      const key = normalizeShortcut(s);
      const other = this.byShortcut.get(key);
      if (other) throw new ShortcutClashError(`shortcut ${s} of "${action.id}" clashes with "${other}"`);
    }
    for (const s of action.shortcuts ?? []) this.byShortcut.set(normalizeShortcut(s), action.id);
    this.byId.set(action.id, action);
  }

  get(id: string): Action<Ctx> | undefined {
    return this.byId.get(id);
  }

  all(): Action<Ctx>[] {
    return [...this.byId.values()];
  }

  /** The action a key press triggers, if any. */
  forKey(e: KeyInput, opts: { isMac?: boolean; inInput?: boolean } = {}): Action<Ctx> | undefined {
    for (const a of this.byId.values()) {
      if (opts.inInput && !a.inInputs) continue;
      if (a.shortcuts?.some((s) => matchesShortcut(e, s, opts.isMac))) return a;
    }
    return undefined;
  }
}
